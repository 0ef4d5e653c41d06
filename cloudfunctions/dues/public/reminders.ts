/**
 * dues' reminder planning (the reminders timer combines it, reminders/plan.ts): the 党费收缴日 of each
 * branch for all its members, from the branch calendar. No reads of its own (arrears reminders are scheduled
 * into `reminder_events` when the 党费 timer runs).
 */
import type { LaterReminder, PlannedReminder, ReminderPlan } from '../../_kit/reminder-plan'

const LINK = '/subpackages/dues/mine/index'

export const planDuesReminders: ReminderPlan = async () => ({ branches }) => {
  const pending: PlannedReminder[] = []
  const later: LaterReminder[] = []
  for (const { branch: b, calendar, calendarLater } of branches) {
    for (const e of calendar) {
      if (e.kind !== 'dues-day') continue
      pending.push({
        branchId: b._id,
        urgent: false,
        eventKey: `${b._id}:${e.key}`,
        topic: 'dues',
        dueAt: e.dueAt,
        expiresAt: e.expiresAt,
        audience: { kind: 'branch' },
        todo: { subject: `day:${e.subjectDate}`, title: e.title, detail: '请按时交纳党费', link: LINK, dueDate: e.subjectDate, until: e.subjectDate },
        message: { title: '党费交纳', date: e.subjectDate, time: null, place: null, note: '今天是本月党费收缴日，请按时交纳' },
      })
    }
    for (const e of calendarLater) if (e.kind === 'dues-day') later.push({ branchId: b._id, topic: 'dues', audience: { kind: 'branch' } })
  }
  return { pending, later }
}
