/**
 * points' reminder planning (the reminders timer combines it, reminders/plan.ts): the monthly 积分 申报
 * deadline, to all members of each branch with a published scheme, a few days before. One read over every branch.
 */
import { duePointsDeadline } from '@shared/rules/reminders/schedule'
import { formatDateCN } from '@shared/rules/time'
import type { PlannedReminder, ReminderPlan } from '../../_kit/reminder-plan'
import { pointsDeadlineDays } from './declare-deadlines'

const LINK = '/subpackages/points/declare/index'

export const planPointsReminders: ReminderPlan = async (store, now) => {
  const days = await pointsDeadlineDays(store)
  return ({ known }) => {
    const pending: PlannedReminder[] = []
    for (const p of days) {
      if (!known.has(p.branchId)) continue
      const d = duePointsDeadline(p.deadlineDay, now)
      if (!d) continue
      const m = Number(d.month.slice(5))
      pending.push({
        eventKey: `points-deadline:${p.branchId}:${d.month}`,
        topic: 'points',
        branchId: p.branchId,
        dueAt: d.dueAt,
        expiresAt: d.expiresAt,
        urgent: false,
        audience: { kind: 'branch' },
        todo: { subject: d.month, title: `${m}月积分申报${formatDateCN(d.deadline)}截止`, detail: null, link: LINK, dueDate: d.deadline, until: d.deadline },
        message: { title: `${m}月积分申报`, date: d.deadline, time: null, place: null, note: `${m}月积分申报即将截止，请及时申报` },
      })
    }
    return { pending, later: [] }
  }
}
