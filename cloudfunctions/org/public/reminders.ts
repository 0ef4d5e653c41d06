/**
 * org's reminder planning (the reminders timer combines it, reminders/plan.ts): from the branch calendar,
 * a member's 政治生日 (to the 书记, a few days ahead) and the 换届 — due, overdue, long overdue — to the 书记
 * and the 上级 admins over the branch. No reads of its own.
 */
import type { ReminderKind } from '@shared/rules/reminders/calendar'
import { TODO_NO_END } from '../../_kit/todos'
import { clip, type LaterReminder, type PlannedReminder, type ReminderPlan } from '../../_kit/reminder-plan'

const REELECTION: ReadonlySet<ReminderKind> = new Set(['reelection', 'reelection-overdue', 'reelection-hard-overdue'])

export const planOrgReminders: ReminderPlan = async () => ({ branches }) => {
  const pending: PlannedReminder[] = []
  const later: LaterReminder[] = []
  for (const { branch: b, calendar, calendarLater } of branches) {
    const base = { branchId: b._id, urgent: false }
    for (const e of calendar) {
      const eventKey = `${b._id}:${e.key}`
      if (e.kind === 'political-birthday') {
        pending.push({
          ...base,
          eventKey,
          topic: 'political-birthday',
          dueAt: e.dueAt,
          expiresAt: e.expiresAt,
          audience: { kind: 'secretary' },
          todo: {
            subject: `${e.memberId ?? ''}:${e.subjectDate}`,
            title: e.title,
            detail: '可送政治生日贺卡、开展谈心谈话、重温入党誓词',
            link: null,
            dueDate: e.subjectDate,
            until: e.subjectDate,
          },
          message: { title: clip(e.title.replace(/\d{4}年\d{1,2}月\d{1,2}日/, ''), 20), date: e.subjectDate, time: null, place: null, note: `入党${e.years ?? ''}周年，可送贺卡、谈心谈话` },
        })
      } else if (REELECTION.has(e.kind)) {
        // 换届: the 书记 and the 上级 admins of the branch.
        pending.push({
          ...base,
          eventKey,
          topic: 'reelection',
          dueAt: e.dueAt,
          expiresAt: e.expiresAt,
          audience: { kind: 'secretary-and-admins' },
          todo: { subject: e.key, title: `${b.name}：${e.title}`, detail: null, link: null, dueDate: e.subjectDate, until: e.kind === 'reelection' ? e.subjectDate : TODO_NO_END },
          message: { title: clip(`${b.name}换届`, 20), date: e.subjectDate, time: null, place: null, note: e.title },
        })
      }
    }
    for (const e of calendarLater) {
      if (e.kind === 'political-birthday') later.push({ branchId: b._id, topic: 'political-birthday', audience: { kind: 'secretary' } })
      else if (REELECTION.has(e.kind)) later.push({ branchId: b._id, topic: 'reelection', audience: { kind: 'secretary-and-admins' } })
    }
  }
  return { pending, later }
}
