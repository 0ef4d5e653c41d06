/**
 * Demo 党费: a 核定 for every demo member (last year's base, then this year's from January), a year of
 * monthly ledger entries paid around the collection day (现金 / 转账 / 线上, one 代交 and one 预交), 许海燕
 * three months behind, 邓明 six months behind, a pending and a rejected self-report, one 困难党员 reduction,
 * and the published 公示 of the last closed half-year. Deterministic given `nowIso`.
 */
import type { DuesCategory } from '../../shared/src/contract/org'
import type { DuesMethod } from '../../shared/src/contract/dues'
import { resolveProfile } from '../../shared/src/profiles'
import { duesDayOf, lastDueMonth } from '../../shared/src/rules/dues/months'
import { duesDueFen, makeDuesBase, upsertDuesBase, type DuesBaseRecord, type DuesMemberTerms } from '../../shared/src/rules/dues/ledger'
import { lastClosedDuesPeriod, periodMonths } from '../../shared/src/rules/dues/publication'
import { addDays, beijingDate, beijingMonth, monthsBetween, shiftMonth } from '../../shared/src/rules/time'
import type { MemberDoc } from '../../cloudfunctions/org/documents'
import type { DuesAccountDoc, DuesLedgerDoc, DuesPublicationDoc } from '../../cloudfunctions/dues/documents'
import { branchDues } from '../../cloudfunctions/dues/model'
import { summarize } from '../../cloudfunctions/dues/summary'
import { DEMO, demoOrg } from './demo-org'

/** Who is behind, who reported, who 代交 — named so tests and the demo can point at them. */
export const DUES_DEMO = {
  threeBehind: DEMO.m.mobile, // 许海燕
  sixBehind: DEMO.m.unbound, // 邓明
  reported: DEMO.m.publicity, // 刘芳: "我已缴纳" this month, awaiting the 党费管理员
  reportedPaymentId: 'rep_seed_publicity',
  rejected: 'm_b1_16', // 彭静: a report sent back with a reason
  proxy: DEMO.m.retired, // 冯德福: 代交 by his son, 预交 one month ahead
  reduced: 'm_b1_25', // a 困难党员 with an approved reduction
  recorder: DEMO.m.organizer, // 王志强, 组织委员 and 党费管理员
} as const

/** This year's base (元 × 100) and category for the named members; the others get one from a hash. */
const NAMED: Record<string, { category: DuesCategory; baseFen?: number }> = {
  [DEMO.m.secretary]: { category: 'employed', baseFen: 860_000 },
  [DEMO.m.deputy]: { category: 'employed', baseFen: 720_000 },
  [DEMO.m.organizer]: { category: 'employed', baseFen: 650_000 },
  [DEMO.m.publicity]: { category: 'employed', baseFen: 480_000 },
  [DEMO.m.discipline]: { category: 'employed', baseFen: 980_000 },
  [DEMO.m.leader1]: { category: 'employed', baseFen: 500_000 },
  [DEMO.m.leader2]: { category: 'employed', baseFen: 300_000 },
  [DEMO.m.leader3]: { category: 'employed', baseFen: 560_000 },
  [DEMO.m.formal]: { category: 'employed', baseFen: 450_000 },
  [DEMO.m.probationary]: { category: 'employed', baseFen: 320_000 },
  [DEMO.m.retired]: { category: 'retired', baseFen: 420_000 },
  [DEMO.m.student]: { category: 'student' },
  [DEMO.m.mobile]: { category: 'employed', baseFen: 680_000 },
  [DEMO.m.unbound]: { category: 'employed', baseFen: 380_000 },
  m_b1_18: { category: 'retired', baseFen: 560_000 },
  m_b1_22: { category: 'employed', baseFen: 1_050_000 },
  [DUES_DEMO.reduced]: { category: 'employed', baseFen: 280_000 },
}

const hash = (s: string): number => {
  let h = 2166136261
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0
  return h
}

const METHODS: DuesMethod[] = ['cash', 'transfer', 'online', 'cash']

