/**
 * The five 台账 of a branch and year as tables (Chinese headers), built from the records only — the same
 * readings the dashboard uses (held = locked records, turnout with exempt members due only when present,
 * 党费 due from the 核定 in force, collected = confirmed ledger months), so the file matches the screen.
 */
import { ROLE_LABELS, type BranchRole } from '@shared/contract/roles'
import { LEDGER_KIND_LABELS, type LedgerKind } from '@shared/contract/workbench'
import type { Profile } from '@shared/profiles'
import { DUES_CATEGORY_LABELS } from '@shared/rules/dues/categories'
import { duesDueFen, duesStanding, type DuesMemberTerms } from '@shared/rules/dues/ledger'
import { EVALUATION_GRADE_LABELS, type EvaluationGrade } from '@shared/rules/evaluation/grades'
import { MEETING_KIND_LABELS } from '@shared/rules/meetings/kinds'
import { POINTS_BAND_LABELS } from '@shared/rules/points/scheme'
import { monthsBetween } from '@shared/rules/time'
import { attendanceRate, meetingTurnout } from '@shared/rules/workbench/turnout'
import type { Collections } from '../_kit/collections'
import type { MemberDoc, OrgDoc } from '../org/public/branches'
import type { Cell, Sheet } from '../_kit/xlsx'

/** Other domains' documents as the registration types them (read through the store for the 台账, never written). */
type MeetingDoc = Collections['meetings']
type DuesAccountDoc = Collections['dues_accounts']
type DuesLedgerDoc = Collections['dues_ledger']
type EvalRoundDoc = Collections['eval_rounds']
type PointsYearDoc = Collections['points_years']

