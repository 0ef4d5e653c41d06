/**
 * development.recordStep — record one step of a person's 发展党员 procedure. The findings the step brings
 * (a date out of order, an interval too short, 双过半 failed, a person missing …) refuse it with
 * RULE_VIOLATED and nothing written; the same step on the same day again is a retry, answered as such.
 * The 上级党委审批 of a 预备党员 adds the person to the branch's roster as a probationary member in the same
 * transaction, under an id derived from the record, so a retry or a concurrent approval adds one member.
 */
import { AppError } from '@shared/contract/errors'
import type { development } from '@shared/contract/development'
import { DEVELOPMENT_STEP_BY_CODE } from '@shared/rules/development'
import { beijingDate, formatDateCN } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import { stableId } from '../../_kit/ids'
import { loadBranch } from '../../org/public/branches'
import { createMemberTx, newMemberDoc } from '../../org/public/members'
import type { DevRecordDoc } from '../documents'
import { detailView, loadRecord, profileOf, recordTarget, refusal } from '../model'
import { checkStepOn } from '../steps'

/** The member a record's admission creates: one per record. */
export const admittedMemberId = (rec: Pick<DevRecordDoc, '_id' | 'branchId'>): string => stableId('m', rec.branchId, 'development', rec._id)

export const recordStep: Handler<typeof development.actions.recordStep, DevRecordDoc> = {
  target: async ({ recordId }, ctx) => {
    const rec = await loadRecord(ctx.store, recordId)
    return { target: recordTarget(rec), loaded: rec }
  },
  run: async (input, ctx, loaded) => {
    const { store, now, caller } = ctx
    const branch = await loadBranch(store, loaded.branchId)
    const profile = profileOf(branch)
    const today = beijingDate(now)
    const out = await store.transaction(async (tx) => {
      const rec = await tx.get('dev_records', loaded._id)
      if (!rec) throw new AppError('NOT_FOUND', '没有找到该发展党员记录')
      const check = checkStepOn(rec, input, profile, caller, now)
      if (check.repeat) return { rec, repeat: true, admitted: null }
      if (check.blocking.length) throw refusal(check.blocking)
      let next = check.next
      let admitted: string | null = null
      if (input.step === 'approval' && !rec.memberId) {
        const vote = next.steps.find((s) => s.step === 'branch-vote')
        if (!vote) throw new AppError('RULE_VIOLATED', '没有支部大会接收预备党员的记录', { rule: 'PREVIOUS_STEP_MISSING' })
        admitted = admittedMemberId(rec)
        const member = newMemberDoc(branch, admitted, { name: rec.name, gender: rec.gender, joinedAt: vote.on, status: 'probationary', groupId: rec.groupId }, now)
        await createMemberTx(tx, member)
        next = { ...next, memberId: admitted }
      }
      await tx.update('dev_records', rec._id, { steps: next.steps, stage: next.stage, memberId: next.memberId, updatedAt: next.updatedAt })
      return { rec: next, repeat: false, admitted }
    })
    if (!out.repeat) {
      const name = DEVELOPMENT_STEP_BY_CODE[input.step].name
      await ctx.audit({ branchId: loaded.branchId, action: 'development.recordStep', targetId: loaded._id, summary: `${loaded.name}：${name}（${formatDateCN(input.date)}）` })
      if (out.admitted) {
        await ctx.audit({ branchId: loaded.branchId, action: 'development.admit', targetId: out.admitted, summary: `${loaded.name}接收为预备党员，加入党员名册` })
      }
    }
    const admittedId = input.step === 'approval' ? out.rec.memberId : out.admitted
    return { detail: detailView(out.rec, profile, today), repeat: out.repeat, admittedMemberId: admittedId }
  },
}
