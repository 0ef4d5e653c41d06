/**
 * meetings' public surface for the reminders timer — what is coming up, each as one query over every
 * branch: planned meetings starting soon, the 主题党日 meetings of a span and the 主题党日 items of the
 * published plans.
 */
import type { MeetingKind } from '@shared/rules/meetings/kinds'
import type { Store } from '../../_kit/store'
import type { MeetingDoc } from '../documents'

/** What a reminder needs of a meeting: the fields these queries fetch. */
export type ReminderMeeting = Pick<MeetingDoc, '_id' | 'branchId' | 'kind' | 'topic' | 'date' | 'time' | 'startsAt' | 'place' | 'status' | 'rosterIds' | 'leaveIds'>

export interface ReminderPlanItem {
  branchId: string
  kind: MeetingKind
  date: string
  time: string
  topic: string
}

const MEETING_FIELDS = { _id: true, branchId: true, kind: true, topic: true, date: true, time: true, startsAt: true, place: true, status: true, rosterIds: true, leaveIds: true }

/** Planned meetings starting in `(fromIso, toIso]`. */
export const meetingsStartingBetween = async (store: Store, fromIso: string, toIso: string): Promise<ReminderMeeting[]> =>
  (await store.findAll(
    'meetings',
    { status: 'planned', startsAt: store.cmd.gt(fromIso).and(store.cmd.lte(toIso)) },
    { fields: MEETING_FIELDS },
  )) as ReminderMeeting[]

/** 主题党日 meetings (planned or held) dated within `[from, to]` (Beijing dates). */
export const themeDayMeetings = async (store: Store, from: string, to: string): Promise<ReminderMeeting[]> =>
  (await store.findAll(
    'meetings',
    { kind: 'theme-day', status: store.cmd.neq('cancelled'), date: store.cmd.gte(from).and(store.cmd.lte(to)) },
    { fields: MEETING_FIELDS },
  )) as ReminderMeeting[]

/** 主题党日 items of the published plans of these years dated within `[from, to]`. */
export const themeDayPlanItems = async (store: Store, years: readonly number[], from: string, to: string): Promise<ReminderPlanItem[]> => {
  const plans = await store.findAll('meeting_plans', { status: 'published', year: store.cmd.in([...years]) }, { fields: { branchId: true, items: true } })
  const out: ReminderPlanItem[] = []
  for (const p of plans) {
    for (const i of p.items ?? []) {
      if (i.kind === 'theme-day' && i.date >= from && i.date <= to) out.push({ branchId: p.branchId, kind: i.kind, date: i.date, time: i.time, topic: i.topic })
    }
  }
  return out
}
