/**
 * The evaluation function through the real SDK on the local backend: opening a round, 自评, anonymous
 * ballots (no ballot stored: tally shards of counts only; ballots counted = roster; tallies = ballots),
 * races (5 submissions by one voter → 1 ballot, 50 voters at once → 50), tallies sealed until close for
 * every role, 组织评定 within the 优秀 cap (31 → 10), the village three-grade scale, 公示, 限期改正, export,
 * 自评 attachments (own folder only, shown with links), and the request budget of the hot actions.
 */
import ExcelJS from 'exceljs'
import { tallyBallots } from '@shared/rules/evaluation/tally'
import type { BallotRow } from '@shared/rules/evaluation/ballot'
import type { EvaluationGrade } from '@shared/rules/evaluation/grades'
import { evaluationSeed } from '../../local/seed/evaluation'
import { SEED_PARTS } from '../../local/seed'
import { addTestBranch } from '../../tests/support/branch'
import { DEMO, clock, devOpenid, errCode, ok, startTestCloud, type Reply, type TestCloud } from '../../tests/support/cloud'
import { png } from '../../tests/support/images'
import { todoId } from '../_kit/todos'

let cloud: TestCloud
const NOW = '2026-12-01T02:00:00.000Z' // 10:00 Beijing
const YEAR = 2026
const sec = devOpenid(DEMO.m.secretary)

beforeAll(async () => {
  // The demo's own rounds are checked in evaluation-seed.test.ts; here every round starts from nothing.
  cloud = await startTestCloud({ at: NOW, parts: SEED_PARTS.filter((p) => p !== evaluationSeed) })
})
afterAll(async () => {
  await cloud.close()
})
beforeEach(() => clock.set(NOW))

const call = (action: string, input: unknown, openid: string | null) => cloud.call('evaluation', action, input, openid)

/** Calls the function and reports how many database requests it made. */
const measured = (action: string, input: unknown, openid: string) => cloud.counted('evaluation', action, input, openid)

// ---- test branches written straight into the database: n 正式党员 (+ p 预备), the first is 书记, the second 组织委员.
const makeBranch = async (id: string, formal: number, opts: { probationary?: number; profileId?: string } = {}): Promise<{ ids: string[]; openid: (memberId: string) => string }> => {
  const ids = await addTestBranch(cloud, id, { formal, probationary: opts.probationary, profileId: opts.profileId ?? 'hunan-wuhua-2018', roles: (n) => (n === 0 ? ['secretary'] : n === 1 ? ['organizer'] : []) })
  return { ids, openid: (memberId) => `dev_${memberId}` }
}

const openAs = (openid: string, branchId: string, extra: Record<string, unknown> = {}) =>
  call('openRound', { branchId, year: YEAR, votingFrom: '2026-12-01', votingTo: '2026-12-05', ...extra }, openid)

/** A full ballot from `voter` over `graded` (self excluded), grades from `pick`. */
const ballot = (voter: string, graded: readonly string[], pick: (memberId: string, i: number) => EvaluationGrade = () => 'qualified'): BallotRow[] =>
  graded.filter((id) => id !== voter).map((memberId, i) => ({ memberId, grade: pick(memberId, i) }))

/** A picture upload: a whole 2×2 PNG (uploads are parsed to IEND), and a file whose first bytes say otherwise. */
const PNG = png(2, 2).toString('base64')
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([1, 2, 3])]).toString('base64')
/** What a temporary link serves, as base64. */
const fetched = async (url: string): Promise<string> => Buffer.from(await (await fetch(url)).arrayBuffer()).toString('base64')

type Shard = { _id: string; roundId: string; ballots: number; counts: Record<string, Record<string, number>> }
const shardsOf = (roundId: string) => cloud.db.dump('eval_tallies').filter((t) => t.roundId === roundId) as unknown as Shard[]
/** Ballots counted in the round's tally shards (no ballot document exists). */
const ballotsOf = (roundId: string) => shardsOf(roundId).reduce((n, s) => n + s.ballots, 0)
const rosterOf = (roundId: string) => cloud.db.dump('eval_roster').filter((r) => r.roundId === roundId)

