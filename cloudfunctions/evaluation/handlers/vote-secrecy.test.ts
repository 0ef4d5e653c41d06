/**
 * Ballot secrecy against an insider who reads the database: votes with distinct marks —
 * one all-优秀 ballot among them (self is not on the ballot, so a per-ballot record would name its voter by
 * the one missing row) — cast at distinct instants, then every collection dumped in natural order and
 * every console line captured. No per-ballot document exists; the round's tally shards hold counts only, in
 * a shape fixed at opening; the roster says who voted and nothing else; the voter's to-do carries no vote
 * time; no audit line, event or log carries marks. One ballot per member, ballots counted = roster, 20
 * members voting at once all land once, and after close the tally equals the votes and is all that stays.
 */
import { tallyBallots } from '@shared/rules/evaluation/tally'
import type { BallotRow } from '@shared/rules/evaluation/ballot'
import type { EvaluationGrade } from '@shared/rules/evaluation/grades'
import { SEED_PARTS } from '../../../local/seed'
import { evaluationSeed } from '../../../local/seed/evaluation'
import { clock, errCode, ok, startTestCloud, type TestCloud } from '../../../tests/support/cloud'
import { addTestBranch } from '../../../tests/support/branch'
import { createStore } from '../../_kit/store'
import { todoId } from '../../_kit/todos'

const AT = '2026-12-01T02:00:00.000Z' // 10:00 Beijing; the round votes 12-01 … 12-05
const B = 'br_secret'
const roundId = `ev_${B}_2026`
const SHARDS = 8

let cloud: TestCloud
let ids: string[] = []
let graded: string[] = []
const openid = (memberId: string) => `dev_${memberId}`
type Doc = Record<string, unknown>
type Shard = { _id: string; roundId: string; ballots: number; counts: Record<string, Record<string, number>> }

/** `formal` 正式党员 (the first is 书记) and one 预备党员, bound, written straight into the database. */
const makeBranch = (branchId: string, formal: number): Promise<string[]> => addTestBranch(cloud, branchId, { formal, probationary: 1, profileId: 'hunan-wuhua-2018' })

/** `voter`'s full ballot over the 正式党员 (self excluded): `pick` grades each, 合格 by default. */
const ballot = (voter: string, pick: (memberId: string, i: number) => EvaluationGrade = () => 'qualified'): BallotRow[] =>
  graded.filter((id) => id !== voter).map((memberId, i) => ({ memberId, grade: pick(memberId, i) }))

const vote = (voter: string, rows: BallotRow[]) => cloud.call('evaluation', 'vote', { roundId, rows }, openid(voter))

/** Documents by collection and id, for a before/after diff. */
const byId = (dump: Record<string, Doc[]>): Map<string, Map<string, Doc>> =>
  new Map(Object.entries(dump).map(([c, docs]) => [c, new Map(docs.map((d) => [String(d._id), d]))]))

/** What changed between two dumps: added, changed and removed documents as `collection/id`. */
const diff = (before: Record<string, Doc[]>, after: Record<string, Doc[]>) => {
  const a = byId(before)
  const b = byId(after)
  const added: string[] = []
  const changed: string[] = []
  const removed: string[] = []
  for (const [c, docs] of b) {
    for (const [id, d] of docs) {
      const old = a.get(c)?.get(id)
      if (!old) added.push(`${c}/${id}`)
      else if (JSON.stringify(old) !== JSON.stringify(d)) changed.push(`${c}/${id}`)
    }
  }
  for (const [c, docs] of a) for (const id of docs.keys()) if (!b.get(c)?.has(id)) removed.push(`${c}/${id}`)
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() }
}

/** A shard with its numbers zeroed: what does not depend on the votes at all. */
const skeleton = (s: Shard) => ({ ...s, ballots: 0, counts: Object.fromEntries(Object.entries(s.counts).map(([m, c]) => [m, Object.fromEntries(Object.keys(c).map((g) => [g, 0]))])) })

/** Per `memberId:grade`, how many of `ballots` gave it (合格 left out, as the shards leave it out). */
const markTotals = (ballots: readonly BallotRow[][]): Record<string, number> => {
  const t: Record<string, number> = {}
  for (const rows of ballots) for (const r of rows) if (r.grade !== 'qualified') t[`${r.memberId}:${r.grade}`] = (t[`${r.memberId}:${r.grade}`] ?? 0) + 1
  return t
}
const shardTotals = (shards: readonly Shard[]): Record<string, number> => {
  const t: Record<string, number> = {}
  for (const s of shards) for (const [m, c] of Object.entries(s.counts)) for (const [g, n] of Object.entries(c)) if (n) t[`${m}:${g}`] = (t[`${m}:${g}`] ?? 0) + n
  return t
}