const pct = (r: number | null): string => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`)
const groupName = (branch: OrgDoc, id: string | null): string => branch.groups.find((g) => g.id === id)?.name ?? ''
const roleText = (roles: readonly BranchRole[]): string => roles.map((r) => ROLE_LABELS[r]).join('、')
const head = (branch: OrgDoc, year: number, kind: LedgerKind) => ({ title: `${branch.name}${year}年${LEDGER_KIND_LABELS[kind]}` })

export interface LedgerContext {
  branch: OrgDoc
  year: number
  /** `导出时间：…` and what the figures count up to. */
  subtitle: string
}

/** 党员花名册: every active member. */
export function rosterSheet(ctx: LedgerContext, members: readonly MemberDoc[]): Sheet {
  return {
    name: '党员花名册',
    ...head(ctx.branch, ctx.year, 'roster'),
    subtitle: ctx.subtitle,
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '性别', width: 6 },
      { header: '党小组', width: 12 },
      { header: '党员类别', width: 10 },
      { header: '入党时间', width: 12 },
      { header: '转正时间', width: 12 },
      { header: '党内职务', width: 16 },
      { header: '联系电话', width: 14 },
      { header: '党费类别', width: 12 },
      { header: '备注', width: 16 },
    ],
    rows: members.map((m, i) => [
      i + 1,
      m.name,
      m.gender === 'male' ? '男' : '女',
      groupName(ctx.branch, m.groupId),
      m.status === 'formal' ? '正式党员' : '预备党员',
      m.joinedAt,
      m.formalAt ?? '',
      roleText(m.roles),
      m.phone ?? '',
      m.duesCategory ? DUES_CATEGORY_LABELS[m.duesCategory] : '',
      [m.flags.elderly ? '年老体弱' : '', m.flags.mobile ? '流动党员' : ''].filter(Boolean).join('、'),
    ]),
  }
}

export type MeetingRecord = Pick<
  MeetingDoc,
  '_id' | 'kind' | 'topic' | 'date' | 'time' | 'place' | 'groupId' | 'hostName' | 'recorderName' | 'status' | 'lockedAt' | 'rosterIds' | 'presentIds' | 'leaveIds' | 'exemptIds'
>

/** 三会一课记录与考勤: the held (locked) meetings, and each member's attendance over them. */
export function meetingSheets(ctx: LedgerContext, meetings: readonly MeetingRecord[], members: readonly Pick<MemberDoc, '_id' | 'name' | 'groupId'>[]): Sheet[] {
  const held = meetings.filter((m) => m.status === 'held' && m.lockedAt).sort((a, b) => (a.date === b.date ? a.time.localeCompare(b.time) : a.date < b.date ? -1 : 1))
  const records: Cell[][] = held.map((m, i) => {
    const t = meetingTurnout(m)
    return [i + 1, m.date, m.time, MEETING_KIND_LABELS[m.kind], m.topic, groupName(ctx.branch, m.groupId), m.place, m.hostName, m.recorderName, t.due, t.present, t.leave, pct(attendanceRate(t.present, t.due))]
  })
  const totals = held.reduce((s, m) => {
    const t = meetingTurnout(m)
    return { due: s.due + t.due, present: s.present + t.present, leave: s.leave + t.leave }
  }, { due: 0, present: 0, leave: 0 })
  // Per member, the same reading as `meetings/public/attendance.ts`.
  const per = new Map<string, { due: number; present: number; leave: number }>()
  for (const m of held) {
    const present = new Set(m.presentIds)
    const leave = new Set(m.leaveIds)
    const exempt = new Set(m.exemptIds)
    for (const id of new Set(m.rosterIds)) {
      const t = per.get(id) ?? { due: 0, present: 0, leave: 0 }
      per.set(id, t)
      if (present.has(id)) t.present += 1
      if (exempt.has(id) && !present.has(id)) continue
      t.due += 1
      if (leave.has(id) && !present.has(id)) t.leave += 1
    }
  }
  const people: Cell[][] = members.map((m, i) => {
    const t = per.get(m._id) ?? { due: 0, present: 0, leave: 0 }
    return [i + 1, m.name, groupName(ctx.branch, m.groupId), t.due, t.present, t.leave, Math.max(0, t.due - t.present - t.leave), pct(attendanceRate(t.present, t.due))]
  })
  return [
    {
      name: '会议记录',
      ...head(ctx.branch, ctx.year, 'meetings'),
      subtitle: ctx.subtitle,
      columns: [
        { header: '序号', width: 6 },
        { header: '日期', width: 12 },
        { header: '时间', width: 8 },
        { header: '会议类型', width: 14 },
        { header: '主题', width: 28 },
        { header: '党小组', width: 12 },
        { header: '地点', width: 18 },
        { header: '主持人', width: 10 },
        { header: '记录人', width: 10 },
        { header: '应到', width: 7 },
        { header: '实到', width: 7 },
        { header: '请假', width: 7 },
        { header: '出勤率', width: 9 },
      ],
      rows: records,
      footer: ['合计', `${held.length}次`, '', '', '', '', '', '', '', totals.due, totals.present, totals.leave, pct(attendanceRate(totals.present, totals.due))],
    },
    {
      name: '考勤汇总',
      title: `${ctx.branch.name}${ctx.year}年党员参加组织生活考勤汇总`,
      subtitle: ctx.subtitle,
      columns: [
        { header: '序号', width: 6 },
        { header: '姓名', width: 10 },
        { header: '党小组', width: 12 },
        { header: '应参加', width: 8 },
        { header: '出席', width: 8 },
        { header: '请假', width: 8 },
        { header: '缺席', width: 8 },
        { header: '出勤率', width: 9 },
      ],
      rows: people,
    },
  ]
}

export type DuesMemberRow = Pick<MemberDoc, '_id' | 'name' | 'joinedAt' | 'duesCategory'> & { account: Pick<DuesAccountDoc, 'bases' | 'paidMonths' | 'reportedMonths'>[] }

/**
 * 党费交纳登记表: per member the amount in force, each month's confirmed payment, what the months up to
 * `throughMonth` owed and how much of it was paid — the dashboard's 应交 / 已交 — and 党费交至.
 */
export function duesSheet(
  ctx: LedgerContext,
  members: readonly DuesMemberRow[],
  ledger: readonly Pick<DuesLedgerDoc, 'memberId' | 'month' | 'paidFen' | 'status'>[],
  dues: Profile['dues'],
  throughMonth: string | null,
  lastDue: string,
): Sheet {
  const months = monthsBetween(`${ctx.year}-01`, `${ctx.year}-12`)
  const counted = throughMonth ? monthsBetween(`${ctx.year}-01`, throughMonth) : []
  const paid = new Map<string, number>()
  for (const e of ledger) if (e.status === 'paid') paid.set(`${e.memberId}_${e.month}`, (paid.get(`${e.memberId}_${e.month}`) ?? 0) + e.paidFen)
  let dueTotal = 0
  let paidTotal = 0
  const rows: Cell[][] = members.map((m, i) => {
    const acc = m.account[0]
    const terms: DuesMemberTerms = { joinedAt: m.joinedAt, firstMonth: dues.firstMonth, rounding: dues.rounding }
    const bases = acc?.bases ?? []
    const monthly = months.map((month) => {
      const p = paid.get(`${m._id}_${month}`)
      if (p !== undefined) return p
      const due = duesDueFen(bases, month, terms)
      return due === null ? '—' : due === 0 ? '免交' : month <= lastDue ? '未交' : ''
    })
    const due = counted.reduce((s, month) => s + (duesDueFen(bases, month, terms) ?? 0), 0)
    const got = counted.reduce((s, month) => s + (paid.get(`${m._id}_${month}`) ?? 0), 0)
    dueTotal += due
    paidTotal += got
    const standing = duesStanding({ bases, terms, paidMonths: acc?.paidMonths ?? [], pendingMonths: acc?.reportedMonths ?? [], throughMonth: lastDue, thresholds: { warnMonths: dues.arrearsWarnMonths, flagMonths: dues.arrearsFlagMonths } })
    const current = [...bases].reverse().find((b) => b.fromMonth <= `${ctx.year}-12`) ?? null
    return [i + 1, m.name, m.duesCategory ? DUES_CATEGORY_LABELS[m.duesCategory] : '', current ? current.monthlyFen : null, ...monthly, due, got, standing.paidThrough ?? '']
  })
  const through = throughMonth ? `${Number(throughMonth.slice(5))}月` : '—'
  return {
    name: '党费交纳登记表',
    ...head(ctx.branch, ctx.year, 'dues'),
    subtitle: `${ctx.subtitle}；应交、已交合计截至${through}（单位：元）`,
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '党费类别', width: 12 },
      { header: '月交纳额', width: 10, money: true },
      ...months.map((m) => ({ header: `${Number(m.slice(5))}月`, width: 8, money: true })),
      { header: '应交合计', width: 10, money: true },
      { header: '已交合计', width: 10, money: true },
      { header: '党费交至', width: 10 },
    ],
    rows,
    footer: ['合计', '', '', null, ...months.map(() => null), dueTotal, paidTotal, ''],
  }
}

/** 积分汇总表: each member's year from `points_years` (支委 copy: no public ranking). */
export function pointsSheet(ctx: LedgerContext, members: readonly Pick<MemberDoc, '_id' | 'name' | 'groupId'>[], years: readonly PointsYearDoc[]): Sheet {
  const byMember = new Map(years.map((y) => [y.memberId, y]))
  const periodLabels = years.find((y) => y.periods.length > 0)?.periods.map((p) => p.label.replace(/^\d{4}年/, '')) ?? []
  const rows: Cell[][] = members.map((m, i) => {
    const y = byMember.get(m._id)
    const periods = periodLabels.map((_, j) => y?.periods[j]?.total ?? '—')
    return [i + 1, m.name, groupName(ctx.branch, m.groupId), ...periods, y ? y.adds : '—', y ? y.deducts : '—', y ? y.total : '—', y ? POINTS_BAND_LABELS[y.band] : '未计分']
  })
  return {
    name: '积分汇总表',
    ...head(ctx.branch, ctx.year, 'points'),
    subtitle: ctx.subtitle,
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '党小组', width: 12 },
      ...periodLabels.map((l) => ({ header: l, width: 10 })),
      { header: '加分', width: 8 },
      { header: '扣分', width: 8 },
      { header: '年度积分', width: 10 },
      { header: '等次', width: 8 },
    ],
    rows,
  }
}

/** 民主评议登记表: the year's round (latest), per member 自评, the 测评 tally once closed, the 组织评定. */
export function evaluationSheet(ctx: LedgerContext, round: EvalRoundDoc | null): Sheet {
  const grades: readonly EvaluationGrade[] = round?.grades ?? ['excellent', 'qualified', 'basically-qualified', 'unqualified']
  const columns = [
    { header: '序号', width: 6 },
    { header: '姓名', width: 10 },
    { header: '性别', width: 6 },
    { header: '党员类别', width: 10 },
    { header: '入党时间', width: 12 },
    { header: '个人自评', width: 10 },
    ...grades.map((g) => ({ header: `${EVALUATION_GRADE_LABELS[g]}（票）`, width: 10 })),
    { header: '组织评定等次', width: 12 },
    { header: '说明', width: 24 },
    { header: '限期改正', width: 18 },
  ]
  const base = { name: '民主评议登记表', ...head(ctx.branch, ctx.year, 'evaluation'), columns }
  if (!round) return { ...base, subtitle: `${ctx.subtitle}；本年度尚未开展民主评议党员`, rows: [] }
  const closed = round.status !== 'open'
  const rows: Cell[][] = round.members.map((m, i) => {
    const final = round.finals?.[m.id] ?? null
    const tally = grades.map((g) => (closed && final ? final.tally[g] : '—'))
    const graded = round.gradedIds.includes(m.id)
    const follow = round.followUps[m.id]
    return [
      i + 1,
      m.name,
      m.gender === 'male' ? '男' : '女',
      m.status === 'formal' ? '正式党员' : '预备党员',
      m.joinedAt,
      round.selfAssessments[m.id] ? '已提交' : '未提交',
      ...tally,
      final ? EVALUATION_GRADE_LABELS[final.grade] : graded ? '' : '不评定等次',
      final?.reason ?? '',
      follow ? `${follow.deadline}前：${follow.notes}` : '',
    ]
  })
  const state = { open: '投票进行中', closed: '投票已结束，待公示', published: `已公示（${round.publishedOn ?? ''}起）` }[round.status]
  return { ...base, subtitle: `${ctx.subtitle}；${round.title}，${state}`, rows }
}
