/**
 * evaluation's public surface for the reminders timer — the 民主评议 rounds open for voting today, in one
 * query over every branch.
 */
import type { Store } from '../../_kit/store'

/** Open 民主评议 rounds whose voting runs on `today`. */
export const openEvaluationRounds = async (store: Store, today: string): Promise<{ _id: string; branchId: string; title: string; votingFrom: string; votingTo: string; voterIds: string[] }[]> =>
  store.findAll(
    'eval_rounds',
    { status: 'open', votingFrom: store.cmd.lte(today), votingTo: store.cmd.gte(today) },
    { fields: { _id: true, branchId: true, title: true, votingFrom: true, votingTo: true, voterIds: true } },
  )
