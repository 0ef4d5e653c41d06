/**
 * Signing in with the 6 digits under the host's QR code (typed when scanning fails): they sign in like the
 * QR text, with the same life (the current and the previous 15-second window), bound to their meeting,
 * refused with the QR's rule tags — and wrong digits are limited per member and meeting, since 10^6 values
 * can be guessed. Refusals write nothing (the attempt counter in `rate_limits` aside).
 */
import { addDays, beijingDate } from '../../../shared/src/rules/time'
import { DEMO, clock, devOpenid, errCode, ok } from '../../../tests/support/cloud'
import { meetingsCloud } from './test-setup'

const AT = '2026-11-20T02:00:00.000Z'
const { cloud } = meetingsCloud(AT)

const sec = devOpenid(DEMO.m.secretary)
const formal = devOpenid(DEMO.m.formal)
const student = devOpenid(DEMO.m.student)
const leader1 = devOpenid(DEMO.m.leader1)
const call = (action: string, input: unknown, openid: string) => cloud.call('meetings', action, input, openid)

let seq = 0
/** A meeting the day after tomorrow at 10:00 Beijing (a new place each time, so meetings do not clash). */
const setUp = async (fields: Record<string, unknown> = {}): Promise<{ id: string; startsAt: string }> => {
  seq += 1
  const date = addDays(beijingDate(clock.now()), 2)
  const m = ok(
    await call(
      'createMeeting',
      { fields: { kind: 'theme-day', topic: `数字签到${seq}`, date, time: '10:00', place: `会议室${seq}`, hostId: DEMO.m.secretary, recorderId: DEMO.m.organizer, ...fields } },
      sec,
    ),
  )
  return { id: m.id, startsAt: m.startsAt }
}
const after = (startsAt: string, seconds: number): string => new Date(Date.parse(startsAt) + seconds * 1000).toISOString()
const digitsNow = async (meetingId: string): Promise<string> => {
  const digits = ok(await call('hostCode', { meetingId }, sec)).digits
  expect(digits).toMatch(/^\d{6}$/)
  return digits as string
}
/** Digits other than `d` (and, almost surely, other than any window's). */
const wrong = (d: string, n = 1): string => String((Number(d) + n * 7919) % 1_000_000).padStart(6, '0')
const presentIds = (id: string) => (cloud.db.dump('meetings').find((m) => m._id === id) as { presentIds: string[] }).presentIds

test('the host shows 6 digits with the QR; a member signs in with them, a repeat returns the first record', async () => {
  const m = await setUp()
  clock.set(m.startsAt)
  const host = ok(await call('hostCode', { meetingId: m.id }, sec))
  expect(host.code).toMatch(/^ZB1\./)
  expect(host.digits).toMatch(/^\d{6}$/)
  const first = ok(await call('signIn', { meetingId: m.id, digits: host.digits }, formal))
  expect(first).toMatchObject({ meetingId: m.id, memberId: DEMO.m.formal, via: 'scan', repeat: false })
  expect(ok(await call('signIn', { meetingId: m.id, digits: host.digits }, formal))).toMatchObject({ id: first.id, repeat: true })
  expect(presentIds(m.id)).toContain(DEMO.m.formal)
  // Outside the sign-in window the host shows no digits.
  clock.set(after(m.startsAt, -3 * 3600))
  expect(ok(await call('hostCode', { meetingId: m.id }, sec))).toMatchObject({ state: 'not-yet', code: null, digits: null })
})

test('digits live as long as the QR: accepted in the next window, refused as expired after it, nothing written', async () => {
  const m = await setUp()
  clock.set(m.startsAt)
  const digits = await digitsNow(m.id)
  clock.set(after(m.startsAt, 15))
  expect(await digitsNow(m.id)).not.toBe(digits)
  expect(ok(await call('signIn', { meetingId: m.id, digits }, formal)).repeat).toBe(false)

  clock.set(after(m.startsAt, 30))
  const before = cloud.snapshot()
  const r = await call('signIn', { meetingId: m.id, digits }, student)
  expect(r).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATED', details: { rule: 'CODE_EXPIRED' } } })
  expect(cloud.snapshot()).toEqual(before)
})

test('another meeting\'s digits are refused as wrong; digits never open a meeting the member may not attend', async () => {
  const a = await setUp()
  const b = await setUp()
  const c = await setUp({ kind: 'committee', topic: '支委会' })
  clock.set(a.startsAt)
  const [da, db] = [await digitsNow(a.id), await digitsNow(b.id)]
  expect(da).not.toBe(db)
  const before = cloud.snapshot()
  const r = await call('signIn', { meetingId: a.id, digits: db }, formal)
  expect(r).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATED', details: { rule: 'CODE_FORGED' } } })
  expect(cloud.snapshot()).toEqual(before)

  // A 支委会: a plain member with its digits is FORBIDDEN, before the digits are even counted.
  const dc = await digitsNow(c.id)
  const limits = cloud.db.dump('rate_limits').length
  expect(errCode(await call('signIn', { meetingId: c.id, digits: dc }, formal))).toBe('FORBIDDEN')
  expect(errCode(await call('signIn', { meetingId: c.id, digits: wrong(dc) }, formal))).toBe('FORBIDDEN')
  expect(cloud.snapshot()).toEqual(before)
  expect(cloud.db.dump('rate_limits')).toHaveLength(limits)
  expect(ok(await call('signIn', { meetingId: a.id, digits: da }, formal)).repeat).toBe(false)
})

