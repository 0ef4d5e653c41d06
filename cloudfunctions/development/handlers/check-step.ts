/** development.checkStep — what `recordStep` would answer for a step, without writing ("checks as you type"). */
import type { development } from '@shared/contract/development'
import type { Handler } from '../../_kit/create-main'
import { loadBranch } from '../../org/public/branches'
import type { DevRecordDoc } from '../documents'
import { findingView, loadRecord, profileOf, recordTarget } from '../model'
import { checkStepOn } from '../steps'

export const checkStep: Handler<typeof development.actions.checkStep, DevRecordDoc> = {
  target: async ({ recordId }, ctx) => {
    const rec = await loadRecord(ctx.store, recordId)
    return { target: recordTarget(rec), loaded: rec }
  },
  run: async (input, ctx, rec) => {
    const branch = await loadBranch(ctx.store, rec.branchId)
    const check = checkStepOn(rec, input, profileOf(branch), ctx.caller, ctx.now)
    const stepFindings = check.findings.filter((f) => f.step === input.step)
    return { ok: check.blocking.length === 0, blocking: check.blocking.map(findingView), findings: stepFindings.map(findingView) }
  },
}
