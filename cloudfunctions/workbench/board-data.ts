/**
 * Reading every domain's records for the 书记 workbench in a bounded number of requests, whatever the
 * branch size: one branch is ONE aggregate over `orgs` with a lookup per collection (members with their
 * dues accounts, the year's meetings reduced to turnout counts in the database, paid dues by month, the
 * 积分 head and review backlog, 民主评议 rounds with turnout, talks, 学时 totals, the self-assessment); the
 * 上级 overview is one grouped aggregate per collection over all the admin's branches — never a loop.
 */
import type { BranchRole, MemberStatus } from '@shared/contract/roles'
import type { MeetingKind } from '@shared/rules/meetings/kinds'
import type { Collections } from '../_kit/collections'
import type { Store } from '../_kit/store'
import type { MemberDoc, OrgDoc } from '../org/public/branches'
import type { AssessmentDoc, StudyDoc, TalkDoc } from './documents'

/** Other domains' documents as the registration types them (read here through the store, never written). */
type DuesAccountDoc = Collections['dues_accounts']
type PointsBranchDoc = Collections['points_branches']

/** A member as the workbench reads them, with their dues account (0 or 1). */
export interface BoardMember {
  _id: string
  name: string
  gender: MemberDoc['gender']
  phone: string | null
  joinedAt: string
  formalAt: string | null
  status: MemberStatus
  groupId: string | null
  roles: BranchRole[]
  flags: MemberDoc['flags']
  duesCategory: MemberDoc['duesCategory']
  account: Pick<DuesAccountDoc, 'bases' | 'paidMonths' | 'reportedMonths'>[]
}

/** A meeting of the year reduced in the database: its turnout counts and whether the 书记 led it. */
export interface BoardMeeting {
  _id: string
  kind: MeetingKind
  topic: string
  date: string
  groupId: string | null
  status: 'planned' | 'held' | 'cancelled'
  /** A record counts once it is locked (meetings.submitMinutes). */
  locked: boolean
  secretaryLed: boolean
  due: number
  present: number
  leave: number
}

export interface BoardRound {
  _id: string
  year: number
  seq: number
  status: 'open' | 'closed' | 'published'
  title: string
  votingFrom: string
  votingTo: string
  voters: number
  voted: number
}

export interface BranchBoardData {
  branch: OrgDoc
  members: BoardMember[]
  meetings: BoardMeeting[]
  /** Confirmed dues of the year's months: paid amount per month. */
  duesPaid: { _id: string; paidFen: number }[]
  pointsHead: Pick<PointsBranchDoc, 'current' | 'publications'> | null
  /** 积分 entries awaiting review, by status. */
  pointsPending: { _id: string; n: number }[]
  rounds: BoardRound[]
  talks: Pick<TalkDoc, 'date' | 'byId' | 'withId'>[]
  /** 学时 of the year per member. */
  study: { _id: string; hours: number }[]
  assessment: AssessmentDoc | null
}

/**
 * The branch is known, so each lookup is an uncorrelated sub-query with a plain `$match` (served by the
 * collection's branch index, like a find), not a per-document `$expr` join.
 */
const match = (filter: Record<string, unknown>) => ({ $match: filter })
const between = (from: string, to: string) => ({ $gte: from, $lte: to })
/**
 * `$size` of a missing (or null) array fails the whole aggregate in CloudBase (MongoDB semantics), so an
 * older document without one of these arrays would break the dashboard: count it as empty instead.
 */
const size = (expr: unknown) => ({ $size: { $ifNull: [expr, []] } })
/** A field that should hold an array, as one (`[]` when missing): set operators answer null for a missing one. */
const arr = (field: string) => ({ $ifNull: [field, []] })

/**
 * Turnout computed by the database with set operations (the same reading as `meetingTurnout` in
 * shared/src/rules/workbench/turnout.ts): exempt members are due only when they came; leave is excused.
 */
