/**
 * meetings.memberAttendance on the demo year: a member sees their own year without flags; the 支委 see the flag.
 */
import { DEMO_MEETINGS } from '../../../local/seed'
import { devOpenid, errCode, ok } from '../../../tests/support/cloud'
import { formal, sec, meetingsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) has its absence runs of 3 and 5.
const AT = '2026-11-20T02:00:00.000Z'
const YEAR = 2026
const { call, counted } = meetingsCloud(AT)

describe('attendance views', () => {
  const year = YEAR

  test('a member sees their own year without flags; the 支委 see the flag', async () => {
    const self = await counted('memberAttendance', { year }, devOpenid(DEMO_MEETINGS.absentEscalate))
    expect(self.requests).toBe(2)
    expect(ok(self.reply).flag).toBeNull()
    expect(ok(self.reply).totals.absent).toBeGreaterThan(4)
    const bySec = ok(await call('memberAttendance', { memberId: DEMO_MEETINGS.absentEscalate, year }, sec))
    expect(bySec.flag).toMatchObject({ flag: 'escalate', run: 5 })
    expect(errCode(await call('memberAttendance', { memberId: DEMO_MEETINGS.absentEscalate, year }, formal))).toBe('FORBIDDEN')
  })
})
