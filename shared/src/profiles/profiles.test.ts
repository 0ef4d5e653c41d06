import { PERCENT_QUARTERLY_SCHEME } from '../rules/points/scheme'
import { RuleInputError } from '../rules/errors'
import { themeDayOf } from '../rules/theme-day'
import {
  DEFAULT_PROFILE_ID,
  getProfile,
  isProfileId,
  mergeOverrides,
  PROFILE_IDS,
  PROFILE_OPTIONS,
  PROFILES,
  ProfileSchema,
  resolveProfile,
  type Profile,
  type ProfileId,
} from './index'

const req = (p: Profile, kind: string, by?: string) => p.meetings.requirements.filter((r) => r.kind === kind && (r.by ?? undefined) === by)

describe('shipped profiles', () => {
  test.each(PROFILE_IDS.map((id) => [id]))('%s is valid, cites sources and is frozen', (id) => {
    const p = getProfile(id)
    const parsed = ProfileSchema.safeParse(p)
    expect(parsed.success ? [] : parsed.error.issues).toEqual([])
    expect(p.id).toBe(id)
    expect(p.sources.length).toBeGreaterThan(0)
    for (const section of ['meetings', 'themeDay', 'dues', 'points', 'evaluation', 'study', 'talks', 'branch', 'term', 'signIn', 'attendance', 'publicity', 'reminders', 'development'] as const) {
      expect(p[section].source).toMatch(/\[(N|N-QA|HN|L|\?|N-practice)\]|DOMAIN|seed/)
    }
    expect(Object.isFrozen(p)).toBe(true)
    expect(Object.isFrozen(p.dues)).toBe(true)
    expect(MEETING_ALL.every((k) => p.meetings.requirements.some((r) => r.kind === k))).toBe(true)
  })

  const MEETING_ALL = ['party-congress', 'committee', 'group', 'lecture', 'life-meeting', 'theme-day', 'evaluation'] as const

  test.each([
    // profile, kind, by, [min, per]
    ['national-2018', 'party-congress', undefined, [1, 'quarter']],
    ['national-2018', 'committee', undefined, [1, 'month']],
    ['national-2018', 'group', undefined, [1, 'month']],
    ['national-2018', 'lecture', 'secretary', [1, 'year']],
    ['national-2018', 'life-meeting', undefined, [1, 'year']],
    ['national-2018', 'theme-day', undefined, [1, 'month']],
    ['hunan-wuhua-2018', 'lecture', undefined, [1, 'half-year']],
    ['hunan-wuhua-2018', 'lecture', 'secretary', [1, 'year']],
    ['hunan-wuhua-2018', 'life-meeting', undefined, [1, 'half-year']],
    ['college-sany-2018', 'committee', undefined, [1, 'bimonth']],
    ['college-sany-2018', 'group', undefined, [1, 'bimonth']],
    ['college-sany-2018', 'lecture', undefined, [1, 'quarter']],
    ['college-sany-2018', 'theme-day', undefined, [1, 'year']],
    ['college-zj-2019', 'lecture', undefined, [2, 'semester']],
    ['college-zj-2019', 'lecture', 'secretary', [1, 'year']],
    ['college-zj-2019', 'life-meeting', undefined, [1, 'year']],
    ['village-2019', 'lecture', undefined, [1, 'half-year']],
    ['village-2019', 'life-meeting', undefined, [1, 'year']],
  ] as [ProfileId, string, string | undefined, [number, string]][])('%s %s (by %s) → %j', (id, kind, by, [min, per]) => {
    const rows = req(getProfile(id), kind, by)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ min, per })
  })

  test('the table values of docs/DOMAIN.md §0 and §3–§6', () => {
    const national = getProfile('national-2018')
    const hunan = getProfile('hunan-wuhua-2018')
    const village = getProfile('village-2019')
    expect(req(village, 'life-meeting')[0]?.max).toBe(2)
    expect(national.term.reminders.map((r) => r.offsetMonths)).toEqual([-6])
    expect(hunan.term.reminders.map((r) => r.offsetMonths)).toEqual([-3, -2])
    expect(village.term.years).toBe(5)
    expect(national.term.years).toBe(3)
    expect(hunan.dues.publicationPeriod).toBe('half-year')
    expect(national.dues.publicationPeriod).toBe('year')
    expect(hunan.points.required).toBe(true)
    expect(national.points.publicRanking).toBe(false)
    expect(village.evaluation.grades).toEqual(['qualified', 'basically-qualified', 'unqualified'])
    expect(national.evaluation.grades).toHaveLength(4)
    for (const id of PROFILE_IDS) {
      const p = getProfile(id)
      expect(p.evaluation.excellentRatio).toBeCloseTo(1 / 3)
      expect(p.study).toMatchObject({ memberHours: 32, committeeHours: 56 })
      expect(p.signIn).toMatchObject({ opensBeforeMinutes: 30, closesAfterMinutes: 30 })
      expect(p.attendance).toMatchObject({ warnMonths: 2, escalateMonths: 4, flagMonths: 6 })
      expect(p.publicity.days).toBe(7)
      expect(p.dues).toMatchObject({ rounding: 'ceil-fen', prepayMaxMonths: 6, backpayMaxMonths: 6, arrearsWarnMonths: 3, arrearsFlagMonths: 6, deductSocialInsurance: false })
      expect(p.talks.secretaryWithCommittee).toEqual({ min: 1, per: 'half-year' })
    }
    expect(themeDayOf(village.themeDay.rule, '2024-05')).toBe('2024-05-08')
    expect(themeDayOf(hunan.themeDay.rule, '2024-05')).toBe('2024-05-27') // 26th is a Sunday
  })

  test('ids, options and the default', () => {
    expect(Object.keys(PROFILES)).toEqual([...PROFILE_IDS])
    expect(PROFILE_OPTIONS.map((o) => o.id)).toEqual([...PROFILE_IDS])
    expect(PROFILE_OPTIONS[1]?.name).toBe('湖南党支部“五化”建设')
    expect(DEFAULT_PROFILE_ID).toBe('hunan-wuhua-2018')
    expect(isProfileId('village-2019')).toBe(true)
    expect(isProfileId('mars-2030')).toBe(false)
    expect(() => getProfile('mars-2030' as ProfileId)).toThrow(expect.objectContaining({ reason: 'UNKNOWN_PROFILE' }))
  })
})

