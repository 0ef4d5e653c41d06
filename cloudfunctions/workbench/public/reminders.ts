/**
 * workbench's reminder planning (the reminders timer combines it, reminders/plan.ts): once a month, the
 * 书记 of each branch is told which 谈心谈话 the profile requires are still missing or overdue. One read
 * over every branch, only on the day the reminder is due.
 */
import { COMMITTEE_ROLES } from '@shared/contract/roles'
import { dueMonthlyTalksReminder } from '@shared/rules/reminders/schedule'
import { addDays, parseDate } from '@shared/rules/time'
import { talkCoverage } from '@shared/rules/workbench/talks'
import type { PlannedReminder, ReminderPlan } from '../../_kit/reminder-plan'
import { talksOfYear } from './talks'

const LINK = '/subpackages/workbench/talks/index'

export const planWorkbenchReminders: ReminderPlan = async (store, now) => async ({ branches, today }) => {
  const pending: PlannedReminder[] = []
  const due = dueMonthlyTalksReminder(now)
  if (!due) return { pending, later: [] }
  const year = parseDate(today).year
  const talks = await talksOfYear(store, branches.map((b) => b.branch._id), year)
  for (const { branch: b, people: ps, profile } of branches) {
    const secretaryId = ps.find((p) => p.roles.includes('secretary'))?.memberId ?? null
    if (!secretaryId) continue
    const rows = talkCoverage({
      talks: talks.filter((t) => t.branchId === b._id),
      frequencies: profile.talks,
      secretaryId,
      committeeIds: ps.filter((p) => p.roles.some((r) => COMMITTEE_ROLES.includes(r))).map((p) => p.memberId),
      members: ps.map((p) => ({ id: p.memberId, name: p.name })),
      year,
      today,
    }).filter((r) => r.status === 'missing' || r.status === 'overdue')
    const owed = rows.reduce((n, r) => n + r.missing.length, 0)
    if (owed === 0) continue
    const first = rows[0] as (typeof rows)[number]
    pending.push({
      eventKey: `talks-gaps:${b._id}:${due.month}`,
      topic: 'talks',
      branchId: b._id,
      dueAt: due.dueAt,
      expiresAt: due.expiresAt,
      urgent: false,
      audience: { kind: 'secretary' },
      todo: {
        subject: due.month,
        title: `谈心谈话还有${owed}项未完成`,
        detail: rows.map((r) => `${r.label}（${r.periodLabel}）${r.missing.length}项`).join('；'),
        link: LINK,
        dueDate: today,
        until: addDays(today, 30),
      },
      message: { title: '谈心谈话提醒', date: today, time: null, place: null, note: `${first.label}等还有${owed}项未谈` },
    })
  }
  return { pending, later: [] }
}
