/**
 * meetings.uploadPhoto (纪实 photos): uploaded by a keeper to the meeting folder, named by the minutes, served by
 * their links, refused once the minutes are locked.
 */
import { DEMO, clock, errCode, ok } from '../../../tests/support/cloud'
import { png as pngImage } from '../../../tests/support/images'
import { at, formal, organizer, otherPng, meetingsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) has its absence runs of 3 and 5.
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call, setUp } = meetingsCloud(AT)

describe('纪实: minutes, lock, corrections, 补学', () => {
  // Also uses saveMinutes, submitMinutes, getMeeting.
  test('纪实 photos: uploaded to the meeting folder by a keeper, named by the minutes, shown with links, closed by the lock', async () => {
    const m = await setUp({ kind: 'lecture', topic: '照片测试党课' })
    const png = pngImage(2, 2).toString('base64')
    // Only keepers upload; the bytes must be the picture the name says.
    expect(errCode(await call('uploadPhoto', { meetingId: m.id, ext: 'png', base64: png }, formal))).toBe('FORBIDDEN')
    expect(errCode(await call('uploadPhoto', { meetingId: m.id, ext: 'png', base64: otherPng('GIF89a') }, organizer))).toBe('INVALID_INPUT')
    const up = ok(await call('uploadPhoto', { meetingId: m.id, ext: 'png', base64: png }, organizer))
    expect(up.fileId).toContain(`/meetings/${DEMO.branch}/${m.id}/`)
    expect(up.url).toMatch(/^http/)

    // A photo of another meeting (or any other folder) is refused and nothing is written.
    const other = await setUp({ kind: 'lecture', topic: '另一次党课' })
    const foreign = ok(await call('uploadPhoto', { meetingId: other.id, ext: 'png', base64: png }, organizer))
    const before = cloud.snapshot()
    const refused = await call('saveMinutes', { meetingId: m.id, minutes: { content: '讲授党课。', photos: [{ fileId: foreign.fileId }] } }, organizer)
    expect(errCode(refused)).toBe('INVALID_INPUT')
    expect(cloud.snapshot()).toEqual(before)

    const saved = ok(await call('saveMinutes', { meetingId: m.id, minutes: { content: '讲授党课。', photos: [{ fileId: up.fileId, name: '现场' }] } }, organizer))
    expect(saved.minutes.photos).toEqual([{ fileId: up.fileId, name: '现场', url: expect.stringMatching(/^http/) }])
    // The link serves the stored bytes.
    const res = await fetch(saved.minutes.photos[0].url)
    expect(Buffer.from(await res.arrayBuffer()).toString('base64')).toBe(png)

    clock.set(at(m.startsAt, 60))
    ok(await call('submitMinutes', { meetingId: m.id }, organizer))
    // Members see the locked record's photos; no more uploads once locked.
    expect(ok(await call('getMeeting', { meetingId: m.id }, formal)).minutes.photos).toHaveLength(1)
    expect(errCode(await call('uploadPhoto', { meetingId: m.id, ext: 'png', base64: png }, organizer))).toBe('RULE_VIOLATED')
  })
})