const TURNOUT = {
  present: size({ $setIntersection: [arr('$rosterIds'), arr('$presentIds')] }),
  exemptAbsent: size({ $setDifference: [{ $setIntersection: [arr('$exemptIds'), arr('$rosterIds')] }, arr('$presentIds')] }),
  rosterSize: size({ $setUnion: [arr('$rosterIds'), []] }),
  leave: size({ $setDifference: [{ $setDifference: [{ $setIntersection: [arr('$leaveIds'), arr('$rosterIds')] }, arr('$presentIds')] }, arr('$exemptIds')] }),
}

const SECRETARY_LED = {
  $gt: [size({ $filter: { input: arr('$roster'), as: 'r', cond: { $and: [{ $eq: ['$$r.id', '$hostId'] }, { $in: ['secretary', arr('$$r.roles')] }] } } }), 0],
}

interface RawMeeting extends Omit<BoardMeeting, 'due' | 'locked'> {
  lockedAt: string | null
  rosterSize: number
  exemptAbsent: number
}

const toBoardMeeting = (m: RawMeeting): BoardMeeting => ({
  _id: m._id,
  kind: m.kind,
  topic: m.topic,
  date: m.date,
  groupId: m.groupId ?? null,
  status: m.status,
  locked: typeof m.lockedAt === 'string' && m.lockedAt !== '',
  secretaryLed: m.secretaryLed,
  due: m.rosterSize - m.exemptAbsent,
  present: m.present,
  leave: m.leave,
})

type RawBoard = OrgDoc & Omit<BranchBoardData, 'branch' | 'meetings' | 'pointsHead' | 'assessment'> & {
  meetings: RawMeeting[]
  pointsHead: Pick<PointsBranchDoc, 'current' | 'publications'>[]
  assessment: AssessmentDoc[]
}

/** Everything the dashboard and the self-assessment need for one branch and year: one request. Null for no such branch. */
export async function loadBranchBoard(store: Store, branchId: string, year: number): Promise<BranchBoardData | null> {
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const rows = await store.aggregate<RawBoard>('orgs', (agg) =>
    agg
      .match({ _id: branchId, kind: 'branch' })
      .lookup({
        from: 'members',
        pipeline: [
          match({ branchId, active: true }),
          { $lookup: { from: 'dues_accounts', localField: '_id', foreignField: '_id', as: 'account' } },
          {
            $project: {
              name: 1, gender: 1, phone: 1, joinedAt: 1, formalAt: 1, status: 1, groupId: 1, roles: 1, flags: 1, duesCategory: 1,
              'account.bases': 1, 'account.paidMonths': 1, 'account.reportedMonths': 1,
            },
          },
          { $sort: { joinedAt: 1, _id: 1 } },
          { $limit: 1000 },
        ],
        as: 'members',
      })
      .lookup({
        from: 'meetings',
        pipeline: [
          match({ branchId, date: between(from, to) }),
          {
            $project: {
              kind: 1, topic: 1, date: 1, groupId: 1, status: 1, lockedAt: 1,
              secretaryLed: SECRETARY_LED,
              rosterSize: TURNOUT.rosterSize,
              exemptAbsent: TURNOUT.exemptAbsent,
              present: TURNOUT.present,
              leave: TURNOUT.leave,
            },
          },
          { $sort: { date: 1, _id: 1 } },
          { $limit: 5000 },
        ],
        as: 'meetings',
      })
      .lookup({
        from: 'dues_ledger',
        pipeline: [
          match({ branchId, status: 'paid', month: between(`${year}-01`, `${year}-12`) }),
          { $group: { _id: '$month', paidFen: { $sum: '$paidFen' } } },
          { $limit: 100 },
        ],
        as: 'duesPaid',
      })
      .lookup({
        from: 'points_branches',
        pipeline: [match({ _id: branchId }), { $project: { current: 1, publications: 1 } }, { $limit: 1 }],
        as: 'pointsHead',
      })
      .lookup({
        from: 'points_entries',
        pipeline: [match({ branchId, status: { $in: ['pending-group', 'pending-committee'] } }), { $group: { _id: '$status', n: { $sum: 1 } } }, { $limit: 10 }],
        as: 'pointsPending',
      })
      .lookup({
        from: 'eval_rounds',
        pipeline: [
          match({ branchId, year }),
          { $lookup: { from: 'eval_roster', localField: '_id', foreignField: 'roundId', as: 'roster' } },
          { $project: { year: 1, seq: 1, status: 1, title: 1, votingFrom: 1, votingTo: 1, voters: size('$voterIds'), voted: size('$roster') } },
          { $sort: { seq: -1 } },
          { $limit: 20 },
        ],
        as: 'rounds',
      })
      .lookup({
        from: 'talks',
        pipeline: [match({ branchId, year, removedAt: null }), { $project: { date: 1, byId: 1, withId: 1 } }, { $limit: 10000 }],
        as: 'talks',
      })
      .lookup({
        from: 'study_records',
        pipeline: [match({ branchId, year, removedAt: null }), { $group: { _id: '$memberId', hours: { $sum: '$hours' } } }, { $limit: 1000 }],
        as: 'study',
      })
      .lookup({
        from: 'assessments',
        pipeline: [match({ _id: `as_${branchId}_${year}` }), { $limit: 1 }],
        as: 'assessment',
      })
      .limit(1),
  )
  const raw = rows[0]
  if (!raw) return null
  const { members, meetings, duesPaid, pointsHead, pointsPending, rounds, talks, study, assessment, ...branch } = raw
  return {
    branch: branch as OrgDoc,
    members,
    meetings: meetings.map(toBoardMeeting),
    duesPaid,
    pointsHead: pointsHead[0] ?? null,
    pointsPending,
    rounds,
    talks,
    study,
    assessment: assessment[0] ?? null,
  }
}