describe('opening a round (第一党支部)', () => {
  test('bad settings are refused with nothing written; wrong callers are refused', async () => {
    const before = cloud.snapshot()
    expect(errCode(await openAs(sec, DEMO.branch, { votingFrom: '2026-12-05', votingTo: '2026-12-01' }))).toBe('INVALID_INPUT')
    expect(errCode(await openAs(sec, DEMO.branch, { votingTo: '2026-11-30', votingFrom: '2026-11-20' }))).toBe('INVALID_INPUT')
    expect(errCode(await openAs(sec, DEMO.branch, { grades: ['qualified', 'excellent', 'unqualified'] }))).toBe('INVALID_INPUT')
    expect(errCode(await openAs(sec, DEMO.branch, { year: 2020 }))).toBe('INVALID_INPUT')
    expect(errCode(await openAs(devOpenid(DEMO.m.formal), DEMO.branch))).toBe('FORBIDDEN')
    expect(errCode(await openAs(devOpenid(DEMO.m.organizer), DEMO.branch))).toBe('FORBIDDEN')
    expect(errCode(await openAs(devOpenid(DEMO.b2.secretary), DEMO.branch))).toBe('FORBIDDEN')
    expect(errCode(await openAs('dev_stranger', DEMO.branch))).toBe('UNAUTHENTICATED')
    expect(cloud.snapshot()).toEqual(before)
  })

  test('defaults come from the profile; a double tap opens one round; a second needs a reason', async () => {
    const [a, b] = await Promise.all([openAs(sec, DEMO.branch), openAs(sec, DEMO.branch)])
    expect([a, b].filter((r) => r.ok)).toHaveLength(1)
    expect([a, b].map(errCode).filter(Boolean)).toEqual(['CONFLICT'])
    const round = ok(a.ok ? a : b)
    expect(round).toMatchObject({
      id: `ev_${DEMO.branch}_${YEAR}`,
      status: 'open',
      votingState: 'open',
      title: '2026年度民主评议党员',
      turnout: { voted: 0, eligible: 30 },
      selfAssessments: { submitted: 0, total: 30 },
    })
    // 29 正式党员 (the 预备党员 is not graded) → at most 9 优秀; self off; no per-ballot limit; review above 1/3.
    expect(round.settings).toEqual({
      grades: ['excellent', 'qualified', 'basically-qualified', 'unqualified'],
      excellentRatio: 1 / 3,
      excellentQuota: 9,
      formalCount: 29,
      voterCount: 30,
      includeSelf: false,
      ballotExcellentLimit: null,
      unqualifiedReviewShare: 1 / 3,
      showOwnTally: false,
    })
    expect(cloud.db.dump('eval_rounds')).toHaveLength(1)
    expect(errCode(await openAs(sec, DEMO.branch))).toBe('CONFLICT')
    expect(cloud.db.dump('audit').some((e) => e.action === 'evaluation.openRound' && e.targetId === round.id)).toBe(true)
  })
})

