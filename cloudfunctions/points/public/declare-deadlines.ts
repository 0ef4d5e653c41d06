/**
 * points' public surface for the reminders timer — each branch's monthly 积分 申报 deadline day, in one
 * read over every branch.
 */
import type { Store } from '../../_kit/store'

/** Each branch with a published 积分 scheme, and its monthly 申报 deadline day. */
export const pointsDeadlineDays = async (store: Store): Promise<{ branchId: string; deadlineDay: number }[]> => {
  // One document per branch: read them all (a deliberate scan) rather than index an object field.
  const rows = await store.findAll('points_branches', {}, { fields: { branchId: true, current: true } })
  return rows
    .map((r) => ({ branchId: r.branchId, deadlineDay: r.current?.scheme?.declareDeadlineDay ?? 0 }))
    .filter((r) => r.deadlineDay >= 1 && r.deadlineDay <= 28)
}
