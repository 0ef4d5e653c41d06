/**
 * evaluation.vote: invalid ballots and wrong voters refused, one voter ×5 → one ballot, tallies sealed until close,
 * the voting window (on the 第一党支部 round, opened before the block); 50 voters at once with the stored shards
 * inspected; the per-ballot 优秀 limit and self on the ballot.
 */
import { tallyBallots } from '@shared/rules/evaluation/tally'
import type { BallotRow } from '@shared/rules/evaluation/ballot'
import type { EvaluationGrade } from '@shared/rules/evaluation/grades'
import { DEMO, clock, devOpenid, errCode, ok } from '../../../tests/support/cloud'
import { todoId } from '../../_kit/todos'
import { YEAR, ballot, sec, evaluationCloud } from './test-setup'

const NOW = '2026-12-01T02:00:00.000Z' // 10:00 Beijing, the first day of the rounds' voting window
const { cloud, call, measured, makeBranch, openAs, openDemoRound, shardsOf, ballotsOf, rosterOf } = evaluationCloud(NOW)

describe('民主测评 ballots', () => {
  const roundId = `ev_${DEMO.branch}_${YEAR}`
  const graded = () => (cloud.db.dump('eval_rounds')[0] as { gradedIds: string[] }).gradedIds
  beforeAll(openDemoRound) // the 第一党支部 round, as open-round.test.ts opens it

  test('invalid ballots are refused with the rule named and nothing written', async () => {
    const voter = DEMO.m.leader2
    const full = ballot(voter, graded())
    const before = cloud.snapshot()
    const missing = await call('vote', { roundId, rows: full.slice(1) }, devOpenid(voter))
    expect(errCode(missing)).toBe('RULE_VIOLATED')
    expect(missing.ok ? null : missing.error.message).toMatch(/^还有1名党员未选择等次/)
    const self = await call('vote', { roundId, rows: [...full, { memberId: voter, grade: 'excellent' }] }, devOpenid(voter))
    expect(self.ok ? null : self.error.details?.rule).toBe('SELF_GRADED')
    const prob = await call('vote', { roundId, rows: [...full, { memberId: DEMO.m.probationary, grade: 'qualified' }] }, devOpenid(voter))
    expect(prob.ok ? null : prob.error.message).toBe('预备党员参加测评，但不评定等次：郑晓雨')
    const dup = await call('vote', { roundId, rows: [...full, full[0]] }, devOpenid(voter))
    expect(dup.ok ? null : dup.error.details?.rule).toBe('DUPLICATE_MEMBER')
    expect(errCode(await call('vote', { roundId, rows: full.map((r) => ({ ...r, grade: 'great' })) }, devOpenid(voter)))).toBe('INVALID_INPUT')
    expect(cloud.snapshot()).toEqual(before)
  })

  test('wrong voters are refused with the right code', async () => {
    const rows = ballot(DEMO.b2.formal, graded())
    expect(errCode(await call('vote', { roundId, rows }, devOpenid(DEMO.b2.formal)))).toBe('FORBIDDEN')
    expect(errCode(await call('vote', { roundId, rows }, 'dev_stranger'))).toBe('UNAUTHENTICATED')
    expect(errCode(await call('vote', { roundId, rows }, DEMO.adminOpenid))).toBe('FORBIDDEN')
    expect(errCode(await call('vote', { roundId: 'ev_nope', rows }, sec))).toBe('NOT_FOUND')
    expect(ballotsOf(roundId)).toBe(0)
  })

  // Also uses getRound.
  test('one voter submitting 5 times at once → one ballot, one roster record', async () => {
    const voter = DEMO.m.formal
    const rows = ballot(voter, graded(), (id) => (id === DEMO.m.secretary ? 'excellent' : 'qualified'))
    // The reminder's 首页 to-do, closed by the vote.
    const todo = todoId('evaluation', roundId, voter)
    await cloud.db.insertMany('todos', [{ _id: todo, recipientId: voter, memberId: voter, branchId: DEMO.branch, topic: 'evaluation', subject: roundId, title: '民主评议：请投票', detail: null, link: '/subpackages/evaluation/index/index', dueDate: '2099-12-31', until: '2099-12-31', done: false, doneAt: null, createdAt: NOW, updatedAt: NOW }])
    const replies = await Promise.all(Array.from({ length: 5 }, () => call('vote', { roundId, rows }, devOpenid(voter))))
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(replies.filter((r) => !r.ok).map(errCode)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT'])
    expect(ballotsOf(roundId)).toBe(1)
    expect(rosterOf(roundId)).toEqual([{ _id: `${roundId}_${voter}`, roundId, memberId: voter }])
    // Closed without a time: a done-at would date the vote.
    expect(cloud.db.dump('todos').find((t) => t._id === todo)).toMatchObject({ done: true, doneAt: null })
    const again = await call('vote', { roundId, rows }, devOpenid(voter))
    expect(again.ok ? null : again.error.message).toContain('已经投过票')
    const page = ok(await call('getRound', {}, devOpenid(voter))).round
    expect(page.me).toMatchObject({ voted: true, canVote: false })
  })

  // About getTally / exportXlsx / getRoundAdmin before close, after the vote above.
  test('tallies are unreadable before close for every role, the 书记 included; turnout is live', async () => {
    for (const id of [DEMO.m.secretary, DEMO.m.deputy, DEMO.m.organizer, DEMO.m.publicity, DEMO.m.discipline]) {
      const r = await call('getTally', { roundId }, devOpenid(id))
      expect(errCode(r)).toBe('RULE_VIOLATED')
      expect(r.ok ? null : r.error.details?.rule).toBe('TALLY_BEFORE_CLOSE')
      expect(errCode(await call('exportXlsx', { roundId, kind: 'summary' }, devOpenid(id)))).toBe('RULE_VIOLATED')
    }
    expect(errCode(await call('getTally', { roundId }, DEMO.adminOpenid))).toBe('RULE_VIOLATED')
    expect(errCode(await call('getTally', { roundId }, devOpenid(DEMO.m.formal)))).toBe('FORBIDDEN')
    expect(errCode(await call('setFinalGrades', { roundId, grades: [] }, sec))).toBe('RULE_VIOLATED')
    const admin = ok(await call('getRoundAdmin', {}, sec)).round
    expect(admin.turnout).toEqual({ voted: 1, eligible: 30 })
    // The live view carries no per-member vote data at all.
    expect(JSON.stringify(admin)).not.toMatch(/excellent"?:\s*\d|counts|marks/)
  })

  // Also uses getRound.
  test('voting outside the window is refused', async () => {
    const rows = ballot(DEMO.m.leader3, graded())
    clock.set('2026-12-05T17:00:00.000Z') // 12-06 01:00 Beijing: the window (to 12-05) is over
    const late = await call('vote', { roundId, rows }, devOpenid(DEMO.m.leader3))
    expect(late.ok ? null : late.error.details?.rule).toBe('VOTING_ENDED')
    expect(ok(await call('getRound', {}, devOpenid(DEMO.m.leader3))).round.me.canVote).toBe(false)
  })
})

describe('per-ballot 优秀 limit and self on the ballot (unit practice, off by default)', () => {
  const B = 'br_limit'
  const roundId = `ev_${B}_${YEAR}`

  // Also uses openRound, getRound, closeRound, getTally.
  test('a ballot over the limit is refused with the limit named; self may be graded when enabled', async () => {
    const { ids } = await makeBranch(B, 7)
    const round = ok(await openAs(`dev_${ids[0]}`, B, { ballotExcellentLimit: 2, includeSelf: true, showOwnTally: true }))
    expect(round.settings).toMatchObject({ ballotExcellentLimit: 2, includeSelf: true, excellentQuota: 2 })
    const three = await call('vote', { roundId, rows: ids.map((memberId, i) => ({ memberId, grade: i < 3 ? 'excellent' : 'qualified' })) }, `dev_${ids[3]}`)
    expect(three.ok ? null : three.error.message).toBe('每张测评表评为优秀的最多2人，您选了3人')
    const page = ok(await call('getRound', {}, `dev_${ids[3]}`)).round
    expect(page.ballot).toHaveLength(7)
    ok(await call('vote', { roundId, rows: ids.map((memberId, i) => ({ memberId, grade: i < 2 ? 'excellent' : 'qualified' })) }, `dev_${ids[3]}`))
    ok(await call('closeRound', { roundId }, `dev_${ids[0]}`))
    const t = ok(await call('getTally', { roundId }, `dev_${ids[0]}`))
    expect(t.rows.map((r: { ballots: number }) => r.ballots)).toEqual([1, 1, 1, 1, 1, 1, 1])
  })
})

describe('50 voters at once; stored tallies inspected', () => {
  const B = 'br_t50'
  const roundId = `ev_${B}_${YEAR}`
  let ids: string[] = []
  const submitted = new Map<string, BallotRow[]>()

  beforeAll(async () => {
    ids = (await makeBranch(B, 50)).ids
    ok(await openAs(`dev_${ids[0]}`, B))
  })

  test('50 concurrent voters → 50 ballots, 50 roster records', async () => {
    const grades: EvaluationGrade[] = ['excellent', 'qualified', 'basically-qualified', 'unqualified']
    const replies = await Promise.all(
      ids.map((voter, v) => {
        const rows = ballot(voter, ids, (_m, i) => grades[(v * 7 + i * 3) % 4 === 0 ? 0 : (v + i) % 11 === 0 ? 3 : (v + i) % 13 === 0 ? 2 : 1] as EvaluationGrade)
        submitted.set(voter, rows)
        return call('vote', { roundId, rows }, `dev_${voter}`)
      }),
    )
    expect(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.message))).toEqual([])
    expect(ballotsOf(roundId)).toBe(50)
    expect(rosterOf(roundId)).toHaveLength(50)
    expect(ok(await call('getRoundAdmin', { roundId }, `dev_${ids[1]}`)).round.turnout).toEqual({ voted: 50, eligible: 50 })
  })

  test('no ballot is stored: the shards hold counts only, in a shape fixed at opening; the roster only who voted', () => {
    expect(cloud.db.dumpAll()).not.toHaveProperty('eval_ballots')
    const shards = shardsOf(roundId)
    expect(shards.map((s) => s._id)).toEqual(Array.from({ length: 8 }, (_, k) => `${roundId}_t${k}`))
    for (const s of shards) {
      expect(Object.keys(s).sort()).toEqual(['_id', 'ballots', 'counts', 'roundId'])
      // Every graded member, in round order, each with every grade but 合格: a vote changes numbers only.
      expect(Object.keys(s.counts)).toEqual(ids)
      for (const c of Object.values(s.counts)) expect(Object.keys(c)).toEqual(['excellent', 'basically-qualified', 'unqualified'])
      expect(JSON.stringify(s)).not.toMatch(/dev_|\d{4}-\d{2}-\d{2}|\d{2}:\d{2}/)
    }
    for (const r of rosterOf(roundId)) expect(Object.keys(r).sort()).toEqual(['_id', 'memberId', 'roundId'])
  })

  test('the shards add up to the marks submitted (合格 is never counted, it is what is left)', () => {
    const summed = new Map<string, number>()
    for (const s of shardsOf(roundId)) for (const [m, c] of Object.entries(s.counts)) for (const [g, n] of Object.entries(c)) summed.set(`${m}:${g}`, (summed.get(`${m}:${g}`) ?? 0) + n)
    const expected = new Map<string, number>()
    for (const rows of submitted.values()) for (const r of rows) if (r.grade !== 'qualified') expected.set(`${r.memberId}:${r.grade}`, (expected.get(`${r.memberId}:${r.grade}`) ?? 0) + 1)
    for (const [key, n] of summed) expect([key, n]).toEqual([key, expected.get(key) ?? 0])
    expect([...expected.keys()].every((key) => summed.has(key))).toBe(true)
  })

  // Also uses closeRound, getTally.
  test('after close: tallies equal the ballots; ballots = roster; a late vote is refused', async () => {
    const secretary = `dev_${ids[0]}`
    const [c1, c2] = await Promise.all([call('closeRound', { roundId }, secretary), call('closeRound', { roundId }, secretary)])
    expect([c1, c2].filter((r) => r.ok)).toHaveLength(1)
    expect([c1, c2].map(errCode).filter(Boolean)).toEqual(['CONFLICT'])
    const tally = ok(await call('getTally', { roundId }, secretary))
    expect(tally.ballots).toBe(50)
    expect(tally.voted).toBe(50)
    const expected = tallyBallots([...submitted.values()], ids)
    expect(tally.rows.map((r: { memberId: string; counts: unknown; ballots: number }) => ({ memberId: r.memberId, counts: r.counts, ballots: r.ballots }))).toEqual(expected)
    const late = await call('vote', { roundId, rows: ballot(ids[3] as string, ids) }, `dev_${ids[3]}`)
    expect(late.ok ? null : late.error.details?.rule).toBe('ROUND_NOT_OPEN')
    expect(ballotsOf(roundId)).toBe(50)
    // Closing folded the shards into one: at rest from now on, only the round's total.
    expect(shardsOf(roundId).map((s) => s._id)).toEqual([`${roundId}_t0`])
    const measuredTally = await measured('getTally', { roundId }, secretary)
    expect(measuredTally.requests).toBe(3) // caller, round with roster, tally shards
  })
})
