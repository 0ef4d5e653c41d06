// Tests of study.ts.
import { RuleInputError } from '../errors'
import { studyProgress } from './study'

describe('studyProgress — 32 / 56', () => {
  test('targets by role; missing hours are 0', () => {
    const r = studyProgress({
      members: [
        { id: 'a', name: '甲', committee: true },
        { id: 'b', name: '乙', committee: false },
        { id: 'c', name: '丙', committee: false },
      ],
      hoursByMember: { a: 56, b: 31.5 },
      targets: { memberHours: 32, committeeHours: 56 },
    })
    expect(r.rows.map((x) => [x.memberId, x.hours, x.target, x.met])).toEqual([
      ['a', 56, 56, true],
      ['b', 31.5, 32, false],
      ['c', 0, 32, false],
    ])
    expect([r.met, r.total]).toEqual([1, 3])
  })
  test('negative hours are refused', () => {
    expect(() => studyProgress({ members: [{ id: 'a', name: '甲', committee: false }], hoursByMember: { a: -1 }, targets: { memberHours: 32, committeeHours: 56 } })).toThrow(RuleInputError)
  })
})
