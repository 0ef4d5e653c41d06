/**
 * workbench's public surface for the reminders timer — the year's 谈心谈话 records of many branches, one
 * query per 500 branches (never a query per member).
 */
import { chunks } from '../../_kit/chunks'
import type { Store } from '../../_kit/store'

/** The year's 谈心谈话 records of these branches (removed ones left out). */
export const talksOfYear = async (store: Store, branchIds: readonly string[], year: number): Promise<{ branchId: string; date: string; byId: string; withId: string }[]> => {
  const out: { branchId: string; date: string; byId: string; withId: string }[] = []
  for (const ids of chunks(branchIds)) {
    const rows = await store.findAll('talks', { branchId: store.cmd.in(ids), year }, { fields: { branchId: true, date: true, byId: true, withId: true, removedAt: true } })
    for (const t of rows) if (!t.removedAt) out.push({ branchId: t.branchId, date: t.date, byId: t.byId, withId: t.withId })
  }
  return out
}
