/**
 * A generated organisation for scale tests and `npm run bench`: one 党委 with `branches` 党支部 of
 * `membersPerBranch` members each (five 支委, three 党小组), a year of held meetings with attendance, 党费
 * 核定 and paid months, a 民主评议 round per branch, and a 上级 admin over all of it. A `SeedPart`, so
 * `startTestCloud({ parts: [bigOrg(...)] })` loads it instead of the demo. Deterministic given `nowIso`.
 */
import { createHash } from 'node:crypto'
import type { BranchRole } from '../../shared/src/contract/roles'
import type { MeetingDoc } from '../../cloudfunctions/meetings/documents'
import type { MemberDoc, OrgDoc, UserDoc } from '../../cloudfunctions/org/documents'
import type { DuesAccountDoc, DuesLedgerDoc } from '../../cloudfunctions/dues/documents'
import { newRoundState, type EvalRoundDoc } from '../../cloudfunctions/evaluation/documents'
import { lastDueMonth } from '../../shared/src/rules/dues/months'
import { makeDuesBase } from '../../shared/src/rules/dues/ledger'
import type { MeetingKind } from '../../shared/src/rules/meetings/kinds'
import { beijingDate, beijingDateTime, monthsBetween, shiftMonth } from '../../shared/src/rules/time'
import type { SeedPart } from '../../local/seed'

export interface BigOrgOptions {
  branches: number
  membersPerBranch: number
  /** Paid 党费 months kept in the ledger per member, counting back from the last due month (default: the whole year). */
  ledgerMonths?: number
}

export const BIG_ORG = {
  committee: 'org_big',
  adminOpenid: 'dev_admin_big',
  branchId: (i: number) => `br_big_${String(i).padStart(3, '0')}`,
  memberId: (b: number, m: number) => `m_big_${String(b).padStart(3, '0')}_${String(m).padStart(3, '0')}`,
  /** Each branch's 书记 signs in as this openid. */
  secretaryOpenid: (b: number) => `dev_big_sec_${String(b).padStart(3, '0')}`,
} as const

const chance = (s: string): number => parseInt(createHash('sha256').update(`big:${s}`).digest('hex').slice(0, 8), 16) / 0x1_0000_0000

const ROLES: BranchRole[][] = [['secretary'], ['deputy-secretary'], ['organizer', 'dues-manager'], ['publicity'], ['discipline']]

type Docs = Record<string, Record<string, unknown>[]>

