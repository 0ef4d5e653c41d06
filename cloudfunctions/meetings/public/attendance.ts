/**
 * meetings' public surface — attendance for other domains (民主评议 puts it beside the tally): per member, over a Beijing
 * calendar year, the held meetings they were due at, attended, and were excused from — one query over the
 * meetings' denormalised id lists (`rosterIds`, `presentIds`, `leaveIds`, `exemptIds`).
 */
import type { Store } from '../../_kit/store'

export interface AttendanceTotals {
  /** Held meetings the member was on the roster of (年老体弱 exempt members are not due). */
  due: number
  attended: number
  /** Approved leave among the due meetings. */
  leave: number
}

interface MeetingIds {
  rosterIds?: string[]
  presentIds?: string[]
  leaveIds?: string[]
  exemptIds?: string[]
}

/** Totals per member id for the held meetings of `branchId` dated in `year` (Beijing dates). */
export const yearlyAttendance = async (store: Store, branchId: string, year: number): Promise<Record<string, AttendanceTotals>> => {
  const meetings = (await store.findAll(
    'meetings',
    { branchId, date: store.cmd.gte(`${year}-01-01`).and(store.cmd.lte(`${year}-12-31`)), status: 'held' },
    { fields: { rosterIds: true, presentIds: true, leaveIds: true, exemptIds: true } },
  )) as MeetingIds[]
  const out: Record<string, AttendanceTotals> = {}
  const of = (id: string): AttendanceTotals => (out[id] ??= { due: 0, attended: 0, leave: 0 })
  for (const m of meetings) {
    const present = new Set(m.presentIds ?? [])
    const leave = new Set(m.leaveIds ?? [])
    const exempt = new Set(m.exemptIds ?? [])
    for (const id of m.rosterIds ?? []) {
      const t = of(id)
      if (present.has(id)) t.attended += 1
      if (exempt.has(id) && !present.has(id)) continue
      t.due += 1
      if (leave.has(id) && !present.has(id)) t.leave += 1
    }
  }
  return out
}
