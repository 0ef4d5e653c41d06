/**
 * 支部设置 and 换届 (docs/DOMAIN.md §1): checks of member counts, 支委 roles and 党小组 sizes shown to the 书记
 * (never enforced by blocking), the term end, the profile's re-election reminder dates and the overdue /
 * hard-overdue flags.
 */
import { COMMITTEE_ROLES, type BranchRole } from '../contract/roles'
import { RuleInputError } from './errors'
import { addDays, addMonths, addYears, assertDate, diffDays, type DateString } from './time'

/** Thresholds a profile sets for branch structure; counts are of 正式党员 unless stated [N]. */
export interface BranchStructureRule {
  /** ≥3 正式党员 → own 党支部; fewer → 联合党支部. */
  minFormalForBranch: number
  /** ≥7 正式党员 → 支部委员会. */
  committeeFromFormal: number
  /** 支委会 of 3–5 委员, at most 7. */
  committeeMin: number
  committeeUsualMax: number
  committeeMax: number
  /** 一般不超过50人 (all members); at `nearMaxMembers` the 书记 is told early (seed `003_…`). */
  maxMembers: number
  nearMaxMembers: number
  /** Each 党小组 ≥3 members [HN]. */
  groupMinMembers: number
  /** Branches of this many members 一般应当划分党小组 [L]. */
  groupsRecommendedFrom: number
  /** 书记 一般 ≥1 year 党龄 [N]. */
  secretaryMinPartyYears: number
}

export const DEFAULT_BRANCH_STRUCTURE: BranchStructureRule = {
  minFormalForBranch: 3,
  committeeFromFormal: 7,
  committeeMin: 3,
  committeeUsualMax: 5,
  committeeMax: 7,
  maxMembers: 50,
  nearMaxMembers: 45,
  groupMinMembers: 3,
  groupsRecommendedFrom: 20,
  secretaryMinPartyYears: 1,
}

/** Roles a 支委会 must have; 副书记 is optional [N]. */
export const REQUIRED_COMMITTEE_ROLES: readonly BranchRole[] = ['secretary', 'organizer', 'publicity', 'discipline']

export type BranchFindingCode =
  | 'TOO_FEW_FORMAL_MEMBERS'
  | 'OVER_MEMBER_LIMIT'
  | 'NEAR_MEMBER_LIMIT'
  | 'SECRETARY_MISSING'
  | 'COMMITTEE_REQUIRED'
  | 'COMMITTEE_ROLE_MISSING'
  | 'COMMITTEE_TOO_SMALL'
  | 'COMMITTEE_ABOVE_USUAL_SIZE'
  | 'COMMITTEE_TOO_LARGE'
  | 'COMMITTEE_NOT_REQUIRED'
  | 'GROUP_TOO_SMALL'
  | 'GROUPS_RECOMMENDED'
  | 'SECRETARY_PARTY_AGE_SHORT'

export interface BranchFinding {
  code: BranchFindingCode
  level: 'warning' | 'info'
  message: string
  details?: Record<string, unknown>
}

export interface BranchSetupInput {
  formalCount: number
  probationaryCount: number
  /** Who holds which branch role (a member may hold several). */
  roles: readonly { memberId: string; role: BranchRole }[]
  groups: readonly { id: string; name?: string; memberCount: number }[]
  /** The 书记's 入党 date, to check 党龄. */
  secretaryJoinedAt?: DateString | null
  today: DateString
}

const ROLE_NAMES: Partial<Record<BranchRole, string>> = { secretary: '书记', organizer: '组织委员', publicity: '宣传委员', discipline: '纪检委员' }

