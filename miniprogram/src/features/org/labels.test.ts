import { DUES_CATEGORIES } from '@shared/contract/org'
import { PROFILE_IDS } from '@shared/profiles/ids'
import { DUES_CATEGORY_LABELS, PROFILE_LABELS, lunarDayLabel, roleLabels, themeDayRuleLabel } from './labels'

describe('labels', () => {
  it.each([
    [{ kind: 'day-of-month', day: 26 }, '每月26日'],
    [{ kind: 'day-of-month', day: 8, shiftIfHoliday: true }, '每月8日（遇节假日顺延）'],
    [{ kind: 'nth-weekday', n: 2, weekday: 5 }, '每月第二个星期五'],
    [{ kind: 'nth-weekday', n: -1, weekday: 7 }, '每月最后一个星期日'],
    [{ kind: 'lunar-day', day: 15 }, '每月农历十五'],
  ] as const)('reads the 主题党日 rule %o as “%s”', (rule, text) => {
    expect(themeDayRuleLabel(rule)).toBe(text)
  })

  it('labels lunar days', () => {
    expect(lunarDayLabel(1)).toBe('农历初一')
    expect(lunarDayLabel(20)).toBe('农历二十')
    expect(lunarDayLabel(30)).toBe('农历三十')
  })

  it('orders roles as the contract does', () => {
    expect(roleLabels(['group-leader', 'secretary'])).toEqual(['书记', '党小组长'])
  })

  it('has a label for every dues category and profile', () => {
    for (const c of DUES_CATEGORIES) expect(DUES_CATEGORY_LABELS[c]).toMatch(/\p{Script=Han}/u)
    for (const p of PROFILE_IDS) expect(PROFILE_LABELS[p]).toMatch(/\p{Script=Han}/u)
  })
})