const shardsOf = (dump: Record<string, Doc[]>) => (dump.eval_tallies ?? []).filter((t) => t.roundId === roundId) as unknown as Shard[]
const rosterOf = (dump: Record<string, Doc[]>) => (dump.eval_roster ?? []).filter((r) => r.roundId === roundId)

/** Every ballot accepted, by voter (the expected tally at close). */
const accepted = new Map<string, BallotRow[]>()
const logs: string[] = []
const spies: jest.SpyInstance[] = []

beforeAll(async () => {
  cloud = await startTestCloud({ at: AT, parts: SEED_PARTS.filter((p) => p !== evaluationSeed) })
  ids = await makeBranch(B, 24)
  graded = ids.slice(0, 24)
  ok(await cloud.call('evaluation', 'openRound', { branchId: B, year: 2026, votingFrom: '2026-12-01', votingTo: '2026-12-05' }, openid(ids[0] as string)))
  // The reminder's 首页 to-do for every voter ("请在…前投票"), as the reminders timer writes it.
  await cloud.db.insertMany(
    'todos',
    ids.map((m) => ({ _id: todoId('evaluation', roundId, m), recipientId: m, memberId: m, branchId: B, topic: 'evaluation', subject: roundId, title: '民主评议：请投票', detail: null, link: '/subpackages/evaluation/index/index', dueDate: '2026-12-05', until: '2026-12-05', done: false, doneAt: null, createdAt: AT, updatedAt: AT })),
  )
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    spies.push(jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void logs.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '))))
  }
})
afterAll(async () => {
  for (const s of spies) s.mockRestore()
  await cloud.close()
})

