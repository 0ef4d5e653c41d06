// Tests of turnout.ts.
import fc from 'fast-check'
import { attendanceByMonth, attendanceRate, meetingTurnout } from './turnout'

describe('meetingTurnout — exempt members are due only when they come', () => {
  test.each([
    [{ rosterIds: ['a', 'b', 'c'], presentIds: ['a'], leaveIds: ['b'], exemptIds: [] }, { due: 3, present: 1, leave: 1 }],
    [{ rosterIds: ['a', 'b', 'c'], presentIds: ['a'], leaveIds: [], exemptIds: ['c'] }, { due: 2, present: 1, leave: 0 }],
    [{ rosterIds: ['a', 'b', 'c'], presentIds: ['a', 'c'], leaveIds: [], exemptIds: ['c'] }, { due: 3, present: 2, leave: 0 }],
    // Present wins over leave; an observer (present, not on the roster) is not counted.
    [{ rosterIds: ['a', 'b'], presentIds: ['a', 'x'], leaveIds: ['a'], exemptIds: [] }, { due: 2, present: 1, leave: 0 }],
    // An exempt member on leave is neither due nor excused.
    [{ rosterIds: ['a', 'b'], presentIds: [], leaveIds: ['b'], exemptIds: ['b'] }, { due: 1, present: 0, leave: 0 }],
    [{ rosterIds: [], presentIds: [], leaveIds: [], exemptIds: [] }, { due: 0, present: 0, leave: 0 }],
  ])('%j', (lists, expected) => {
    expect(meetingTurnout(lists)).toEqual(expected)
  })

  test('property: present ≤ due + exempt present, leave ≤ due − present', () => {
    const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'))
    fc.assert(
      fc.property(ids, ids, ids, ids, (rosterIds, presentIds, leaveIds, exemptIds) => {
        const t = meetingTurnout({ rosterIds, presentIds, leaveIds, exemptIds })
        expect(t.present).toBeLessThanOrEqual(t.due)
        expect(t.due).toBeLessThanOrEqual(rosterIds.length)
        expect(t.leave + t.present).toBeLessThanOrEqual(t.due)
      }),
    )
  })
})

describe('attendanceByMonth', () => {
  test('sums per month, twelve rows, null rate when nothing was due', () => {
    const rows = attendanceByMonth(
      [
        { date: '2026-01-26', due: 10, present: 8, leave: 1 },
        { date: '2026-01-05', due: 10, present: 9, leave: 0 },
        { date: '2026-03-26', due: 4, present: 1, leave: 2 },
        { date: '2025-12-26', due: 10, present: 10, leave: 0 },
      ],
      2026,
    )
    expect(rows).toHaveLength(12)
    expect(rows[0]).toEqual({ month: '2026-01', meetings: 2, due: 20, present: 17, leave: 1, rate: 17 / 20 })
    expect(rows[1]).toEqual({ month: '2026-02', meetings: 0, due: 0, present: 0, leave: 0, rate: null })
    expect(rows[2]?.rate).toBe(0.25)
  })
  test('attendanceRate', () => {
    expect(attendanceRate(3, 4)).toBe(0.75)
    expect(attendanceRate(0, 0)).toBeNull()
  })
})
