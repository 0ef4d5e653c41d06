// The public surface other code imports from `@shared`: the fixed entry points and the main helpers.
import * as shared from '@shared'
import * as rules from './index'

describe('public API', () => {
  test.each([
    'monthlyDuesFen',
    'excellentQuota',
    'themeDayOf',
    'checkFinalGrades',
    'beijingDate',
    'beijingMonth',
    'beijingDateTime',
    'isWorkingDay',
    'getProfile',
    'resolveProfile',
    'RuleInputError',
    'AppError',
  ])('@shared exports %s', (name) => {
    expect(typeof (shared as Record<string, unknown>)[name]).toBe('function')
  })
  test('constants and schemas are exported', () => {
    expect(shared.MEETING_KIND_LABELS['theme-day']).toBe('主题党日')
    expect(shared.EVALUATION_GRADE_LABELS.excellent).toBe('优秀')
    expect(shared.DUES_CATEGORY_LABELS.retired).toBe('离退休党员')
    expect(shared.PROFILE_IDS).toHaveLength(5)
    expect(typeof shared.ProfileSchema.safeParse).toBe('function')
    expect(typeof shared.ThemeDayRuleSchema.safeParse).toBe('function')
    expect(rules.monthlyDuesFen).toBe(shared.monthlyDuesFen)
  })
  test('the fixed entry points answer the documented examples', () => {
    expect(shared.monthlyDuesFen({ category: 'employed', baseFen: 300_001 })).toBe(3001)
    expect(shared.excellentQuota(31)).toBe(10)
    expect(shared.themeDayOf({ kind: 'day-of-month', day: 31 }, '2023-02')).toBe('2023-02-28')
    expect(shared.checkFinalGrades([{ memberId: 'a', status: 'probationary', grade: null }])).toEqual({ ok: true })
  })
})