describe('votes leave nothing that ties marks to a voter', () => {
  const [allExcellent, mixed, allQualified] = [1, 2, 3]
  const instants = ['2026-12-01T02:11:07.123Z', '2026-12-01T03:42:51.007Z', '2026-12-02T01:05:33.456Z', '2026-12-03T08:59:02.789Z']
  let before: Record<string, Doc[]> = {}
  let after: Record<string, Doc[]> = {}
  let voters: string[] = []

  test('four distinct ballots at four instants; one vote costs 8 database requests', async () => {
    before = cloud.db.dumpAll()
    const probationary = ids[24] as string
    const plan: [string, BallotRow[]][] = [
      // Everyone 优秀 (allowed: the profile sets no per-ballot 优秀 limit) — the ballot that named its voter.
      [ids[allExcellent] as string, ballot(ids[allExcellent] as string, () => 'excellent')],
      [ids[mixed] as string, ballot(ids[mixed] as string, (m) => (m === ids[0] || m === ids[1] ? 'excellent' : m === ids[5] ? 'unqualified' : m === ids[6] ? 'basically-qualified' : 'qualified'))],
      [ids[allQualified] as string, ballot(ids[allQualified] as string)],
      // A 预备党员 votes on every 正式党员 and is not graded.
      [probationary, ballot(probationary, (m) => (m === ids[1] ? 'unqualified' : m === ids[4] ? 'excellent' : m === ids[7] ? 'basically-qualified' : 'qualified'))],
    ]
    for (const [i, [voter, rows]] of plan.entries()) {
      clock.set(instants[i] as string)
      if (i === 2) {
        const counted = await cloud.counted('evaluation', 'vote', { roundId, rows }, openid(voter))
        ok(counted.reply)
        // caller + transaction (start, round, roster entry, shard inc, commit) + the voter's to-do: as before.
        expect(counted.requests).toBe(8)
      } else {
        ok(await vote(voter, rows))
      }
      accepted.set(voter, rows)
    }
    voters = plan.map(([v]) => v)
    clock.set(instants[3] as string)
    after = cloud.db.dumpAll()
  })

  test('no ballot document: the votes added roster entries, changed shard numbers and closed to-dos — nothing else', () => {
    expect(after).not.toHaveProperty('eval_ballots')
    const d = diff(before, after)
    expect(d.removed).toEqual([])
    expect(d.added).toEqual(voters.map((v) => `eval_roster/${roundId}_${v}`).sort())
    const changed = d.changed.filter((x) => !x.startsWith('eval_tallies/') && !x.startsWith('todos/'))
    expect(changed).toEqual([]) // no audit line, no event, no round update, no log collection
    expect(d.changed.filter((x) => x.startsWith('todos/'))).toEqual(voters.map((v) => `todos/${todoId('evaluation', roundId, v)}`).sort())
    const shards = d.changed.filter((x) => x.startsWith('eval_tallies/'))
    expect(shards.length).toBeGreaterThan(0) // the votes were counted somewhere
    expect(shards.every((x) => x.startsWith(`eval_tallies/${roundId}_t`))).toBe(true)
  })

  test('the shards keep their ids, order and shape from opening; only counts change, and they add up', () => {
    const s0 = shardsOf(before)
    const s1 = shardsOf(after)
    expect(s0.map((s) => s._id)).toEqual(Array.from({ length: SHARDS }, (_, k) => `${roundId}_t${k}`))
    expect(s1.map((s) => s._id)).toEqual(s0.map((s) => s._id))
    // Every number is a count (never a time, never a member's own row): the skeleton is what opening wrote.
    expect(s1.map(skeleton)).toEqual(s0.map(skeleton))
    expect(s0.map((s) => s.ballots)).toEqual(Array(SHARDS).fill(0))
    for (const s of s1) {
      expect(Object.keys(s.counts)).toEqual(graded)
      for (const c of Object.values(s.counts)) {
        expect(Object.keys(c)).toEqual(['excellent', 'basically-qualified', 'unqualified'])
        for (const n of Object.values(c)) expect(Number.isInteger(n) && n >= 0 && n <= s.ballots).toBe(true)
      }
    }
    expect(s1.reduce((n, s) => n + s.ballots, 0)).toBe(rosterOf(after).length)
    expect(rosterOf(after)).toHaveLength(4)
    expect(shardTotals(s1)).toEqual(markTotals([...accepted.values()]))
  })

  test('roster entries say who voted and nothing else; to-dos are closed without the vote time', () => {
    for (const r of rosterOf(after)) expect(Object.keys(r).sort()).toEqual(['_id', 'memberId', 'roundId'])
    const todos = new Map((after.todos ?? []).map((t) => [t._id, t]))
    const old = new Map((before.todos ?? []).map((t) => [t._id, t]))
    for (const v of voters) {
      const id = todoId('evaluation', roundId, v)
      // Only done and doneAt changed, and doneAt holds no time (updatedAt is still the reminder's).
      expect(todos.get(id)).toEqual({ ...old.get(id), done: true, doneAt: null })
    }
  })

  test('no changed or added document, and no log line, holds a vote instant or a mark', () => {
    const d = diff(before, after)
    const docs = [...d.added, ...d.changed].map((key) => {
      const [c, ...rest] = key.split('/')
      return JSON.stringify((after[c as string] ?? []).find((x) => String(x._id) === rest.join('/')))
    })
    const stamps = instants.flatMap((iso) => [iso, iso.slice(0, 16), String(Date.parse(iso)), String(Math.floor(Date.parse(iso) / 1000))])
    for (const text of [...docs, ...logs]) for (const stamp of stamps) expect([stamp, text.includes(stamp)]).toEqual([stamp, false])
    for (const line of logs) expect(line).not.toMatch(/excellent|qualified|优秀|合格|marks|rows/)
  })
})

describe('one ballot per member, exactly once, also at once', () => {
  test('20 members voting at the same moment all land once', async () => {
    const crowd = ids.slice(4, 24)
    const grades: EvaluationGrade[] = ['excellent', 'qualified', 'basically-qualified', 'unqualified', 'qualified', 'qualified']
    const rows = crowd.map((v, n) => ballot(v, (_m, i) => grades[(n * 5 + i * 7) % grades.length] as EvaluationGrade))
    const before = cloud.db.dump('eval_roster').length
    const replies = await Promise.all(crowd.map((v, n) => vote(v, rows[n] as BallotRow[])))
    expect(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.message))).toEqual([])
    crowd.forEach((v, n) => accepted.set(v, rows[n] as BallotRow[]))
    const dump = cloud.db.dumpAll()
    expect(rosterOf(dump)).toHaveLength(before + 20)
    expect(new Set(rosterOf(dump).map((r) => r.memberId)).size).toBe(24)
    expect(shardsOf(dump).reduce((n, s) => n + s.ballots, 0)).toBe(24)
    expect(shardTotals(shardsOf(dump))).toEqual(markTotals([...accepted.values()]))
  })

  test('a member submitting three different ballots at once: one counted, two refused', async () => {
    const sec = ids[0] as string
    const tries = [ballot(sec), ballot(sec, (m) => (m === ids[1] ? 'excellent' : 'qualified')), ballot(sec, (m) => (m === ids[2] ? 'unqualified' : 'qualified'))]
    const replies = await Promise.all(tries.map((rows) => vote(sec, rows)))
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(replies.map(errCode).filter(Boolean)).toEqual(['CONFLICT', 'CONFLICT'])
    accepted.set(sec, tries[replies.findIndex((r) => r.ok)] as BallotRow[])
    const dump = cloud.db.dumpAll()
    expect(rosterOf(dump)).toHaveLength(25)
    expect(shardsOf(dump).reduce((n, s) => n + s.ballots, 0)).toBe(25)
    expect(shardTotals(shardsOf(dump))).toEqual(markTotals([...accepted.values()]))
  })

  test('a second vote later is refused and writes nothing', async () => {
    const before = cloud.snapshot()
    const again = await vote(ids[1] as string, ballot(ids[1] as string))
    expect(errCode(again)).toBe('CONFLICT')
    expect(again.ok ? null : again.error.message).toContain('已经投过票')
    expect(cloud.snapshot()).toEqual(before)
  })
})

