// Tests of plan.ts.
import { COLLEGE_ZJ_2019 } from '../../profiles/college-zj-2019'
import { HUNAN_WUHUA_2018 } from '../../profiles/hunan-wuhua-2018'
import { NATIONAL_2018 } from '../../profiles/national-2018'
import type { MeetingKind } from './kinds'
import { draftAnnualPlan } from './plan'

describe('annual plan draft', () => {
  const groups = [
    { id: 'g1', name: '第一党小组' },
    { id: 'g2', name: '第二党小组' },
  ]
  const count = (items: { kind: MeetingKind }[]) => {
    const out: Partial<Record<MeetingKind, number>> = {}
    for (const i of items) out[i.kind] = (out[i.kind] ?? 0) + 1
    return out
  }

  test('hunan-wuhua-2018: 12 主题党日 on the 26th (moved off holidays), 12 支委会, 党小组会 per group, 4 党员大会, 2 党课 (one by the 书记), 2 组织生活会, 1 民主评议', () => {
    const items = draftAnnualPlan({ year: 2026, requirements: HUNAN_WUHUA_2018.meetings.requirements, themeDayRule: HUNAN_WUHUA_2018.themeDay.rule, groups })
    expect(count(items)).toEqual({ 'theme-day': 12, committee: 12, group: 24, 'party-congress': 4, lecture: 2, 'life-meeting': 2, evaluation: 1 })
    const theme = items.filter((i) => i.kind === 'theme-day').map((i) => i.date)
    expect(theme.slice(0, 4)).toEqual(['2026-01-26', '2026-02-26', '2026-03-26', '2026-04-27'])
    expect(items.filter((i) => i.bySecretary).map((i) => [i.kind, i.topic])).toEqual([['lecture', '2026年书记讲党课']])
    expect(items.find((i) => i.kind === 'group' && i.groupId === 'g2')?.topic).toBe('第二党小组1月党小组会')
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length)
    expect(items.every((i) => i.date >= '2026-01-01' && i.date <= '2026-12-31')).toBe(true)
    // Sorted by date.
    expect(items.map((i) => i.date)).toEqual([...items.map((i) => i.date)].sort())
  })

  test('national-2018: the 书记 党课 is added when no other 党课 is required; college-zj-2019 spreads two per semester', () => {
    const nat = draftAnnualPlan({ year: 2026, requirements: NATIONAL_2018.meetings.requirements, themeDayRule: NATIONAL_2018.themeDay.rule, groups: [] })
    expect(count(nat)).toMatchObject({ lecture: 1, 'life-meeting': 1 })
    expect(count(nat).group).toBeUndefined()
    expect(nat.find((i) => i.kind === 'lecture')).toMatchObject({ bySecretary: true, topic: '2026年书记讲党课' })
    const zj = draftAnnualPlan({ year: 2026, requirements: COLLEGE_ZJ_2019.meetings.requirements, themeDayRule: COLLEGE_ZJ_2019.themeDay.rule, groups: [] })
    const lectures = zj.filter((i) => i.kind === 'lecture')
    expect(lectures.length).toBeGreaterThanOrEqual(4)
    expect(lectures.filter((i) => i.bySecretary)).toHaveLength(1)
  })

  test('several meetings in one period, an `other` requirement and a bad year', () => {
    const items = draftAnnualPlan({
      year: 2027,
      requirements: [
        { kind: 'other', min: 2, per: 'quarter' },
        { kind: 'life-meeting', min: 2, per: 'year' },
        { kind: 'lecture', min: 2, per: 'year', by: 'secretary' },
      ],
      themeDayRule: { kind: 'day-of-month', day: 8 },
      groups: [],
    })
    expect(count(items)).toEqual({ other: 8, 'life-meeting': 2, lecture: 2 })
    expect(items.filter((i) => i.kind === 'other')[1]?.topic).toBe('3月学习活动（2）')
    expect(items.filter((i) => i.kind === 'life-meeting').map((i) => i.topic)).toEqual(['2027年组织生活会（1）', '2027年组织生活会（2）'])
    // January 2020: the Spring Festival holiday ran past the month's end, so the meeting moves earlier.
    const jan = draftAnnualPlan({ year: 2020, requirements: [{ kind: 'evaluation', min: 1, per: 'month' }], themeDayRule: { kind: 'day-of-month', day: 8 }, groups: [] })
    expect(jan[0]?.date).toBe('2020-01-23')
    expect(() => draftAnnualPlan({ year: 1999, requirements: [], themeDayRule: { kind: 'day-of-month', day: 1 }, groups: [] })).toThrow('年份不正确')
  })
})
