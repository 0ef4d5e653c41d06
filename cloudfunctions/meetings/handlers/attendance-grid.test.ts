/**
 * meetings.attendanceGrid on the demo year: the year × month grid flags runs of absence (3 and 5) for the 支委 only.
 */
import { DEMO_MEETINGS } from '../../../local/seed'
import { DEMO, errCode, ok } from '../../../tests/support/cloud'
import { formal, leader1, sec, meetingsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) has its absence runs of 3 and 5.
const AT = '2026-11-20T02:00:00.000Z'
const YEAR = 2026
const { call, counted } = meetingsCloud(AT)

describe('attendance views', () => {
  const year = YEAR

  test('the year × month grid flags runs of absence for the 支委 only, neutrally', async () => {
    const r = await counted('attendanceGrid', { year }, sec)
    expect(r.requests).toBeLessThanOrEqual(4)
    const grid = ok(r.reply)
    expect(grid.rows).toHaveLength(30)
    const row = (id: string) => grid.rows.find((x: { memberId: string }) => x.memberId === id)
    expect(row(DEMO_MEETINGS.absentWarn)).toMatchObject({ flag: 'warn', run: 3, flagText: '连续缺席，提请支部关注' })
    expect(row(DEMO_MEETINGS.absentEscalate)).toMatchObject({ flag: 'escalate', run: 5, flagText: '连续缺席时间较长，提请支部研究' })
    expect(row(DEMO.m.retired)).toMatchObject({ flag: 'none', exempt: true })
    expect(row(DEMO.m.formal).cells).toHaveLength(12)
    expect(grid.note).toContain('系统不作任何自动处理')
    expect(errCode(await call('attendanceGrid', { year }, formal))).toBe('FORBIDDEN')
    expect(errCode(await call('attendanceGrid', { year }, leader1))).toBe('FORBIDDEN')
  })
})