test('malformed digits are INVALID_INPUT with a Chinese message; one of code and digits is required', async () => {
  const m = await setUp()
  clock.set(m.startsAt)
  const digits = await digitsNow(m.id)
  const code = ok(await call('hostCode', { meetingId: m.id }, sec)).code as string
  const before = cloud.db.dumpAll()
  for (const bad of ['12345', '1234567', '12a456', ' 123456', '１２３４５６']) {
    expect(await call('signIn', { meetingId: m.id, digits: bad }, formal)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请输入主持人手机上显示的6位数字' },
    })
  }
  expect(errCode(await call('signIn', { meetingId: m.id, digits: 123456 }, formal))).toBe('INVALID_INPUT')
  expect(await call('signIn', { meetingId: m.id }, formal)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请扫描签到二维码，或输入6位数字签到码' } })
  expect(errCode(await call('signIn', { meetingId: m.id, code, digits }, formal))).toBe('INVALID_INPUT')
  expect(cloud.db.dumpAll()).toEqual(before)
})

test('guessing is rate-limited per member and meeting: after 5 wrong tries even the right digits are refused', async () => {
  const m = await setUp()
  const other = await setUp()
  clock.set(after(m.startsAt, -15 * 60))
  const right = await digitsNow(m.id)
  const before = cloud.snapshot()
  const replies: (string | undefined)[] = []
  for (let i = 1; i <= 6; i++) {
    const r = await call('signIn', { meetingId: m.id, digits: wrong(right, i) }, formal)
    replies.push(r.ok ? 'OK' : r.error.code === 'RULE_VIOLATED' ? (r.error.details as { rule: string }).rule : r.error.code)
  }
  expect(replies).toEqual([...Array(5).fill('CODE_FORGED'), 'RATE_LIMITED'])
  expect(await call('signIn', { meetingId: m.id, digits: await digitsNow(m.id) }, formal)).toMatchObject({
    ok: false,
    error: { code: 'RATE_LIMITED', message: '数字签到码输错次数过多，请10分钟后再试，或请记录人为您登记到会' },
  })
  expect(cloud.snapshot()).toEqual(before)
  expect(presentIds(m.id)).not.toContain(DEMO.m.formal)

  // The limit is the member's at that meeting: others sign in, the member signs in elsewhere and by QR.
  expect(ok(await call('signIn', { meetingId: m.id, digits: await digitsNow(m.id) }, leader1)).repeat).toBe(false)
  expect(ok(await call('signIn', { meetingId: other.id, digits: await digitsNow(other.id) }, formal)).repeat).toBe(false)
  const code = ok(await call('hostCode', { meetingId: m.id }, sec)).code as string
  expect(ok(await call('signIn', { meetingId: m.id, code }, formal)).repeat).toBe(false)

  // Ten minutes after the wrong tries the window has room again.
  const n = await setUp()
  clock.set(after(n.startsAt, -25 * 60))
  const rightN = await digitsNow(n.id)
  for (let i = 1; i <= 5; i++) expect(errCode(await call('signIn', { meetingId: n.id, digits: wrong(rightN, i) }, student))).toBe('RULE_VIOLATED')
  clock.set(after(n.startsAt, -14 * 60))
  expect(ok(await call('signIn', { meetingId: n.id, digits: await digitsNow(n.id) }, student)).repeat).toBe(false)
})

test('requests: right digits add one read to the QR sign-in; a wrong guess is the caller, the meeting and the counter', async () => {
  const m = await setUp()
  clock.set(m.startsAt)
  const byQr = await cloud.counted('meetings', 'signIn', { meetingId: m.id, code: ok(await call('hostCode', { meetingId: m.id }, sec)).code }, formal)
  const byDigits = await cloud.counted('meetings', 'signIn', { meetingId: m.id, digits: await digitsNow(m.id) }, student)
  expect(byQr.reply.ok && byDigits.reply.ok).toBe(true)
  expect(byDigits.requests).toBe(byQr.requests + 1)
  const guess = await cloud.counted('meetings', 'signIn', { meetingId: m.id, digits: wrong(await digitsNow(m.id)) }, leader1)
  expect(errCode(guess.reply)).toBe('RULE_VIOLATED')
  expect(guess.requests).toBeLessThanOrEqual(5)
})