// ---------------------------------------------------------------------------------------------------
// The 上级 overview: one grouped aggregate per collection over every branch.

export interface OrgBranchFacts {
  branch: OrgDoc
  members: number
  formal: number
  /** Members with their dues inputs (for collected vs due and arrears). */
  dues: { joinedAt: string; account: Pick<DuesAccountDoc, 'bases' | 'paidMonths' | 'reportedMonths'>[] }[]
  /** Held (locked) meetings of the year, compact. */
  held: { kind: MeetingKind; date: string; groupId: string | null; secretaryLed: boolean }[]
  due: number
  present: number
  paidByMonth: Record<string, number>
  rounds: { status: BoardRound['status']; seq: number }[]
}

interface MemberGroup {
  _id: string
  members: number
  formal: number
  dues: OrgBranchFacts['dues']
}
interface MeetingGroup {
  _id: string
  held: OrgBranchFacts['held']
  due: number
  present: number
}
interface PaidGroup {
  _id: string
  months: { month: string; paidFen: number }[]
}

/** Headline inputs of every branch in `branchIds` for `year`: five requests, however many branches. */
export async function loadOrgBoard(store: Store, branchIds: readonly string[], year: number): Promise<OrgBranchFacts[]> {
  if (branchIds.length === 0) return []
  const cmd = store.cmd
  const ids = [...branchIds]
  const [branches, memberGroups, meetingGroups, paidGroups, rounds] = await Promise.all([
    store.find('orgs', { _id: cmd.in(ids), kind: 'branch' }, { limit: 1000 }),
    store.aggregate<MemberGroup>('members', (agg) =>
      agg
        .match({ branchId: cmd.in(ids), active: true })
        .lookup({ from: 'dues_accounts', localField: '_id', foreignField: '_id', as: 'account' })
        .group({
          _id: '$branchId',
          members: { $sum: 1 },
          formal: { $sum: { $cond: [{ $eq: ['$status', 'formal'] }, 1, 0] } },
          dues: { $push: { joinedAt: '$joinedAt', account: '$account' } },
        })
        .limit(1000),
    ),
    store.aggregate<MeetingGroup>('meetings', (agg) =>
      agg
        .match({ branchId: cmd.in(ids), date: cmd.gte(`${year}-01-01`).and(cmd.lte(`${year}-12-31`)), status: 'held', lockedAt: cmd.neq(null) })
        .project({
          branchId: 1,
          kind: 1,
          date: 1,
          groupId: 1,
          secretaryLed: SECRETARY_LED,
          due: { $subtract: [TURNOUT.rosterSize, TURNOUT.exemptAbsent] },
          present: TURNOUT.present,
        })
        .group({
          _id: '$branchId',
          held: { $push: { kind: '$kind', date: '$date', groupId: '$groupId', secretaryLed: '$secretaryLed' } },
          due: { $sum: '$due' },
          present: { $sum: '$present' },
        })
        .limit(1000),
    ),
    store.aggregate<PaidGroup>('dues_ledger', (agg) =>
      agg
        .match({ branchId: cmd.in(ids), status: 'paid', month: cmd.gte(`${year}-01`).and(cmd.lte(`${year}-12`)) })
        .group({ _id: { b: '$branchId', m: '$month' }, paidFen: { $sum: '$paidFen' } })
        .group({ _id: '$_id.b', months: { $push: { month: '$_id.m', paidFen: '$paidFen' } } })
        .limit(1000),
    ),
    store.find('eval_rounds', { branchId: cmd.in(ids), year }, { limit: 1000, fields: { branchId: true, status: true, seq: true } }),
  ])
  const members = new Map(memberGroups.map((g) => [g._id, g]))
  const meetings = new Map(meetingGroups.map((g) => [g._id, g]))
  const paid = new Map(paidGroups.map((g) => [g._id, g]))
  return branches.map((branch) => {
    const m = members.get(branch._id)
    const mt = meetings.get(branch._id)
    return {
      branch,
      members: m?.members ?? 0,
      formal: m?.formal ?? 0,
      dues: m?.dues ?? [],
      held: (mt?.held ?? []).map((h) => ({ ...h, groupId: h.groupId ?? null })),
      due: mt?.due ?? 0,
      present: mt?.present ?? 0,
      paidByMonth: Object.fromEntries((paid.get(branch._id)?.months ?? []).map((x) => [x.month, x.paidFen])),
      rounds: rounds.filter((r) => r.branchId === branch._id).map((r) => ({ status: r.status, seq: r.seq })),
    }
  })
}

