// Tests of political-birthdays.ts.
import { politicalBirthdaysInMonth } from './political-birthdays'

describe('politicalBirthdaysInMonth', () => {
  test('anniversaries of the month, at least one year, 02-29 on 02-28', () => {
    const r = politicalBirthdaysInMonth(
      [
        { id: 'a', name: '甲', joinedAt: '2000-11-30' },
        { id: 'b', name: '乙', joinedAt: '2026-11-01' },
        { id: 'c', name: '丙', joinedAt: '1998-11-03' },
        { id: 'd', name: '丁', joinedAt: '2004-02-29' },
        { id: 'e', name: '戊', joinedAt: '2010-10-31' },
      ],
      '2026-11',
    )
    expect(r).toEqual([
      { memberId: 'c', name: '丙', date: '2026-11-03', years: 28 },
      { memberId: 'a', name: '甲', date: '2026-11-30', years: 26 },
    ])
    expect(politicalBirthdaysInMonth([{ id: 'd', name: '丁', joinedAt: '2004-02-29' }], '2027-02')).toEqual([{ memberId: 'd', name: '丁', date: '2027-02-28', years: 23 }])
  })
})