describe('个人自评 and the ballot page', () => {
  const roundId = `ev_${DEMO.branch}_${YEAR}`

  test('members submit 自评 at the same moment; none is lost; the 支委 see who has not', async () => {
    const writers = ['m_b1_15', 'm_b1_16', 'm_b1_17', 'm_b1_18', 'm_b1_19', 'm_b1_20', DEMO.m.probationary, DEMO.m.formal]
    const replies = await Promise.all(writers.map((id, i) => call('submitSelfAssessment', { roundId, text: `  自评${i}：按时参加组织生活  ` }, devOpenid(id))))
    replies.forEach((r) => expect(r.ok).toBe(true))
    expect(ok(replies[0] as Reply).text).toBe('自评0：按时参加组织生活')
    const stored = cloud.db.dump('eval_rounds')[0] as { selfAssessments: Record<string, { text: string }> }
    expect(Object.keys(stored.selfAssessments).sort()).toEqual([...writers].sort())
    // Editing one's own replaces it.
    ok(await call('submitSelfAssessment', { roundId, text: '修改后的自评' }, devOpenid(DEMO.m.formal)))
    const admin = ok(await call('getRoundAdmin', {}, devOpenid(DEMO.m.organizer))).round
    expect(admin.selfAssessments.submitted).toBe(8)
    expect(admin.selfAssessments.missing).toHaveLength(22)
    expect(admin.selfAssessments.missing.map((m: { name: string }) => m.name)).toContain('张建国')
  })

  test('自评 of another branch or outside the round is refused', async () => {
    const before = cloud.snapshot()
    expect(errCode(await call('submitSelfAssessment', { roundId, text: '越权' }, devOpenid(DEMO.b2.formal)))).toBe('FORBIDDEN')
    expect(errCode(await call('submitSelfAssessment', { roundId: 'ev_nope', text: 'x' }, sec))).toBe('NOT_FOUND')
    expect(errCode(await call('submitSelfAssessment', { roundId, text: '' }, sec))).toBe('INVALID_INPUT')
    expect(errCode(await call('submitSelfAssessment', { roundId, text: 'x'.repeat(2001) }, sec))).toBe('INVALID_INPUT')
    expect(cloud.snapshot()).toEqual(before)
  })

  test('the ballot lists the 正式党员 except oneself, with their 自评; 预备党员 are not on it', async () => {
    const mine = ok(await call('getRound', {}, devOpenid(DEMO.m.formal))).round
    expect(mine.ballot).toHaveLength(28)
    expect(mine.ballot.map((r: { memberId: string }) => r.memberId)).not.toContain(DEMO.m.formal)
    expect(mine.ballot.map((r: { memberId: string }) => r.memberId)).not.toContain(DEMO.m.probationary)
    expect(mine.ballot.find((r: { memberId: string }) => r.memberId === 'm_b1_15').selfAssessment).toBe('自评0：按时参加组织生活')
    expect(mine.me).toMatchObject({ isVoter: true, isGraded: true, voted: false, canVote: true })
    expect(mine.me.selfAssessment.text).toBe('修改后的自评')
    expect(mine.result).toBeNull()
    // A 预备党员 votes on all 29 正式党员 and is not graded.
    const prob = ok(await call('getRound', {}, devOpenid(DEMO.m.probationary))).round
    expect(prob.ballot).toHaveLength(29)
    expect(prob.me).toMatchObject({ isVoter: true, isGraded: false, canVote: true })
  })

  test('自评 attachment: stored in the voter folder, refused when another member names it, shown on the ballot with a link', async () => {
    const author = 'm_b1_16'
    // The bytes must be the picture the name says; only members of the round's branch upload.
    expect(errCode(await call('uploadAttachment', { roundId, ext: 'png', base64: GIF }, devOpenid(author)))).toBe('INVALID_INPUT')
    expect(errCode(await call('uploadAttachment', { roundId, ext: 'png', base64: PNG }, devOpenid(DEMO.b2.formal)))).toBe('FORBIDDEN')
    expect(errCode(await call('uploadAttachment', { roundId: 'ev_nope', ext: 'png', base64: PNG }, devOpenid(author)))).toBe('NOT_FOUND')
    const up = ok(await call('uploadAttachment', { roundId, ext: 'png', base64: PNG }, devOpenid(author)))
    expect(up.fileId).toMatch(new RegExp(`^cloud://[^/]+/evaluation/${DEMO.branch}/${roundId}/${author}/\\d{8}-[A-Za-z0-9]{12}\\.png$`))
    expect(up.url).toMatch(/^http/)
    expect(await fetched(up.url)).toBe(PNG)

    // Another member naming that file in their own 自评 is refused, and nothing is written.
    const before = cloud.snapshot()
    const stolen = await call('submitSelfAssessment', { roundId, text: '借用别人的附件', attachment: { name: up.name, fileId: up.fileId } }, devOpenid(DEMO.m.formal))
    expect(errCode(stolen)).toBe('INVALID_INPUT')
    expect(cloud.snapshot()).toEqual(before)

    // The author sends it with the 自评; the answer and their own page carry the file id and a link.
    const saved = ok(await call('submitSelfAssessment', { roundId, text: '自评1：附上志愿服务照片', attachment: { name: up.name, fileId: up.fileId } }, devOpenid(author)))
    expect(saved.attachment).toEqual({ name: up.name, fileId: up.fileId, url: expect.stringMatching(/^http/) })
    const own = ok(await call('getRound', { roundId }, devOpenid(author))).round
    expect(own.me.selfAssessment.attachment).toEqual({ name: up.name, fileId: up.fileId, url: expect.stringMatching(/^http/) })

    // A voter sees it on that member's ballot row (name and link only), and the link serves the picture.
    const page = ok(await call('getRound', {}, devOpenid(DEMO.m.formal))).round
    const row = page.ballot.find((r: { memberId: string }) => r.memberId === author)
    expect(row.attachment).toEqual({ name: up.name, url: expect.stringMatching(/^http/) })
    expect(await fetched(row.attachment.url)).toBe(PNG)
    expect(page.ballot.find((r: { memberId: string }) => r.memberId === 'm_b1_15').attachment).toBeNull()
  })

  test('unbound users and other branches see nothing', async () => {
    expect(errCode(await call('getRound', {}, 'dev_stranger'))).toBe('UNAUTHENTICATED')
    expect(errCode(await call('getRound', { roundId }, devOpenid(DEMO.b2.formal)))).toBe('FORBIDDEN')
    expect(ok(await call('getRound', {}, devOpenid(DEMO.b2.formal))).round).toBeNull()
    expect(errCode(await call('getRoundAdmin', { roundId }, devOpenid(DEMO.b2.secretary)))).toBe('FORBIDDEN')
    expect(errCode(await call('getRoundAdmin', { roundId }, devOpenid(DEMO.m.formal)))).toBe('FORBIDDEN')
  })
})