describe('resolveProfile — branch overrides', () => {
  test('no overrides returns the shipped profile', () => {
    expect(resolveProfile('national-2018')).toEqual(getProfile('national-2018'))
    expect(resolveProfile('national-2018', {})).toEqual(getProfile('national-2018'))
    expect(resolveProfile('national-2018', null)).toBe(getProfile('national-2018'))
    expect(resolveProfile('national-2018', undefined)).toEqual(getProfile('national-2018'))
  })
  test('deep-merges objects and replaces arrays', () => {
    const p = resolveProfile('hunan-wuhua-2018', {
      dues: { rounding: 'ceil-jiao' },
      evaluation: { excellentRatio: 0.25 },
      meetings: { requirements: [{ kind: 'committee', min: 2, per: 'month' }] },
      points: { scheme: { base: 70 } },
    })
    expect(p.dues.rounding).toBe('ceil-jiao')
    expect(p.dues.publicationPeriod).toBe('half-year') // kept
    expect(p.evaluation.excellentRatio).toBe(0.25)
    expect(p.meetings.requirements).toEqual([{ kind: 'committee', min: 2, per: 'month' }])
    expect(p.points.scheme.base).toBe(70)
    expect(p.points.scheme.items).toEqual(getProfile('hunan-wuhua-2018').points.scheme.items)
    expect(getProfile('hunan-wuhua-2018').dues.rounding).toBe('ceil-fen') // the shipped data is untouched
  })
  test('a different rule kind or scheme id replaces the whole object', () => {
    const p = resolveProfile('hunan-wuhua-2018', {
      themeDay: { rule: { kind: 'nth-weekday', n: 2, weekday: 5 } },
      points: { scheme: PERCENT_QUARTERLY_SCHEME },
    })
    expect(p.themeDay.rule).toEqual({ kind: 'nth-weekday', n: 2, weekday: 5 })
    expect(p.points.scheme.id).toBe('percent-quarterly')
    expect(resolveProfile('village-2019', { themeDay: { rule: { day: 18 } } }).themeDay.rule).toEqual({ kind: 'day-of-month', day: 18, shiftIfHoliday: true })
  })
  test.each([
    [{ dues: { prepayMaxMonths: 30 } }, 'dues.prepayMaxMonths'],
    [{ dues: { arrearsWarnMonths: 6 } }, 'dues'],
    [{ attendance: { escalateMonths: 1 } }, 'attendance'],
    [{ branch: { committeeMin: 6 } }, 'branch'],
    [{ branch: { nearMaxMembers: 60 } }, 'branch'],
    [{ evaluation: { grades: ['qualified', 'qualified'] } }, 'evaluation.grades'],
    [{ evaluation: { excellentRatio: 2 } }, 'evaluation.excellentRatio'],
    [{ themeDay: { rule: { kind: 'nth-weekday', n: 9, weekday: 1 } } }, 'themeDay.rule'],
    [{ surprise: true }, ''],
  ])('%j is refused (%s)', (overrides, path) => {
    let caught: unknown
    try {
      resolveProfile('national-2018', overrides as never)
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(RuleInputError)
    expect((caught as RuleInputError).reason).toBe('INVALID_PROFILE')
    const issues = (caught as RuleInputError).details?.issues as { path: string }[]
    expect(issues.some((i) => i.path.startsWith(path))).toBe(true)
  })
  test('overrides cannot change the id, pollute prototypes, or be non-objects', () => {
    expect(() => resolveProfile('national-2018', { id: 'village-2019' } as never)).toThrow(expect.objectContaining({ reason: 'INVALID_PROFILE' }))
    expect(resolveProfile('national-2018', { id: 'national-2018' } as never).id).toBe('national-2018')
    expect(() => resolveProfile('national-2018', JSON.parse('{"dues":{"__proto__":{"polluted":true}}}'))).toThrow(RuleInputError)
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
    expect(() => resolveProfile('national-2018', [] as never)).toThrow(RuleInputError)
    expect(() => resolveProfile('mars' as ProfileId, {})).toThrow(expect.objectContaining({ reason: 'UNKNOWN_PROFILE' }))
  })
  test('mergeOverrides rules', () => {
    expect(mergeOverrides({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 5 } })).toEqual({ a: 1, b: { c: 5, d: 3 } })
    expect(mergeOverrides({ a: [1, 2] }, { a: [3] })).toEqual({ a: [3] })
    expect(mergeOverrides({ a: 1 }, { a: null })).toEqual({ a: null })
    expect(mergeOverrides({ a: 1 }, { a: undefined })).toEqual({ a: 1 })
    expect(mergeOverrides({ kind: 'x', v: 1 }, { kind: 'y' })).toEqual({ kind: 'y' })
    expect(mergeOverrides({ kind: 'x', v: 1 }, { kind: 'x', w: 2 })).toEqual({ kind: 'x', v: 1, w: 2 })
    expect(mergeOverrides(5, { a: 1 })).toEqual({ a: 1 })
  })
})
