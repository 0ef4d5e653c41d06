/**
 * evaluation's reminder planning (the reminders timer combines it, reminders/plan.ts): the 民主评议
 * voting opening, to every voter of an open round, within its window. One read over every branch.
 */
import { evaluationOpenWindow } from '@shared/rules/reminders/schedule'
import { beijingDate, formatDateCN, toEpochMs } from '@shared/rules/time'
import type { PlannedReminder, ReminderPlan } from '../../_kit/reminder-plan'
import { openEvaluationRounds } from './open-rounds'

const LINK = '/subpackages/evaluation/index/index'

export const planEvaluationReminders: ReminderPlan = async (store, now) => {
  const rounds = await openEvaluationRounds(store, beijingDate(now))
  return ({ known }) => {
    const pending: PlannedReminder[] = []
    for (const r of rounds) {
      if (!known.has(r.branchId)) continue
      const w = evaluationOpenWindow(r.votingFrom, r.votingTo)
      if (!(toEpochMs(w.dueAt) <= now.getTime() && now.getTime() < toEpochMs(w.expiresAt))) continue
      pending.push({
        eventKey: `evaluation-open:${r._id}`,
        topic: 'evaluation',
        branchId: r.branchId,
        ...w,
        urgent: false,
        audience: { kind: 'members', memberIds: r.voterIds ?? [], mandatory: false },
        todo: { subject: r._id, title: `${r.title || '民主评议'}：请在${formatDateCN(r.votingTo)}前投票`, detail: null, link: LINK, dueDate: r.votingTo, until: r.votingTo },
        message: { title: r.title || '民主评议党员', date: r.votingTo, time: null, place: null, note: '民主测评已开始，请在截止前完成投票' },
      })
    }
    return { pending, later: [] }
  }
}
