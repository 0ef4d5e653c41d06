/**
 * Demo reminders: accepts banked by most members of 第一党支部 (吴刚, the 正式党员 persona, has none yet,
 * so the 消息提醒 page shows the accept flow), the switches one member turned off, and the last three
 * 主题党日 as they went: a to-do each (ticked off by most), and a send log entry for those with an accept.
 * Upcoming 政治生日 within the week are open to-dos of the 书记. Deterministic given `nowIso`.
 */
import type { ReminderLogDoc, ReminderSubsDoc } from '../../cloudfunctions/reminders/documents'
import type { TodoDoc } from '../../cloudfunctions/_kit/documents'
import { todoId } from '../../cloudfunctions/_kit/todos'
import { sendLogId } from '../../cloudfunctions/reminders/scheduler'
import { reminderCalendar } from '../../shared/src/rules/reminders/calendar'
import { reminderWindow } from '../../shared/src/rules/reminders/schedule'
import { themeDayOf } from '../../shared/src/rules/theme-day'
import { addDays, beijingDate, beijingDateTime, formatDateCN, monthOf, shiftMonth } from '../../shared/src/rules/time'
import { DEMO, demoOrg, devOpenid } from './demo-org'

type Docs = Record<string, Record<string, unknown>[]>

export const remindersSeed = (nowIso: string): Docs => {
  const { orgs, members } = demoOrg(nowIso)
  const branch = orgs.find((o) => o._id === DEMO.branch)
  if (!branch) return {}
  const b1 = members.filter((m) => m.branchId === DEMO.branch && m.openid)
  const today = beijingDate(nowIso)

  // Accepts: a few each, more for the 书记; none for 吴刚.
  const subs: ReminderSubsDoc[] = b1
    .filter((m) => m._id !== DEMO.m.formal)
    .map((m, i) => ({
      _id: m._id,
      openid: devOpenid(m._id),
      memberId: m._id,
      quota: m._id === DEMO.m.secretary ? { themeDay: 3, meeting: 2, dues: 2, task: 3 } : { themeDay: 1 + (i % 3), meeting: i % 2, dues: i % 2, task: 0 },
      off: m._id === DEMO.m.mobile ? ['dues'] : [],
      lastPushDate: null,
      createdAt: nowIso,
      updatedAt: nowIso,
    }))
  const hasQuota = new Set(subs.map((s) => s._id))

  // The last three 主题党日 (before today): each member's to-do, and the eve message for those with accepts.
  const todos: TodoDoc[] = []
  const logs: ReminderLogDoc[] = []
  const past: string[] = []
  for (let m = monthOf(today), n = 0; n < 6 && past.length < 3; m = shiftMonth(m, -1), n++) {
    const day = themeDayOf(branch.themeDayRule, m)
    if (day < today) past.push(day)
  }
  for (const day of past) {
    const eve = { kind: 'theme-day-eve' as const, date: addDays(day, -1) }
    const w = reminderWindow(eve)
    b1.forEach((m, i) => {
      const at = w.dueAt
      todos.push({
        _id: todoId('theme-day', day, m._id),
        recipientId: m._id,
        memberId: m._id,
        branchId: DEMO.branch,
        topic: 'theme-day',
        subject: day,
        title: `明天（${formatDateCN(day)}）是主题党日`,
        detail: '请按支部通知参加',
        link: '/pages/meetings/index',
        dueDate: day,
        until: day,
        done: i % 4 !== 3,
        doneAt: i % 4 !== 3 ? beijingDateTime(day, '09:30') : null,
        createdAt: at,
        updatedAt: at,
      })
      const key = `${DEMO.branch}:theme-day-eve:${day}`
      const sent = hasQuota.has(m._id)
      logs.push({
        _id: sendLogId(key, m._id),
        eventKey: key,
        topic: 'theme-day',
        branchId: DEMO.branch,
        recipientId: m._id,
        memberId: m._id,
        template: 'themeDay',
        status: sent ? 'sent' : 'skipped',
        reason: sent ? null : 'no-quota',
        attempts: sent ? 1 : 0,
        runId: 'run_seed',
        leaseUntil: at,
        nextAt: null,
        dueAt: w.dueAt,
        expiresAt: w.expiresAt,
        sentAt: sent ? at : null,
        createdAt: at,
        updatedAt: at,
      })
    })
  }

  // 政治生日 in the coming week: open to-dos of the 书记 (what the timer would have added).
  const birthdays = reminderCalendar({ members: members.filter((m) => m.branchId === DEMO.branch).map((m) => ({ id: m._id, name: m.name, joinedAt: m.joinedAt })) }, addDays(today, -7), today)
  for (const e of birthdays) {
    if (e.kind !== 'political-birthday' || e.subjectDate < today) continue
    todos.push({
      _id: todoId('political-birthday', `${e.memberId ?? ''}:${e.subjectDate}`, DEMO.m.secretary),
      recipientId: DEMO.m.secretary,
      memberId: DEMO.m.secretary,
      branchId: DEMO.branch,
      topic: 'political-birthday',
      subject: `${e.memberId ?? ''}:${e.subjectDate}`,
      title: e.title,
      detail: '可送政治生日贺卡、开展谈心谈话、重温入党誓词',
      link: null,
      dueDate: e.subjectDate,
      until: e.subjectDate,
      done: false,
      doneAt: null,
      createdAt: nowIso,
      updatedAt: nowIso,
    })
  }

  return { reminder_subs: subs, todos, reminder_log: logs } as unknown as Docs
}