export const duesSeed = (nowIso: string): { dues_accounts: DuesAccountDoc[]; dues_ledger: DuesLedgerDoc[]; dues_publications: DuesPublicationDoc[] } => {
  const now = new Date(nowIso)
  const today = beijingDate(now)
  const currentMonth = beijingMonth(now)
  const { orgs, members } = demoOrg(nowIso)
  const branchOf = new Map(orgs.map((o) => [o._id, o]))
  const profile = resolveProfile('hunan-wuhua-2018').dues
  const year = Number(today.slice(0, 4))
  const firstMonth = shiftMonth(currentMonth, -11)
  const janMonth = `${year}-01`
  const thisYearAssessedOn = today < `${year}-03-15` ? today : `${year}-03-15`
  const recorder = members.find((m) => m._id === DUES_DEMO.recorder) as MemberDoc
  const b2Recorder = members.find((m) => m._id === DEMO.b2.secretary) as MemberDoc

  const accounts: DuesAccountDoc[] = []
  const ledger: DuesLedgerDoc[] = []
  const basesOf = new Map<string, DuesBaseRecord[]>()

  for (const m of members) {
    const branch = branchOf.get(m.branchId)
    if (!branch) continue
    const h = hash(m._id)
    const named = NAMED[m._id]
    const category: DuesCategory = named?.category ?? m.duesCategory ?? 'employed'
    const thisYearFen = named?.baseFen ?? (category === 'retired' ? 380_000 + (h % 30) * 10_000 : 260_000 + (h % 90) * 10_000 + (h % 7) * 1_111)
    // Last year's base was a little lower (a pay rise at the new year).
    const lastYearFen = Math.round((thisYearFen * 0.95) / 100) * 100
    const opts = (assessedOn: string) => ({ rounding: profile.rounding, farmerDefaultFen: profile.farmerDefaultFen, assessedOn })
    const relief = m._id === DUES_DEMO.reduced ? { kind: 'reduced' as const, monthlyFen: 500, approvalRef: '示范街道党工委〔' + year + '〕5号' } : null
    let bases: DuesBaseRecord[] = []
    if (firstMonth < janMonth) {
      bases = upsertDuesBase(bases, makeDuesBase({ fromMonth: firstMonth, category, baseFen: lastYearFen }, opts(`${firstMonth}-10`)))
    }
    bases = upsertDuesBase(bases, makeDuesBase({ fromMonth: firstMonth < janMonth ? janMonth : firstMonth, category, baseFen: thisYearFen, relief }, opts(thisYearAssessedOn)))
    basesOf.set(m._id, bases)
    const terms: DuesMemberTerms = { joinedAt: m.joinedAt, firstMonth: profile.firstMonth, rounding: profile.rounding }
    const lastDue = lastDueMonth(today, branch.duesDay)

    // Which months are paid: everything due, except the members who are behind; the current month by
    // about half the branch (paid early); 冯德福 one month ahead (预交, 代交 by his son).
    const behind = m._id === DUES_DEMO.threeBehind ? 3 : m._id === DUES_DEMO.sixBehind ? 6 : 0
    const through = m._id === DUES_DEMO.proxy ? shiftMonth(currentMonth, 1) : lastDue
    const months = monthsBetween(firstMonth, through).filter((month) => {
      const due = duesDueFen(bases, month, terms)
      if (due === null || due === 0) return false
      if (behind && month > shiftMonth(lastDue, -behind)) return false
      // 吴刚 has not paid this month yet (the e2e walk-through and the fixtures pay it).
      if (m._id === DEMO.m.formal && month === currentMonth) return false
      return true
    })
    const earlyThisMonth = lastDue < currentMonth && h % 2 === 0 && !behind && m._id !== DEMO.m.formal && m._id !== DUES_DEMO.reported && m._id !== DUES_DEMO.rejected
    if (earlyThisMonth && duesDueFen(bases, currentMonth, terms)) months.push(currentMonth)

    const paidMonths: string[] = []
    for (const month of [...new Set(months)].sort()) {
      const dueFen = duesDueFen(bases, month, terms) as number
      const day = duesDayOf(month, branch.duesDay)
      // Most pay a few days before the collection day; every fifth month someone pays a few days late.
      const offset = (hash(`${m._id}${month}`) % 5) - 3
      let paidOn = addDays(day, offset)
      const proxyGroup = m._id === DUES_DEMO.proxy
      if (proxyGroup) paidOn = duesDayOf(month < currentMonth ? month : shiftMonth(currentMonth, -1), branch.duesDay)
      if (paidOn > today) paidOn = today
      const rec = m.branchId === DEMO.branch ? recorder : b2Recorder
      ledger.push({
        _id: `${m._id}_${month.replace('-', '')}`,
        memberId: m._id,
        branchId: m.branchId,
        month,
        status: 'paid',
        dueFen,
        category,
        paidFen: dueFen,
        paidOn,
        method: proxyGroup ? 'cash' : (METHODS[hash(month + m._id) % METHODS.length] as DuesMethod),
        note: proxyGroup && month > lastDue ? '预交' : null,
        payerName: proxyGroup ? '冯小军' : null,
        paymentId: proxyGroup && month >= currentMonth ? `pay_seed_${m._id}_ahead` : `pay_seed_${m._id}_${month.replace('-', '')}`,
        recordedBy: rec._id,
        recordedByName: rec.name,
        recordedAt: `${paidOn}T02:00:00.000Z`,
        report: null,
        rejection: null,
        createdAt: `${paidOn}T02:00:00.000Z`,
        updatedAt: `${paidOn}T02:00:00.000Z`,
      })
      paidMonths.push(month)
    }

    const reportedMonths: string[] = []
    const reportMonth = lastDue < currentMonth ? currentMonth : shiftMonth(currentMonth, 1)
    if (m._id === DUES_DEMO.reported || m._id === DUES_DEMO.rejected) {
      const dueFen = duesDueFen(bases, reportMonth, terms) as number
      const at = addDays(today, -1)
      const rejected = m._id === DUES_DEMO.rejected
      ledger.push({
        _id: `${m._id}_${reportMonth.replace('-', '')}`,
        memberId: m._id,
        branchId: m.branchId,
        month: reportMonth,
        status: rejected ? 'rejected' : 'reported',
        dueFen,
        category,
        paidFen: 0,
        paidOn: null,
        method: null,
        note: null,
        payerName: null,
        paymentId: rejected ? 'rep_seed_rejected' : DUES_DEMO.reportedPaymentId,
        recordedBy: null,
        recordedByName: null,
        recordedAt: null,
        report: { at: `${at}T12:30:00.000Z`, method: 'transfer', paidOn: at, note: rejected ? '微信转账给王志强' : '已通过微信转账', amountFen: rejected ? dueFen - 1000 : dueFen, screenshotFileId: null },
        rejection: rejected ? { reason: '转账金额与应交金额不符，请核对后重新提交', at: `${today}T01:00:00.000Z`, byName: recorder.name } : null,
        createdAt: `${at}T12:30:00.000Z`,
        updatedAt: rejected ? `${today}T01:00:00.000Z` : `${at}T12:30:00.000Z`,
      })
      if (!rejected) reportedMonths.push(reportMonth)
    }

    accounts.push({
      _id: m._id,
      memberId: m._id,
      branchId: m.branchId,
      bases,
      paidMonths,
      reportedMonths,
      proposal:
        m._id === DEMO.m.leader3
          ? { category: 'employed', baseFen: 590_000, farmerFen: null, note: '今年起岗位工资调整', at: `${addDays(today, -3)}T03:00:00.000Z` }
          : null,
      createdAt: `${firstMonth}-10T02:00:00.000Z`,
      updatedAt: nowIso,
    })
  }

  // The 公示 of the last closed half-year for 第一党支部, published a week after its last collection day.
  const publications: DuesPublicationDoc[] = []
  const period = lastClosedDuesPeriod(today, 'half-year')
  const pMonths = periodMonths(period)
  const b1 = branchOf.get(DEMO.branch)
  const publishedOn = b1 ? addDays(duesDayOf(period.end.slice(0, 7), b1.duesDay), 7) : today
  if (b1 && publishedOn <= today) {
    // The 公示 as the publish action computes it (dues/summary.ts), over what had been paid by the day it went up.
    const accountOf = new Map(accounts.map((a) => [a.memberId, a]))
    const branchMembers = members.filter((m) => m.branchId === DEMO.branch).map((m) => ({ ...m, account: accountOf.has(m._id) ? [accountOf.get(m._id) as DuesAccountDoc] : [] }))
    const paidByThen = ledger.filter((e) => e.status === 'paid' && pMonths.includes(e.month) && e.paidOn !== null && e.paidOn <= publishedOn)
    const { rows, totals } = summarize(branchMembers, paidByThen, pMonths, branchDues(b1, now), period)
    publications.push({
      _id: `${DEMO.branch}_${period.key}`,
      branchId: DEMO.branch,
      branchName: b1.name,
      period: period.key,
      label: period.label,
      start: period.start,
      end: period.end,
      publishedAt: `${publishedOn}T02:00:00.000Z`,
      publishedBy: recorder._id,
      publishedByName: recorder.name,
      rows,
      totals,
    })
  }
  return { dues_accounts: accounts, dues_ledger: ledger, dues_publications: publications }
}

/** The seed part appended to `SEED_PARTS` (documents per collection). */
export const duesSeedPart = (nowIso: string): Record<string, Record<string, unknown>[]> =>
  duesSeed(nowIso) as unknown as Record<string, Record<string, unknown>[]>