describe('after close', () => {
  test('tallies equal the votes; ballots = roster; the shards are folded into one total; no audit line holds marks', async () => {
    const tallyBefore = await cloud.call('evaluation', 'getTally', { roundId }, openid(ids[0] as string))
    expect(tallyBefore.ok ? null : tallyBefore.error.details?.rule).toBe('TALLY_BEFORE_CLOSE')
    ok(await cloud.call('evaluation', 'closeRound', { roundId }, openid(ids[0] as string)))
    const t = ok(await cloud.call('evaluation', 'getTally', { roundId }, openid(ids[0] as string)))
    expect(t.ballots).toBe(25)
    expect(t.voted).toBe(25)
    const expected = tallyBallots([...accepted.values()], graded)
    expect(t.rows.map((r: { memberId: string; counts: unknown; ballots: number }) => ({ memberId: r.memberId, counts: r.counts, ballots: r.ballots }))).toEqual(expected)

    const dump = cloud.db.dumpAll()
    const shards = shardsOf(dump)
    // What stays at rest is the round's total, the same numbers the 组织评定 shows, and nothing finer.
    expect(shards.map((s) => s._id)).toEqual([`${roundId}_t0`])
    expect(shards[0]?.ballots).toBe(rosterOf(dump).length)
    expect(shardTotals(shards)).toEqual(markTotals([...accepted.values()]))
    const audits = (dump.audit ?? []).filter((a) => a.targetId === roundId && a.action !== 'evaluation.openRound')
    expect(audits.map((a) => a.action)).toEqual(['evaluation.closeRound'])
    for (const a of audits) expect(JSON.stringify(a)).not.toMatch(/excellent|unqualified|counts|marks/)
    expect((dump.events ?? []).filter((e) => JSON.stringify(e).includes(roundId))).toEqual([])
    for (const line of logs) expect(line).not.toMatch(/excellent|qualified|优秀|合格|marks|rows/)
  })
})

describe('a round whose shards were never written (opening cut off after the round)', () => {
  test('the vote writes its shard itself, in the same transaction; ballots = roster still', async () => {
    const NB = 'br_noshards'
    const nid = `ev_${NB}_2026`
    clock.set(AT)
    const members = await makeBranch(NB, 3)
    ok(await cloud.call('evaluation', 'openRound', { branchId: NB, year: 2026, votingFrom: '2026-12-01', votingTo: '2026-12-05' }, openid(members[0] as string)))
    const store = createStore()
    for (let k = 0; k < SHARDS; k++) await store.remove('eval_tallies', `${nid}_t${k}`)
    const gradedHere = members.slice(0, 3)
    const rows = (voter: string) => gradedHere.filter((id) => id !== voter).map((memberId) => ({ memberId, grade: 'excellent' as EvaluationGrade }))
    const replies = await Promise.all(members.map((v) => cloud.call('evaluation', 'vote', { roundId: nid, rows: rows(v) }, openid(v))))
    expect(replies.map(errCode)).toEqual([null, null, null, null])
    const shards = cloud.db.dump('eval_tallies').filter((t) => t.roundId === nid) as unknown as Shard[]
    expect(shards.reduce((n, s) => n + s.ballots, 0)).toBe(4)
    expect(cloud.db.dump('eval_roster').filter((r) => r.roundId === nid)).toHaveLength(4)
    ok(await cloud.call('evaluation', 'closeRound', { roundId: nid }, openid(members[0] as string)))
    const t = ok(await cloud.call('evaluation', 'getTally', { roundId: nid }, openid(members[0] as string)))
    expect(t.rows.map((r: { counts: { excellent: number }; ballots: number }) => [r.counts.excellent, r.ballots])).toEqual([
      [3, 3],
      [3, 3],
      [3, 3],
    ])
  })
})