describe('民主测评 ballots', () => {
  const roundId = `ev_${DEMO.branch}_${YEAR}`
  const graded = () => (cloud.db.dump('eval_rounds')[0] as { gradedIds: string[] }).gradedIds

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

  test('voting outside the window is refused', async () => {
    const rows = ballot(DEMO.m.leader3, graded())
    clock.set('2026-12-05T17:00:00.000Z') // 12-06 01:00 Beijing: the window (to 12-05) is over
    const late = await call('vote', { roundId, rows }, devOpenid(DEMO.m.leader3))
    expect(late.ok ? null : late.error.details?.rule).toBe('VOTING_ENDED')
    expect(ok(await call('getRound', {}, devOpenid(DEMO.m.leader3))).round.me.canVote).toBe(false)
  })
})

describe('hot actions stay within the request budget', () => {
  const roundId = `ev_${DEMO.branch}_${YEAR}`
  test('ballot page ≤ 2, 自评 3, vote 3 besides its transaction, 支委 views ≤ 4', async () => {
    const page = await measured('getRound', {}, devOpenid(DEMO.m.leader1))
    expect(page.reply.ok).toBe(true)
    expect(page.requests).toBe(2) // caller + round with its roster (one aggregate)
    const self = await measured('submitSelfAssessment', { roundId, text: '自评' }, devOpenid(DEMO.m.leader1))
    expect(self.reply.ok).toBe(true)
    // caller + the round (the target the pipeline authorizes: its branch, the caller as member) + one update
    expect(self.requests).toBe(3)
    const graded = (cloud.db.dump('eval_rounds')[0] as { gradedIds: string[] }).gradedIds
    const voted = await measured('vote', { roundId, rows: ballot(DEMO.m.leader1, graded) }, devOpenid(DEMO.m.leader1))
    expect(voted.reply.ok).toBe(true)
    // caller lookup + the round (the target: its branch is authorized before any transaction opens) + the
    // transaction's own five (start, read round again, create roster, add into a tally shard, commit) + closing
    // the voter's 首页 to-do.
    expect(voted.requests).toBe(1 + 1 + 5 + 1)
    const admin = await measured('getRoundAdmin', {}, sec)
    expect(admin.requests).toBe(2)
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

describe('组织评定 within the 优秀 cap: 31 正式党员 → 10', () => {
  const B = 'br_t31'
  const roundId = `ev_${B}_${YEAR}`
  let ids: string[] = []
  let formal: string[] = []
  const secretary = () => `dev_${ids[0]}`

  beforeAll(async () => {
    ids = (await makeBranch(B, 31, { probationary: 2 })).ids
    formal = ids.slice(0, 31)
    ok(await openAs(secretary(), B))
    // Twelve voters: members 0–9 get 优秀 from everyone, member 12 draws 不合格 from everyone.
    const voters = ids.slice(0, 12)
    await Promise.all(
      voters.map((v) =>
        call('vote', { roundId, rows: ballot(v, formal, (m) => (formal.indexOf(m) < 10 ? 'excellent' : m === formal[12] ? 'unqualified' : 'qualified')) }, `dev_${v}`),
      ),
    )
    ok(await call('closeRound', { roundId }, secretary()))
  })

  const grades = (excellent: number, reason = '支委会研究决定') =>
    formal.map((memberId, i) => ({ memberId, grade: (i < excellent ? 'excellent' : 'qualified') as EvaluationGrade, reason }))

  test('tally, proposal and review flag (more than 1/3 不合格) side by side', async () => {
    const t = ok(await call('getTally', { roundId }, secretary()))
    expect(t.settings).toMatchObject({ formalCount: 31, excellentQuota: 10 })
    expect(t.rows).toHaveLength(31)
    expect(t.probationary.map((p: { memberId: string }) => p.memberId)).toEqual(ids.slice(31))
    const flagged = t.rows.find((r: { memberId: string }) => r.memberId === formal[12])
    expect(flagged).toMatchObject({ needsReview: true, proposed: 'basically-qualified', flags: ['UNQUALIFIED_VOTES'], counts: { unqualified: 12 } })
    // Never 不合格 from the rules: only a flag for the 支委会.
    expect(t.rows.every((r: { proposed: string }) => r.proposed !== 'unqualified')).toBe(true)
    expect(t.rows.filter((r: { proposed: string }) => r.proposed === 'excellent')).toHaveLength(10)
    expect(t.rows[0].attendance).toEqual({ attended: 0, due: 0, leave: 0 })
  })

  test('an 11th 优秀 is refused with the rule named; 预备党员 cannot be graded; nothing written', async () => {
    const before = cloud.snapshot()
    const eleven = await call('setFinalGrades', { roundId, grades: grades(11) }, secretary())
    expect(errCode(eleven)).toBe('RULE_VIOLATED')
    expect(eleven.ok ? null : eleven.error.message).toBe('评定为优秀的党员一般不超过正式党员总数的三分之一：本次正式党员31人，优秀最多10人，现为11人')
    expect(eleven.ok ? null : eleven.error.details).toMatchObject({ rule: 'EXCELLENT_QUOTA_EXCEEDED', excellent: 11, quota: 10, formalCount: 31 })
    const prob = await call('setFinalGrades', { roundId, grades: [...grades(10), { memberId: ids[31], grade: 'qualified' }] }, secretary())
    expect(prob.ok ? null : prob.error.details?.rule).toBe('PROBATIONARY_GRADED')
    const missing = await call('setFinalGrades', { roundId, grades: grades(10).slice(1) }, secretary())
    expect(missing.ok ? null : missing.error.details?.rule).toBe('FORMAL_UNGRADED')
    const noReason = await call('setFinalGrades', { roundId, grades: grades(10).map((g, i) => (i === 12 ? { ...g, grade: 'unqualified', reason: '' } : g)) }, secretary())
    expect(noReason.ok ? null : noReason.error.details?.rule).toBe('REASON_REQUIRED')
    expect(noReason.ok ? null : noReason.error.message).toContain('党员12')
    expect(cloud.snapshot()).toEqual(before)
  })

  test('ten 优秀 are saved; a member graded 不合格 gets a 限期改正 record and nothing else happens', async () => {
    const g = grades(10).map((x, i) => (i === 12 ? { ...x, grade: 'unqualified' as EvaluationGrade, reason: '经支委会研究，长期不参加组织生活' } : x))
    const saved = ok(await call('setFinalGrades', { roundId, grades: g }, `dev_${ids[1]}`)) // the 组织委员
    expect(saved).toMatchObject({ excellent: 10, quota: 10 })
    const membersBefore = cloud.db.dump('members').filter((m) => m.branchId === B)
    const before = cloud.snapshot()
    expect(errCode(await call('recordFollowUp', { roundId, memberId: formal[12], deadline: '2027-12-31', notes: '限期改正' }, secretary()))).toBe('INVALID_INPUT')
    expect(errCode(await call('recordFollowUp', { roundId, memberId: formal[11], deadline: '2027-06-01', notes: '限期改正' }, secretary()))).toBe('RULE_VIOLATED')
    expect(cloud.snapshot()).toEqual(before)
    const fu = ok(await call('recordFollowUp', { roundId, memberId: formal[12], deadline: '2027-06-01', notes: '限期半年改正，每月汇报思想' }, secretary()))
    expect(fu).toMatchObject({ memberId: formal[12], deadline: '2027-06-01' })
    expect(cloud.db.dump('members').filter((m) => m.branchId === B)).toEqual(membersBefore)
    const t = ok(await call('getTally', { roundId }, secretary()))
    expect(t.rows[12].final).toEqual({ grade: 'unqualified', reason: '经支委会研究，长期不参加组织生活' })
    expect(t.rows[12].followUp.deadline).toBe('2027-06-01')
  })

  test('公示: each member sees their own grade and the 优秀 list; 预备党员 are not graded; no edits after', async () => {
    const pub = ok(await call('publishResults', { roundId }, secretary()))
    expect(pub).toMatchObject({ status: 'published', publishedOn: '2026-12-01', publicityEndsOn: '2026-12-07' })
    expect(errCode(await call('publishResults', { roundId }, secretary()))).toBe('CONFLICT')
    expect(errCode(await call('setFinalGrades', { roundId, grades: grades(9) }, secretary()))).toBe('CONFLICT')
    const me = ok(await call('getRound', { roundId }, `dev_${formal[12]}`)).round
    expect(me.result).toMatchObject({ grade: 'unqualified', reason: '经支委会研究，长期不参加组织生活', followUpDeadline: '2027-06-01', inPublicity: true, tally: null })
    expect(me.result.excellentNames).toHaveLength(10)
    const star = ok(await call('getRound', { roundId }, `dev_${formal[0]}`)).round
    expect(star.result).toMatchObject({ grade: 'excellent', reason: null })
    const prob = ok(await call('getRound', { roundId }, `dev_${ids[31]}`)).round
    expect(prob.result.grade).toBeNull()
    clock.set('2026-12-08T02:00:00.000Z')
    expect(ok(await call('getRound', { roundId }, `dev_${formal[0]}`)).round.result.inPublicity).toBe(false)
  })

  test('export: 登记表 and 汇总表 as real .xlsx', async () => {
    const reg = ok(await call('exportXlsx', { roundId, kind: 'register' }, secretary()))
    expect(reg.fileName).toBe('2026年度民主评议党员民主评议党员登记表.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(reg.base64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('登记表')
    expect(ws?.getCell(1, 1).value).toBe('2026年度民主评议党员 民主评议党员登记表')
    expect(ws?.getRow(3).getCell(2).value).toBe('姓名')
    expect(ws?.getRow(4).getCell(2).value).toBe('党员0')
    expect(ws?.rowCount).toBe(3 + 33)
    const sum = ok(await call('exportXlsx', { roundId, kind: 'summary' }, secretary()))
    const wb2 = new ExcelJS.Workbook()
    await wb2.xlsx.load(Buffer.from(sum.base64, 'base64') as unknown as ArrayBuffer)
    const row13 = wb2.getWorksheet('汇总表')?.getRow(3 + 13)
    expect(row13?.getCell(2).value).toBe('党员12')
    expect(errCode(await call('exportXlsx', { roundId, kind: 'register' }, devOpenid(DEMO.b2.secretary)))).toBe('FORBIDDEN')
  })
})

describe('the village standard: three grades, no 优秀', () => {
  const B = 'br_village'
  const roundId = `ev_${B}_${YEAR}`
  let ids: string[] = []

  test('round uses 合格 / 基本合格 / 不合格; 优秀 is refused on ballots and in 组织评定', async () => {
    ids = (await makeBranch(B, 6, { profileId: 'village-2019' })).ids
    const round = ok(await openAs(`dev_${ids[0]}`, B))
    expect(round.settings).toMatchObject({ grades: ['qualified', 'basically-qualified', 'unqualified'], excellentQuota: 0, ballotExcellentLimit: null })
    const bad = await call('vote', { roundId, rows: ballot(ids[1] as string, ids, (_m, i) => (i === 0 ? 'excellent' : 'qualified')) }, `dev_${ids[1]}`)
    expect(bad.ok ? null : bad.error.details?.rule).toBe('GRADE_NOT_IN_SCALE')
    ok(await call('vote', { roundId, rows: ballot(ids[1] as string, ids, (_m, i) => (i === 0 ? 'basically-qualified' : 'qualified')) }, `dev_${ids[1]}`))
    ok(await call('closeRound', { roundId }, `dev_${ids[0]}`))
    const t = ok(await call('getTally', { roundId }, `dev_${ids[0]}`))
    expect(t.rows.map((r: { proposed: string }) => r.proposed).every((p: string) => p !== 'excellent')).toBe(true)
    const withExcellent = ids.map((memberId, i) => ({ memberId, grade: i === 0 ? 'excellent' : 'qualified', reason: '研究决定' }))
    const r = await call('setFinalGrades', { roundId, grades: withExcellent }, `dev_${ids[0]}`)
    expect(r.ok ? null : r.error.details?.rule).toBe('GRADE_NOT_IN_SCALE')
  })
})

describe('自评 attachments in 组织评定, and none after close', () => {
  const B = 'br_attach'
  const roundId = `ev_${B}_${YEAR}`
  test('the 支委 see graded and 预备党员 attachments with links; uploads stop at close; a late joiner cannot upload', async () => {
    const { ids } = await makeBranch(B, 3, { probationary: 1 })
    const [secretary, writer, , probationary] = ids as [string, string, string, string]
    ok(await openAs(`dev_${secretary}`, B))
    // A member who joined after opening is not on the round's roster.
    const late = { ...(cloud.db.dump('members').find((m) => m._id === writer) as Record<string, unknown>), _id: `${B}_late`, name: '新党员', openid: `dev_${B}_late` }
    const lateUser = { ...(cloud.db.dump('users').find((u) => u._id === `dev_${writer}`) as Record<string, unknown>), _id: `dev_${B}_late`, memberId: `${B}_late`, name: '新党员' }
    await cloud.db.insertMany('members', [late])
    await cloud.db.insertMany('users', [lateUser])
    const notOnRoster = await call('uploadAttachment', { roundId, ext: 'png', base64: PNG }, `dev_${B}_late`)
    expect(errCode(notOnRoster)).toBe('RULE_VIOLATED')
    expect(notOnRoster.ok ? null : notOnRoster.error.message).toContain('不在本次民主评议的党员名单中')

    for (const id of [writer, probationary]) {
      const up = ok(await call('uploadAttachment', { roundId, ext: 'png', base64: PNG }, `dev_${id}`))
      ok(await call('submitSelfAssessment', { roundId, text: '自评', attachment: { name: up.name, fileId: up.fileId } }, `dev_${id}`))
    }
    ok(await call('submitSelfAssessment', { roundId, text: '只有文字' }, `dev_${secretary}`))
    ok(await call('closeRound', { roundId }, `dev_${secretary}`))

    const t = ok(await call('getTally', { roundId }, `dev_${secretary}`))
    const row = (id: string) => t.rows.find((r: { memberId: string }) => r.memberId === id)
    expect(row(writer).attachment).toEqual({ name: expect.stringMatching(/\.png$/), url: expect.stringMatching(/^http/) })
    expect(await fetched(row(writer).attachment.url)).toBe(PNG)
    expect(row(secretary).attachment).toBeNull()
    expect(t.probationary[0]).toMatchObject({ memberId: probationary, attachment: { url: expect.stringMatching(/^http/) } })
    // Links come from storage: the 组织评定 stays at three database requests.
    expect((await measured('getTally', { roundId }, `dev_${secretary}`)).requests).toBe(3)

    const before = cloud.snapshot()
    const closed = await call('uploadAttachment', { roundId, ext: 'png', base64: PNG }, `dev_${writer}`)
    expect(errCode(closed)).toBe('RULE_VIOLATED')
    expect(closed.ok ? null : closed.error.details?.rule).toBe('ROUND_NOT_OPEN')
    expect(cloud.snapshot()).toEqual(before)
  })
})

describe('per-ballot 优秀 limit and self on the ballot (unit practice, off by default)', () => {
  const B = 'br_limit'
  const roundId = `ev_${B}_${YEAR}`
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
