/**
 * evaluation.uploadAttachment in 组织评定: the 支委 see graded and 预备党员 attachments with links (getTally, three
 * requests); uploads stop at close; a member not on the round's roster cannot upload.
 */
import { errCode, ok } from '../../../tests/support/cloud'
import { PNG, YEAR, fetched, evaluationCloud } from './test-setup'

const NOW = '2026-12-01T02:00:00.000Z' // 10:00 Beijing, the first day of the rounds' voting window
const { cloud, call, measured, makeBranch, openAs } = evaluationCloud(NOW)

describe('自评 attachments in 组织评定, and none after close', () => {
  const B = 'br_attach'
  const roundId = `ev_${B}_${YEAR}`

  // Also uses openRound, submitSelfAssessment, closeRound, getTally.
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
