/** development.getRecord — one person's 发展党员 timeline: steps with dates, people and materials (with picture links), and the findings. */
import type { development } from '@shared/contract/development'
import { beijingDate } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import { files, PICTURE_LINK_SECONDS } from '../../_kit/files'
import { loadBranch } from '../../org/public/branches'
import type { DevRecordDoc } from '../documents'
import { detailView, loadRecord, profileOf, recordTarget } from '../model'

/** Links to the record's stored material pictures (none asked for when there are none). */
export const materialUrls = async (rec: DevRecordDoc): Promise<Map<string, string>> => {
  const ids = rec.steps.flatMap((s) => s.materials.flatMap((m) => (m.fileId ? [m.fileId] : [])))
  return ids.length ? files().tempUrls(ids, PICTURE_LINK_SECONDS) : new Map()
}

export const getRecord: Handler<typeof development.actions.getRecord, DevRecordDoc> = {
  target: async ({ recordId }, ctx) => {
    const rec = await loadRecord(ctx.store, recordId)
    return { target: recordTarget(rec), loaded: rec }
  },
  run: async (_input, ctx, rec) => {
    const [branch, urls] = await Promise.all([loadBranch(ctx.store, rec.branchId), materialUrls(rec)])
    return detailView(rec, profileOf(branch), beijingDate(ctx.now), urls)
  },
}