export const bigOrg =
  (opts: BigOrgOptions): SeedPart =>
  (nowIso) => {
    const today = beijingDate(nowIso)
    const year = Number(today.slice(0, 4))
    const lastDue = lastDueMonth(today, 26)
    const paidFrom = opts.ledgerMonths ? shiftMonth(lastDue, 1 - opts.ledgerMonths) : `${year}-01`
    const orgs: OrgDoc[] = []
    const members: MemberDoc[] = []
    const users: UserDoc[] = []
    const meetings: MeetingDoc[] = []
    const accounts: DuesAccountDoc[] = []
    const ledger: DuesLedgerDoc[] = []
    const rounds: EvalRoundDoc[] = []
    const base: Omit<OrgDoc, '_id' | 'kind' | 'name' | 'parentId' | 'parentName' | 'ancestors' | 'groups'> = {
      profileId: 'hunan-wuhua-2018',
      themeDayRule: { kind: 'day-of-month', day: 26, shiftIfHoliday: true },
      termStartedAt: null,
      termEndsAt: null,
      duesDay: 26,
      createdAt: nowIso,
      updatedAt: nowIso,
    }
    orgs.push({ ...base, _id: BIG_ORG.committee, kind: 'committee', name: '中共大型街道委员会', parentId: null, parentName: null, ancestors: [], groups: [] })
    const branchIds: string[] = []
    for (let b = 0; b < opts.branches; b++) {
      const branchId = BIG_ORG.branchId(b)
      branchIds.push(branchId)
      const groups = [1, 2, 3].map((g) => ({ id: `${branchId}_g${g}`, name: `第${['一', '二', '三'][g - 1]}党小组`, leaderId: BIG_ORG.memberId(b, 4 + g) }))
      const termStart = `${year - 2 - (b % 2)}-0${1 + (b % 9)}-15`
      orgs.push({
        ...base,
        _id: branchId,
        kind: 'branch',
        name: `第${b + 1}党支部`,
        parentId: BIG_ORG.committee,
        parentName: '中共大型街道委员会',
        ancestors: [BIG_ORG.committee],
        groups,
        termStartedAt: termStart,
        termEndsAt: `${Number(termStart.slice(0, 4)) + 3}${termStart.slice(4)}`,
      })
      const ids: string[] = []
      for (let m = 0; m < opts.membersPerBranch; m++) {
        const id = BIG_ORG.memberId(b, m)
        ids.push(id)
        const joinedYear = 1985 + Math.floor(chance(`j:${id}`) * 38)
        const probationary = m === opts.membersPerBranch - 1
        const roles: BranchRole[] = [...(ROLES[m] ?? []), ...(groups.some((g) => g.leaderId === id) ? (['group-leader'] as BranchRole[]) : [])]
        members.push({
          _id: id,
          branchId,
          name: `党员${b + 1}-${m + 1}`,
          gender: m % 2 ? 'female' : 'male',
          phone: null,
          joinedAt: probationary ? `${year}-0${1 + (b % 5)}-10` : `${joinedYear}-0${1 + (m % 9)}-1${m % 10}`,
          formalAt: probationary ? null : `${joinedYear + 1}-0${1 + (m % 9)}-1${m % 10}`,
          status: probationary ? 'probationary' : 'formal',
          groupId: (groups[m % 3] as { id: string }).id,
          duesCategory: 'employed',
          flags: { elderly: m === 10, mobile: false },
          roles,
          openid: m === 0 ? BIG_ORG.secretaryOpenid(b) : null,
          boundAt: m === 0 ? nowIso : null,
          active: true,
          createdAt: nowIso,
          updatedAt: nowIso,
        })
        // 党费: one 核定 from January; paid months with a few members behind.
        const behind = chance(`behind:${id}`) < 0.06 ? 1 + Math.floor(chance(`n:${id}`) * 6) : 0
        const paid = monthsBetween(`${year}-01`, lastDue).slice(0, Math.max(0, monthsBetween(`${year}-01`, lastDue).length - behind))
        const record = makeDuesBase({ fromMonth: `${year}-01`, category: 'employed', baseFen: 300_000 + Math.floor(chance(`w:${id}`) * 900_000) }, { rounding: 'ceil-fen', farmerDefaultFen: 20, assessedOn: `${year}-01-05` })
        accounts.push({ _id: id, memberId: id, branchId, bases: [record], paidMonths: paid, reportedMonths: [], proposal: null, createdAt: nowIso, updatedAt: nowIso })
        for (const month of paid.filter((p) => p >= paidFrom)) {
          ledger.push({
            _id: `${id}_${month.replace('-', '')}`,
            memberId: id,
            branchId,
            month,
            status: 'paid',
            dueFen: record.monthlyFen,
            category: 'employed',
            paidFen: record.monthlyFen,
            paidOn: `${month}-20`,
            method: 'cash',
            note: null,
            payerName: null,
            paymentId: `p_${id}_${month}`,
            recordedBy: BIG_ORG.memberId(b, 2),
            recordedByName: '组织委员',
            recordedAt: nowIso,
            report: null,
            rejection: null,
            createdAt: nowIso,
            updatedAt: nowIso,
          })
        }
      }
      const mine = new Map(members.slice(-opts.membersPerBranch).map((x) => [x._id, x]))
      // A year of meetings so far: 主题党日, 支委会 and each 党小组 monthly; 党员大会 quarterly; 党课 and 组织生活会 half-yearly.
      const plan: { kind: MeetingKind; date: string; groupId: string | null }[] = []
      for (const month of monthsBetween(`${year}-01`, shiftMonth(today.slice(0, 7), -1))) {
        const m = Number(month.slice(5))
        plan.push({ kind: 'theme-day', date: `${month}-26`, groupId: null }, { kind: 'committee', date: `${month}-05`, groupId: null })
        for (const g of groups) plan.push({ kind: 'group', date: `${month}-1${groups.indexOf(g)}`, groupId: g.id })
        if (m % 3 === 0) plan.push({ kind: 'party-congress', date: `${month}-20`, groupId: null })
        if (m % 6 === 0) plan.push({ kind: 'lecture', date: `${month}-15`, groupId: null }, { kind: 'life-meeting', date: `${month}-25`, groupId: null })
      }
      plan.forEach((p, k) => {
        // One branch in ten skips a 党小组会 now and then: the overview has gaps to show.
        if (p.kind === 'group' && b % 10 === 9 && k % 7 === 0) return
        const roster = p.kind === 'committee' ? ids.slice(0, 5) : p.groupId ? [...mine.values()].filter((x) => x.groupId === p.groupId).map((x) => x._id) : ids
        const present = roster.filter((id) => chance(`p:${branchId}:${k}:${id}`) < 0.88)
        const leave = roster.filter((id) => !present.includes(id) && chance(`l:${branchId}:${k}:${id}`) < 0.6)
        const startsAt = beijingDateTime(p.date, '14:30')
        const hostId = p.groupId ? (groups.find((g) => g.id === p.groupId)?.leaderId ?? ids[0]) : ids[0]
        meetings.push({
          _id: `mt_big_${branchId}_${k}`,
          branchId,
          kind: p.kind,
          topic: `${p.date.slice(0, 7)} ${p.kind}`,
          date: p.date,
          time: '14:30',
          startsAt,
          signInOpensAt: startsAt,
          signInClosesAt: startsAt,
          durationMinutes: 90,
          year,
          place: '会议室',
          location: null,
          groupId: p.groupId,
          hostId: hostId as string,
          hostName: '',
          recorderId: ids[2] as string,
          recorderName: '',
          agenda: [],
          invitees: [],
          materials: '',
          status: 'held',
          cancelReason: null,
          roster: roster.map((id) => {
            const m = mine.get(id) as MemberDoc
            return { id, name: m.name, groupId: m.groupId, status: m.status, roles: m.roles, exempt: m.flags.elderly, mobile: false }
          }),
          rosterIds: roster,
          exemptIds: roster.filter((id) => id === BIG_ORG.memberId(b, 10)),
          mobileIds: [],
          presentIds: present,
          leaveIds: leave,
          leavePendingIds: [],
          leaveDeclinedIds: [],
          leaveNotes: {},
          makeupIds: [],
          makeupDoneIds: [],
          minutes: null,
          corrections: [],
          final: null,
          lockedAt: startsAt,
          lockedBy: ids[2] as string,
          secret: 'x',
          planId: null,
          planKey: null,
          createdBy: ids[0] as string,
          createdAt: nowIso,
          updatedAt: nowIso,
        })
      })
      if (b % 3 !== 0) {
        rounds.push({
          _id: `ev_${branchId}_${year}`,
          branchId,
          year,
          seq: 1,
          title: `${year}年度民主评议党员`,
          repeatReason: null,
          status: b % 3 === 1 ? 'open' : 'published',
          grades: ['excellent', 'qualified', 'basically-qualified', 'unqualified'],
          excellentRatio: 1 / 3,
          includeSelf: false,
          ballotExcellentLimit: null,
          unqualifiedReviewShare: 1 / 3,
          showOwnTally: false,
          votingFrom: `${year}-11-01`,
          votingTo: `${year}-11-15`,
          members: [],
          voterIds: ids,
          gradedIds: ids.slice(0, -1),
          ...newRoundState(ids[0] as string, nowIso),
        })
      }
      users.push({ _id: BIG_ORG.secretaryOpenid(b), memberId: ids[0] as string, branchId, groupId: (groups[0] as { id: string }).id, status: 'formal', roles: ['secretary'], name: `党员${b + 1}-1`, adminOrgs: [], adminBranchIds: [], createdAt: nowIso })
    }
    users.push({
      _id: BIG_ORG.adminOpenid,
      memberId: null,
      branchId: null,
      groupId: null,
      status: null,
      roles: [],
      name: '大型党委管理员',
      adminOrgs: [{ id: BIG_ORG.committee, name: '中共大型街道委员会' }],
      adminBranchIds: branchIds,
      createdAt: nowIso,
    })
    return { orgs, members, users, meetings, dues_accounts: accounts, dues_ledger: ledger, eval_rounds: rounds } as unknown as Docs
  }
