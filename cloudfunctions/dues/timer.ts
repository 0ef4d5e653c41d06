/**
 * The daily timer (09:00 Beijing): for every branch whose collection day has passed, each member whose
 * last due month is unpaid gets a `dues.overdue` event (`${memberId}_${yyyymm}`, emitted once) carrying
 * the consecutive unpaid months and the flag; the reminders feature turns 3+ months into a reminder for
 * the member and a to-do for the 党费管理员. 6 months is a flag only (自行脱党 is a 支部大会 decision).
 */
import type { OrgDoc } from '../org/public/branches'
import type { TimerContext } from '../_kit/create-main'
import { emitEvent } from '../_kit/events'
import { reminderEventId, scheduleReminder } from '../_kit/reminder-feed'
import { beijingDate } from '@shared/rules/time'
import { branchDues, dueOf, ledgerId, loadBranchAccounts, standingOf } from './model'

export async function duesTimer(ctx: TimerContext): Promise<{ branches: number; overdue: number }> {
  const branches = await ctx.store.findAll('orgs', { kind: 'branch' }, { fields: { _id: true, kind: true, name: true, profileId: true, profileOverrides: true, duesDay: true } })
  let overdue = 0
  for (const branch of branches as OrgDoc[]) {
    const bd = branchDues(branch, ctx.now)
    const members = await loadBranchAccounts(ctx, branch._id)
    for (const m of members) {
      const acc = m.account[0]
      const due = dueOf(acc, m, bd.lastDue, bd)
      if (due === null || due === 0) continue
      if (acc?.paidMonths.includes(bd.lastDue) || acc?.reportedMonths.includes(bd.lastDue)) continue
      const s = standingOf(acc, m, bd)
      const created = await emitEvent(
        ctx.store,
        {
          type: 'dues.overdue',
          sourceId: ledgerId(m._id, bd.lastDue),
          branchId: branch._id,
          memberId: m._id,
          occurredAt: ctx.now.toISOString(),
          data: { month: bd.lastDue, amountFen: due, consecutiveMonths: s.arrears.currentRun, owedFen: s.owedFen, flag: s.arrears.flag },
        },
        ctx.now,
      )
      if (created) overdue++
      // 3+ consecutive months (the profile's warning): one reminder and to-do for the member per month,
      // through the reminders feature (its quota, one-a-day limit and to-do center). Never more than that.
      const eventKey = `dues-arrears:${m._id}:${bd.lastDue}`
      if (s.arrears.flag !== 'none' && !(await ctx.store.get('reminder_events', reminderEventId(eventKey)))) {
        const until = new Date(ctx.now.getTime() + 14 * 86_400_000)
        await scheduleReminder(
          ctx.store,
          {
            eventKey,
            topic: 'dues',
            branchId: branch._id,
            dueAt: ctx.now.toISOString(),
            expiresAt: until.toISOString(),
            audience: { kind: 'members', memberIds: [m._id], mandatory: false },
            todo: {
              subject: `arrears-${bd.lastDue}`,
              title: `党费已连续${s.arrears.currentRun}个月未交`,
              detail: `合计 ${(s.owedFen / 100).toFixed(2)} 元，请及时交纳或与党费管理员联系`,
              link: '/subpackages/dues/mine/index',
              dueDate: null,
              until: beijingDate(until),
            },
            message: {
              title: '党费交纳提醒',
              date: beijingDate(ctx.now),
              time: null,
              place: null,
              note: `已连续${s.arrears.currentRun}个月未交，合计${(s.owedFen / 100).toFixed(2)}元`,
            },
          },
          ctx.now,
        )
      }
    }
  }
  ctx.log.info('dues timer', { branches: branches.length, overdue })
  return { branches: branches.length, overdue }
}
