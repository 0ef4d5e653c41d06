/**
 * dues.todos — what the caller should do about dues, for the 首页 to-do list: their own month (from five
 * days before the collection day), arrears and rejected reports; for the 党费管理员 and 书记, reports to
 * confirm, members 3+ months behind and an unfinished 核定; for the 书记, 6-month flags (shown, never acted
 * on). Members: 2 requests; managers: 4.
 */
import type { BranchRole } from '@shared/contract/roles'
import type { dues, DuesTodo } from '@shared/contract/dues'
import { baseReviewStatus } from '@shared/rules/dues/ledger'
import { duesDayOf } from '@shared/rules/dues/months'
import { formatYuan } from '@shared/rules/money'
import { addDays, formatDateCN, formatMonthCN } from '@shared/rules/time'
import { callerTarget, type Handler } from '../../_kit/create-main'
import { branchDues, dueOf, loadBranchAccounts, loadMemberDues, monthView, standingOf, type BranchDues, type BranchMemberRow, type MemberDuesLoad } from '../model'

/** The 'pay' reminder shows from this many days before the collection day. */
const PAY_LEAD_DAYS = 5

/** The caller's own: this month's dues (or the arrears run), and a report sent back. */
function ownTodos({ member, account, ledger }: MemberDuesLoad, bd: BranchDues): DuesTodo[] {
  const items: DuesTodo[] = []
  const standing = standingOf(account, member, bd)
  const run = standing.arrears.currentRun
  const thisMonth = monthView(bd.currentMonth, dueOf(account, member, bd.currentMonth, bd), ledger.find((e) => e.month === bd.currentMonth), bd)
  const collectionDate = duesDayOf(bd.currentMonth, bd.duesDay)
  if (run > 0) {
    items.push({
      key: 'dues-overdue',
      kind: 'overdue',
      title: run >= bd.thresholds.warnMonths ? `您已连续${run}个月未交纳党费` : `您有${run}个月党费未交纳`,
      detail: `共${formatYuan(standing.owedFen)}，请尽快交纳或联系党费管理员`,
      target: 'mine',
    })
  } else if ((thisMonth.status === 'unpaid' || thisMonth.status === 'rejected') && bd.today >= addDays(collectionDate, -PAY_LEAD_DAYS)) {
    items.push({
      key: `dues-pay-${bd.currentMonth}`,
      kind: 'pay',
      title: `交纳${formatMonthCN(bd.currentMonth)}党费`,
      detail: `${formatYuan(thisMonth.dueFen ?? 0)}，收缴日为${formatDateCN(collectionDate)}`,
      target: 'mine',
    })
  }
  const rejected = ledger.filter((e) => e.status === 'rejected')
  if (rejected.length) {
    items.push({
      key: 'dues-rejected',
      kind: 'rejected',
      title: '您报告的党费缴纳被退回',
      detail: rejected[0]?.rejection?.reason ?? '请查看原因后重新提交',
      target: 'mine',
    })
  }
  return items
}

/** The branch's, for the 党费管理员 and 书记: reports to confirm, members behind (6-month flags for the 书记), 核定 unfinished. */
function branchTodos(members: readonly BranchMemberRow[], reports: number, bd: BranchDues, roles: readonly BranchRole[]): DuesTodo[] {
  const items: DuesTodo[] = []
  if (reports > 0) {
    items.push({ key: 'dues-reports', kind: 'review-reports', title: `${reports}笔党费缴纳报告待确认`, detail: '党员报告已通过转账等方式交纳，请核对后确认', target: 'reports' })
  }
  const standings = members.map((m) => ({ m, s: standingOf(m.account[0], m, bd) }))
  const warned = standings.filter(({ s }) => s.arrears.flag === 'warn')
  const flagged = standings.filter(({ s }) => s.arrears.flag === 'lapse-review')
  if (warned.length + flagged.length > 0) {
    items.push({
      key: 'dues-arrears-warn',
      kind: 'arrears-warn',
      title: `${warned.length + flagged.length}名党员连续${bd.thresholds.warnMonths}个月以上未交纳党费`,
      detail: `${[...flagged, ...warned].slice(0, 3).map(({ m }) => m.name).join('、')}${warned.length + flagged.length > 3 ? '等' : ''}，请了解情况并提醒`,
      target: 'arrears',
    })
  }
  if (roles.includes('secretary') && flagged.length > 0) {
    items.push({
      key: 'dues-arrears-flag',
      kind: 'arrears-flag',
      title: `${flagged.length}名党员已连续${bd.thresholds.flagMonths}个月未交纳党费`,
      detail: '按规定应由支部大会研究处理，系统仅作提示',
      target: 'arrears',
    })
  }
  const missing = members.filter((m) => {
    const bases = m.account[0]?.bases ?? []
    const last = bases.reduce<string | null>((d, b) => (d === null || b.assessedOn > d ? b.assessedOn : d), null)
    return !baseReviewStatus({ today: bd.today, lastAssessedOn: last, deadline: bd.profile.assessmentDeadline }).done
  })
  const deadline = `${bd.today.slice(0, 4)}-${bd.profile.assessmentDeadline}`
  if (missing.length > 0 && (bd.today > deadline || bd.today >= addDays(deadline, -45))) {
    items.push({
      key: 'dues-base-review',
      kind: 'base-review',
      title: `${missing.length}名党员尚未完成今年的党费核定`,
      detail: `核定截止日期为${formatDateCN(deadline)}${bd.today > deadline ? '，已逾期' : ''}`,
      target: 'base-review',
    })
  }
  return items
}

export const todos: Handler<typeof dues.actions.todos> = {
  target: callerTarget,
  run: async (_input, ctx) => {
    const memberId = ctx.caller.memberId
    if (!memberId) return { items: [] }
    const mine = await loadMemberDues(ctx, memberId, true)
    const bd = branchDues(mine.branch, ctx.now)
    const items = ownTodos(mine, bd)

    const roles = ctx.caller.branchRoles
    const manager = roles.includes('dues-manager') || roles.includes('secretary')
    if (!manager) return { items }

    const [members, reported] = await Promise.all([
      loadBranchAccounts(ctx, mine.branch._id),
      ctx.store.find('dues_ledger', { branchId: mine.branch._id, status: 'reported' }, { fields: { paymentId: true }, limit: 1000 }),
    ])
    const reports = new Set(reported.map((r) => r.paymentId)).size
    return { items: [...items, ...branchTodos(members, reports, bd, roles)] }
  },
}
