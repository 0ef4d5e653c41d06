/**
 * evaluation.submitSelfAssessment on the 第一党支部 round (opened before the block): concurrent 自评 none lost, refusals,
 * the ballot page showing them (getRound), the 自评 attachment (uploadAttachment) and who sees nothing.
 * The tests share the round's state in order (the ballot page reads the 自评 written before it).
 */
import { DEMO, devOpenid, errCode, ok, type Reply } from '../../../tests/support/cloud'
import { GIF, PNG, YEAR, fetched, sec, evaluationCloud } from './test-setup'

const NOW = '2026-12-01T02:00:00.000Z' // 10:00 Beijing, the first day of the rounds' voting window
const { cloud, call, openDemoRound } = evaluationCloud(NOW)

describe('个人自评 and the ballot page', () => {
  const roundId = `ev_${DEMO.branch}_${YEAR}`
  beforeAll(openDemoRound) // the 第一党支部 round, as open-round.test.ts opens it

  // Also uses getRoundAdmin.
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

  // About getRound (the ballot page) over the 自评 written above.
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

  // Also uses uploadAttachment, getRound.
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

  // About getRound and getRoundAdmin.
  test('unbound users and other branches see nothing', async () => {
    expect(errCode(await call('getRound', {}, 'dev_stranger'))).toBe('UNAUTHENTICATED')
    expect(errCode(await call('getRound', { roundId }, devOpenid(DEMO.b2.formal)))).toBe('FORBIDDEN')
    expect(ok(await call('getRound', {}, devOpenid(DEMO.b2.formal))).round).toBeNull()
    expect(errCode(await call('getRoundAdmin', { roundId }, devOpenid(DEMO.b2.secretary)))).toBe('FORBIDDEN')
    expect(errCode(await call('getRoundAdmin', { roundId }, devOpenid(DEMO.m.formal)))).toBe('FORBIDDEN')
  })
})
