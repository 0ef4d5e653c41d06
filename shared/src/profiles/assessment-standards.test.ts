import { PROFILE_IDS } from './ids'
import {
  ASSESSMENT_STANDARDS,
  AssessmentStandardSchema,
  assessmentStandardFor,
  STANDARD_ZJ_2019,
  standardItems,
} from './assessment-standards'

describe('the 100-point standard of seed 001', () => {
  test('validates: items sum to their area, areas to 100', () => {
    expect(AssessmentStandardSchema.safeParse(STANDARD_ZJ_2019).success).toBe(true)
    expect(STANDARD_ZJ_2019.areas.map((a) => [a.code, a.title, a.max])).toEqual([
      ['1', '组织设置', 10],
      ['2', '推进中心工作', 15],
      ['3', '党员教育管理', 25],
      ['4', '组织生活', 15],
      ['5', '支持保障', 15],
      ['6', '特色亮点', 20],
    ])
  })

  test('the items and points of the seed table', () => {
    expect(standardItems(STANDARD_ZJ_2019).map((i) => `${i.code}:${i.max}`)).toEqual([
      '1.1:5', '1.2:3', '1.3:2',
      '2.1:5', '2.2:4', '2.3:4', '2.4:2',
      '3.1:10', '3.2:10', '3.3:3', '3.4:2',
      '4.1:3', '4.2:2', '4.3:2', '4.4:5', '4.5:3',
      '5.1:5', '5.4:6', '5.5:4',
      '6.1:20',
    ])
  })

  test('the records the app holds score 4.1, 4.3, 4.4 and the 党费 part of 3.3 automatically', () => {
    const byCode = new Map(standardItems(STANDARD_ZJ_2019).map((i) => [i.code, i]))
    expect(byCode.get('4.1')?.mode).toBe('auto')
    expect(byCode.get('4.3')?.auto).toEqual([{ check: 'evaluation', none: 2, unfinished: 0.5, label: '民主评议党员' }])
    expect(byCode.get('4.4')?.auto[0]).toMatchObject({ check: 'meetings', kinds: ['theme-day'], noneHeld: 2 })
    expect(byCode.get('3.3')?.auto[0]).toMatchObject({ check: 'dues' })
    expect(byCode.get('6.1')?.mode).toBe('manual')
  })

  test.each([
    ['a wrong area sum', (s: typeof STANDARD_ZJ_2019) => ({ ...s, areas: s.areas.map((a, i) => (i === 0 ? { ...a, max: 11 } : a)) })],
    ['a wrong total', (s: typeof STANDARD_ZJ_2019) => ({ ...s, total: 99 })],
    ['an item under another area', (s: typeof STANDARD_ZJ_2019) => ({ ...s, areas: s.areas.map((a, i) => (i === 0 ? { ...a, items: a.items.map((it, j) => (j === 0 ? { ...it, code: '2.9' } : it)) } : a)) })],
    ['an auto item without checks', (s: typeof STANDARD_ZJ_2019) => ({ ...s, areas: s.areas.map((a, i) => (i === 3 ? { ...a, items: a.items.map((it, j) => (j === 0 ? { ...it, auto: [] } : it)) } : a)) })],
  ])('the schema refuses %s', (_what, change) => {
    expect(AssessmentStandardSchema.safeParse(change(STANDARD_ZJ_2019)).success).toBe(false)
  })

  test('every profile has a standard', () => {
    for (const id of PROFILE_IDS) expect(assessmentStandardFor(id)).toBe(ASSESSMENT_STANDARDS['zj-2019'])
    expect(() => assessmentStandardFor('nope' as never)).toThrow('该规则方案没有达标评分标准')
  })
})
