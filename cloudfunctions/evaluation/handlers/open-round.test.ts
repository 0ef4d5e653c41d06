/**
 * evaluation.openRound: bad settings and wrong callers refused with nothing written; defaults from the profile
 * (第一党支部: 29 正式党员 → 9 优秀); a double tap opens one round; the village standard's three grades.
 */
import { DEMO, devOpenid, errCode, ok } from '../../../tests/support/cloud'
import { YEAR, ballot, sec, evaluationCloud } from './test-setup'

const NOW = '2026-12-01T02:00:00.000Z' // 10:00 Beijing, the first day of the rounds' voting window
const { cloud, call, makeBranch, openAs } = evaluationCloud(NOW)

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

describe('the village standard: three grades, no 优秀', () => {
  const B = 'br_village'
  const roundId = `ev_${B}_${YEAR}`
  let ids: string[] = []

  // Also uses vote, closeRound, getTally, setFinalGrades.
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