/** What the 书记 should look at in the branch's structure, most important first; empty when all is well. */
export function branchSetupChecks(input: BranchSetupInput, rule: BranchStructureRule = DEFAULT_BRANCH_STRUCTURE): BranchFinding[] {
  for (const [what, n] of [['formalCount', input.formalCount], ['probationaryCount', input.probationaryCount]] as const) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RuleInputError('INVALID_COUNT', '人数应为非负整数', { [what]: n })
  }
  const today = assertDate(input.today)
  const out: BranchFinding[] = []
  const total = input.formalCount + input.probationaryCount
  if (input.formalCount < rule.minFormalForBranch) {
    out.push({ code: 'TOO_FEW_FORMAL_MEMBERS', level: 'warning', message: `正式党员不足${rule.minFormalForBranch}人，应与邻近单位成立联合党支部`, details: { formalCount: input.formalCount } })
  }
  if (total > rule.maxMembers) {
    out.push({ code: 'OVER_MEMBER_LIMIT', level: 'warning', message: `党员超过${rule.maxMembers}人，可考虑设立党总支`, details: { total } })
  } else if (total >= rule.nearMaxMembers) {
    out.push({ code: 'NEAR_MEMBER_LIMIT', level: 'info', message: `党员已有${total}人，接近${rule.maxMembers}人`, details: { total } })
  }
  const holders = (role: BranchRole): string[] => input.roles.filter((r) => r.role === role).map((r) => r.memberId)
  const committeeMembers = new Set(input.roles.filter((r) => COMMITTEE_ROLES.includes(r.role)).map((r) => r.memberId))
  if (input.formalCount >= rule.committeeFromFormal) {
    if (committeeMembers.size === 0) {
      out.push({ code: 'COMMITTEE_REQUIRED', level: 'warning', message: `正式党员${rule.committeeFromFormal}人以上，应设立支部委员会` })
    } else {
      const missing = REQUIRED_COMMITTEE_ROLES.filter((role) => holders(role).length === 0)
      if (missing.length > 0) {
        out.push({ code: 'COMMITTEE_ROLE_MISSING', level: 'warning', message: `支委会缺少：${missing.map((r) => ROLE_NAMES[r]).join('、')}`, details: { roles: missing } })
      }
      const size = committeeMembers.size
      if (size < rule.committeeMin) {
        out.push({ code: 'COMMITTEE_TOO_SMALL', level: 'warning', message: `支委会委员不足${rule.committeeMin}人`, details: { size } })
      } else if (size > rule.committeeMax) {
        out.push({ code: 'COMMITTEE_TOO_LARGE', level: 'warning', message: `支委会委员一般不超过${rule.committeeMax}人`, details: { size } })
      } else if (size > rule.committeeUsualMax) {
        out.push({ code: 'COMMITTEE_ABOVE_USUAL_SIZE', level: 'info', message: `支委会委员一般为${rule.committeeMin}至${rule.committeeUsualMax}人`, details: { size } })
      }
    }
  } else {
    if (holders('secretary').length === 0) out.push({ code: 'SECRETARY_MISSING', level: 'warning', message: '尚未设置支部书记' })
    const beyond = [...committeeMembers].filter((id) => !holders('secretary').includes(id) && !holders('deputy-secretary').includes(id))
    if (beyond.length > 0) {
      out.push({ code: 'COMMITTEE_NOT_REQUIRED', level: 'info', message: `正式党员不足${rule.committeeFromFormal}人，一般不设支部委员会，只设书记（可设副书记）`, details: { memberIds: beyond } })
    }
  }
  for (const g of input.groups) {
    if (g.memberCount < rule.groupMinMembers) {
      out.push({ code: 'GROUP_TOO_SMALL', level: 'warning', message: `党小组“${g.name ?? g.id}”不足${rule.groupMinMembers}人`, details: { groupId: g.id, memberCount: g.memberCount } })
    }
  }
  if (input.groups.length === 0 && total >= rule.groupsRecommendedFrom) {
    out.push({ code: 'GROUPS_RECOMMENDED', level: 'info', message: `党员${rule.groupsRecommendedFrom}人以上，一般应划分党小组`, details: { total } })
  }
  const joinedAt = input.secretaryJoinedAt
  if (joinedAt && holders('secretary').length > 0 && addYears(assertDate(joinedAt), rule.secretaryMinPartyYears) > today) {
    out.push({ code: 'SECRETARY_PARTY_AGE_SHORT', level: 'info', message: `支部书记一般应有${rule.secretaryMinPartyYears}年以上党龄`, details: { joinedAt } })
  }
  return out
}

// ---------------------------------------------------------------------------------------------------
// 任期 and 换届.

export interface TermRule {
  /** 支部委员会 3 years (村/社区 5) [N]. */
  years: number
  /** Reminder offsets before the term end, in months (negative): −6 [N practice], −3 书面发函 [HN], −2 请示 [L]. */
  reminders: readonly { offsetMonths: number; label: string }[]
  /** A term this many months past its end is flagged hard (12) [N: extension ≤1 year]. */
  hardOverdueMonths: number
}

export interface ReelectionSchedule {
  termEndsAt: DateString
  reminders: { date: DateString; offsetMonths: number; label: string }[]
  /** The day after the term end: 换届 is overdue from here. */
  overdueFrom: DateString
  /** The term end + `hardOverdueMonths`: the hard flag. */
  hardOverdueFrom: DateString
}

/** Reminder and overdue dates of a term ending on `termEndsAt`. */
export function reelectionSchedule(termEndsAt: DateString, rule: Pick<TermRule, 'reminders' | 'hardOverdueMonths'>): ReelectionSchedule {
  assertDate(termEndsAt)
  const reminders = rule.reminders
    .map((r) => ({ date: addMonths(termEndsAt, r.offsetMonths), offsetMonths: r.offsetMonths, label: r.label }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return { termEndsAt, reminders, overdueFrom: addDays(termEndsAt, 1), hardOverdueFrom: addMonths(termEndsAt, rule.hardOverdueMonths) }
}

export type ReelectionStatus = 'no-term' | 'ok' | 'due-soon' | 'overdue' | 'hard-overdue'

export const REELECTION_STATUS_LABELS: Record<ReelectionStatus, string> = {
  'no-term': '未设置任期',
  ok: '任期内',
  'due-soon': '即将届满，请准备换届',
  overdue: '任期已满，应尽快换届',
  'hard-overdue': '超期未换届一年以上',
}

/** Where a branch stands on `today`: in term, within the first reminder, overdue, or hard-overdue. */
export function reelectionStatus(
  termEndsAt: DateString | null | undefined,
  today: DateString,
  rule: Pick<TermRule, 'reminders' | 'hardOverdueMonths'>,
): { status: ReelectionStatus; daysLeft: number | null; schedule: ReelectionSchedule | null } {
  assertDate(today)
  if (!termEndsAt) return { status: 'no-term', daysLeft: null, schedule: null }
  const schedule = reelectionSchedule(termEndsAt, rule)
  const firstReminder = schedule.reminders[0]?.date ?? termEndsAt
  const status: ReelectionStatus =
    today >= schedule.hardOverdueFrom ? 'hard-overdue' : today >= schedule.overdueFrom ? 'overdue' : today >= firstReminder ? 'due-soon' : 'ok'
  return { status, daysLeft: diffDays(today, termEndsAt), schedule }
}