// ---------------------------------------------------------------------------------------------------
// 谈心谈话 and 学时 lists: the branch, its members and the year's records in one request.

export interface RecordsData<T> {
  branch: OrgDoc
  members: Pick<BoardMember, '_id' | 'name' | 'roles' | 'status' | 'groupId' | 'joinedAt'>[]
  records: T[]
}

/**
 * The branch with its active members (or only `memberId`) and the year's live records of `collection`
 * (of `memberId` when given), newest first: one request. Null for no such branch.
 */
export async function loadRecords<C extends 'talks' | 'study_records'>(
  store: Store,
  collection: C,
  branchId: string,
  year: number,
  memberId?: string,
): Promise<RecordsData<C extends 'talks' ? TalkDoc : StudyDoc> | null> {
  const one = memberId === undefined ? {} : { _id: memberId }
  const mine = memberId === undefined ? {} : { memberId }
  const rows = await store.aggregate<OrgDoc & RecordsData<never>>('orgs', (agg) =>
    agg
      .match({ _id: branchId, kind: 'branch' })
      .lookup({
        from: 'members',
        pipeline: [match({ branchId, active: true, ...one }), { $project: { name: 1, roles: 1, status: 1, groupId: 1, joinedAt: 1 } }, { $sort: { joinedAt: 1, _id: 1 } }, { $limit: 1000 }],
        as: 'members',
      })
      .lookup({
        from: collection,
        pipeline: [match({ branchId, year, removedAt: null, ...mine }), { $sort: { date: -1, createdAt: -1 } }, { $limit: 5000 }],
        as: 'records',
      })
      .limit(1),
  )
  const raw = rows[0]
  if (!raw) return null
  const { members, records, ...branch } = raw
  return { branch: branch as OrgDoc, members, records: records as never }
}
