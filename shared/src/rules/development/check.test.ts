/**
 * Tests of the 发展党员 record checker and the procedure table: a complete, valid record under every
 * shipped profile, one table row per finding (hard and soft), pending deadlines relative to a stated
 * `today`, bad input, and a fast-check property over prefixes of the valid record.
 */
import fc from 'fast-check'
import { getProfile, PROFILE_IDS, resolveProfile } from '../../profiles'
import { RuleInputError } from '../errors'
import { checkRecord, currentStage, type DevelopmentFinding, type DevelopmentRecordStep } from './check'
import { DEVELOPMENT_STEP_BY_CODE, DEVELOPMENT_STEP_CODES, DEVELOPMENT_STEPS, type DevelopmentStepCode } from './procedure'

const NATIONAL = getProfile('national-2018')
const TODAY = '2026-12-07'

/** A complete record, in order, that breaks no rule of the national profile. */
const VALID: readonly DevelopmentRecordStep[] = [
  { step: 'apply', on: '2022-03-01', birthDate: '2000-05-01', materials: ['application-letter'] },
  { step: 'interview', on: '2022-03-20', materials: ['interview-record'], people: ['张三'] },
  { step: 'activist', on: '2022-04-10', materials: ['recommendation', 'committee-minutes'], people: ['李四', '王五'] },
  { step: 'assessment', on: '2022-10-01', materials: ['thought-report', 'assessment-record'] },
  { step: 'assessment', on: '2023-04-01', materials: ['thought-report', 'assessment-record'] },
  { step: 'candidate', on: '2023-04-15', materials: ['committee-minutes', 'assessment-record'], people: ['李四', '赵六'] },
  { step: 'political-review', on: '2023-05-10', materials: ['political-review'] },
  { step: 'training', on: '2023-05-20', training: { days: 3, hours: 24 }, materials: ['training-certificate'] },
  { step: 'committee-review', on: '2023-06-01', materials: ['committee-minutes'] },
  { step: 'publicity', on: '2023-06-05', endOn: '2023-06-09', materials: ['publicity-notice'] },
  { step: 'pre-review', on: '2023-06-15', materials: ['pre-review-opinion'] },
  { step: 'application-form', on: '2023-06-20', materials: ['application-form'] },
  { step: 'branch-vote', on: '2023-06-25', vote: { entitled: 20, present: 15, yes: 14 }, materials: ['meeting-minutes', 'application-form'] },
  { step: 'higher-talk', on: '2023-07-10', materials: ['interview-record'], people: ['孙七'] },
  { step: 'approval', on: '2023-08-01', materials: ['approval-opinion'] },
  { step: 'oath', on: '2023-08-10', materials: ['oath-record'] },
  { step: 'full-application', on: '2024-06-01', materials: ['full-application'] },
  { step: 'full-vote', on: '2024-06-25', vote: { entitled: 21, present: 18, yes: 18 }, materials: ['meeting-minutes', 'full-application'] },
  { step: 'full-approval', on: '2024-07-15', materials: ['approval-opinion'] },
]

/** The valid record with the first `code` step changed (or removed with `null`), plus extra steps. */
function edit(code: DevelopmentStepCode | null, patch: Partial<DevelopmentRecordStep> | null, extra: DevelopmentRecordStep[] = []): DevelopmentRecordStep[] {
  let done = false
  const out: DevelopmentRecordStep[] = []
  for (const s of VALID) {
    if (!done && s.step === code) {
      done = true
      if (patch) out.push({ ...s, ...patch })
    } else out.push(s)
  }
  return [...out, ...extra]
}

/** The same steps with the 转正 approval moved after an extended 预备期. */
const later = (steps: DevelopmentRecordStep[]): DevelopmentRecordStep[] => steps.map((s) => (s.step === 'full-approval' ? { ...s, on: '2025-01-10' } : s))

const brief = (fs: DevelopmentFinding[]): string[] => fs.map((f) => `${f.level} ${f.rule} ${f.step}`)

describe('checkRecord — a valid record', () => {
  test.each(PROFILE_IDS.map((id) => [id]))('%s: no findings (every profile inherits the national section)', (id) => {
    expect(checkRecord(VALID, getProfile(id), TODAY)).toEqual([])
  })

  test('order of the input does not matter', () => {
    expect(checkRecord([...VALID].reverse(), NATIONAL, TODAY)).toEqual([])
  })
})

describe('checkRecord — findings', () => {
  test.each([
    ['interview before the application', edit('interview', { on: '2022-02-28' }), ['hard DATE_OUT_OF_ORDER interview']],
    ['发展对象 one day short of a year', edit('candidate', { on: '2023-04-09' }), ['hard INTERVAL_TOO_SHORT candidate']],
    ['发展对象 on the anniversary', edit('candidate', { on: '2023-04-10' }), []],
    ['vote short of 双过半', edit('branch-vote', { vote: { entitled: 20, present: 15, yes: 10 } }), ['hard VOTE_FAILS branch-vote']],
    ['转正 vote short of half present', edit('full-vote', { vote: { entitled: 21, present: 10, yes: 10 } }), ['hard VOTE_FAILS full-vote']],
    ['vote not recorded', edit('branch-vote', { vote: undefined }), ['hard VOTE_MISSING branch-vote']],
    ['政审材料 missing', edit('political-review', { materials: [] }), ['hard MATERIAL_MISSING political-review']],
    ['志愿书 and minutes missing', edit('branch-vote', { materials: undefined }), ['hard MATERIAL_MISSING branch-vote', 'hard MATERIAL_MISSING branch-vote']],
    ['one 入党介绍人', edit('candidate', { people: ['李四'] }), ['hard PEOPLE_MISSING candidate']],
    ['the same 介绍人 twice', edit('candidate', { people: ['李四', '李四'] }), ['hard PEOPLE_MISSING candidate']],
    ['three 培养联系人', edit('activist', { people: ['李四', '王五', '赵六'] }), ['hard PEOPLE_TOO_MANY activist']],
    ['one 培养联系人', edit('activist', { people: ['李四'] }), []],
    ['no 谈话人', edit('interview', { people: undefined }), ['hard PEOPLE_MISSING interview']],
    ['training 2 days, 16 学时', edit('training', { training: { days: 2, hours: 16 } }), ['hard TRAINING_TOO_SHORT training']],
    ['training 1 day but 24 学时', edit('training', { training: { days: 1, hours: 24 } }), []],
    ['training not described', edit('training', { training: undefined }), ['hard TRAINING_TOO_SHORT training']],
    ['公示 four working days', edit('publicity', { endOn: '2023-06-08' }), ['hard PUBLICITY_TOO_SHORT publicity']],
    ['公示 without an end', edit('publicity', { endOn: undefined }), ['hard PUBLICITY_TOO_SHORT publicity']],
    ['预审 on the last day of 公示', edit('pre-review', { on: '2023-06-09' }), ['hard INTERVAL_TOO_SHORT publicity']],
    ['预审 inside a longer 公示', edit('publicity', { endOn: '2023-06-16' }), ['hard INTERVAL_TOO_SHORT publicity']],
    ['applicant under 18', edit('apply', { birthDate: '2004-03-02' }), ['hard APPLICANT_UNDER_AGE apply']],
    ['applicant 18 that day', edit('apply', { birthDate: '2004-03-01' }), []],
    ['birth after the application', edit('apply', { birthDate: '2022-03-02' }), ['hard APPLICANT_UNDER_AGE apply']],
    ['谈话 after a month', edit('interview', { on: '2022-04-02' }), ['soft STEP_LATE interview']],
    ['谈话 on the last day', edit('interview', { on: '2022-04-01' }), []],
    ['approval after 3 months (and so after the 宣誓)', edit('approval', { on: '2023-09-26' }), ['soft STEP_LATE approval', 'hard DATE_OUT_OF_ORDER oath']],
    ['转正 approval after 3 months', edit('full-approval', { on: '2024-09-26' }), ['soft STEP_LATE full-approval']],
    ['转正 before the 预备期 ends', edit('full-vote', { on: '2024-06-24' }), ['hard INTERVAL_TOO_SHORT full-vote']],
    [
      '转正 before an extended 预备期 ends',
      later(edit('full-vote', { on: '2024-12-24' }, [{ step: 'extension', on: '2024-06-25', months: 6, materials: ['meeting-minutes'] }])),
      ['hard INTERVAL_TOO_SHORT full-vote'],
    ],
    ['转正 when the extension ends', later(edit('full-vote', { on: '2024-12-25' }, [{ step: 'extension', on: '2024-06-25', months: 6, materials: ['meeting-minutes'] }])), []],
    [
      'an extension of 3 months',
      edit(null, null, [{ step: 'extension', on: '2024-06-25', months: 3, materials: ['meeting-minutes'] }]),
      ['hard EXTENSION_OUT_OF_RANGE extension'],
    ],
    ['an extension without months', edit(null, null, [{ step: 'extension', on: '2024-06-25', materials: ['meeting-minutes'] }]), ['hard EXTENSION_OUT_OF_RANGE extension']],
    ['a date after today', edit('full-approval', { on: '2026-12-08' }), ['hard DATE_IN_FUTURE full-approval', 'soft STEP_LATE full-approval']],
    ['发展对象 twice', edit(null, null, [{ ...VALID[5]!, on: '2023-05-01' }]), ['hard STEP_DUPLICATED candidate']],
    ['no 谈话 recorded', edit('interview', null), ['soft STEP_OVERDUE interview', 'hard PREVIOUS_STEP_MISSING activist']],
    ['a half-year without 考察', edit('assessment', { on: '2022-10-11' }), ['soft STEP_LATE assessment']],
  ] as [string, DevelopmentRecordStep[], string[]][])('%s', (_name, steps, expected) => {
    expect(brief(checkRecord(steps, NATIONAL, TODAY))).toEqual(expected)
  })

  test('a finding carries a Chinese message, the source and its date', () => {
    const [f] = checkRecord(edit('candidate', { on: '2023-04-09' }), NATIONAL, TODAY)
    expect(f).toEqual({
      level: 'hard',
      rule: 'INTERVAL_TOO_SHORT',
      step: 'candidate',
      message: '确定为发展对象：最早应在2023年4月10日，记录为2023年4月9日',
      source: DEVELOPMENT_STEP_BY_CODE.candidate.source,
      date: '2023-04-10',
    })
    expect(f?.source).toMatch(/发展党员工作细则/)
    const [m] = checkRecord(edit('political-review', { materials: [] }), NATIONAL, TODAY)
    expect(m?.message).toBe('政治审查：缺少政审材料')
  })

  test('the numbers come from the profile: a 7-working-day 公示 override', () => {
    const profile = resolveProfile('hunan-wuhua-2018', { development: { publicityWorkingDays: 7 } })
    expect(brief(checkRecord(VALID, profile, TODAY))).toEqual(['hard PUBLICITY_TOO_SHORT publicity'])
    expect(checkRecord(VALID, profile, TODAY)[0]?.date).toBe('2023-06-13')
  })
})

describe('checkRecord — pending steps, as of today', () => {
  const applied: DevelopmentRecordStep[] = [{ step: 'apply', on: '2026-12-01', materials: ['application-letter'] }]
  const activist = VALID.slice(0, 3).map((s) => (s.step === 'activist' ? { ...s, on: '2026-06-10' } : { ...s, on: s.step === 'apply' ? '2026-05-01' : '2026-05-20' }))
  const probationary = VALID.filter((s) => s.step !== 'full-application' && s.step !== 'full-vote' && s.step !== 'full-approval')
  const voted = VALID.slice(0, 13)

  test.each([
    ['谈话 due in 25 days', applied, '2026-12-07', []],
    ['谈话 due in 7 days', applied, '2026-12-25', ['soft STEP_DUE_SOON interview']],
    ['谈话 due today', applied, '2027-01-01', ['soft STEP_DUE_SOON interview']],
    ['谈话 overdue', applied, '2027-01-02', ['soft STEP_OVERDUE interview']],
    ['first 考察 due in 3 days', activist, '2026-12-07', ['soft STEP_DUE_SOON assessment']],
    ['first 考察 overdue', activist, '2026-12-11', ['soft STEP_OVERDUE assessment']],
    ['next 考察 overdue', VALID.slice(0, 4), '2023-04-02', ['soft STEP_OVERDUE assessment']],
    ['next 考察 not yet due', VALID.slice(0, 5), '2023-04-02', []],
    ['转正 due in 5 days', probationary, '2024-06-20', ['soft STEP_DUE_SOON full-vote']],
    ['转正 overdue', probationary, '2024-06-26', ['soft STEP_OVERDUE full-vote']],
    [
      '转正 after a 6-month extension',
      [...probationary, { step: 'extension', on: '2024-06-25', months: 6, materials: ['meeting-minutes'] } as DevelopmentRecordStep],
      '2024-06-26',
      [],
    ],
    ['approval overdue after the 支部大会', voted, '2023-09-26', ['soft STEP_OVERDUE approval']],
    ['approval due soon', voted, '2023-09-20', ['soft STEP_DUE_SOON approval']],
  ] as [string, DevelopmentRecordStep[], string, string[]][])('%s', (_name, steps, today, expected) => {
    expect(brief(checkRecord(steps, NATIONAL, today))).toEqual(expected)
  })

  test('an empty record has nothing to report', () => {
    expect(checkRecord([], NATIONAL, TODAY)).toEqual([])
  })
})

describe('checkRecord — bad input throws', () => {
  test.each([
    ['unknown step', [{ step: 'vote', on: '2026-01-01' }], NATIONAL, TODAY, 'INVALID_ARGUMENT'],
    ['invalid date', [{ step: 'apply', on: '2026-02-30' }], NATIONAL, TODAY, 'INVALID_DATE'],
    ['invalid end', [{ step: 'publicity', on: '2026-02-02', endOn: '02-06' }], NATIONAL, TODAY, 'INVALID_DATE'],
    ['invalid birth date', [{ step: 'apply', on: '2026-02-02', birthDate: '2000' }], NATIONAL, TODAY, 'INVALID_DATE'],
    ['unknown material', [{ step: 'apply', on: '2026-02-02', materials: ['selfie'] }], NATIONAL, TODAY, 'INVALID_ARGUMENT'],
    ['not an array', { step: 'apply' }, NATIONAL, TODAY, 'INVALID_ARGUMENT'],
    ['no development section', [], { development: {} }, TODAY, 'INVALID_PROFILE'],
    ['today invalid', [], NATIONAL, '2026-12', 'INVALID_DATE'],
    ['bad vote counts', edit('branch-vote', { vote: { entitled: 5, present: 6, yes: 6 } }), NATIONAL, TODAY, 'INVALID_COUNT'],
  ])('%s', (_name, steps, profile, today, reason) => {
    const f = (): unknown => checkRecord(steps as DevelopmentRecordStep[], profile as typeof NATIONAL, today)
    expect(f).toThrow(RuleInputError)
    expect(f).toThrow(expect.objectContaining({ reason }))
  })

  test('a profile whose ranges are inverted is refused', () => {
    expect(() => resolveProfile('national-2018', { development: { extensionMinMonths: 12, extensionMaxMonths: 6 } })).toThrow(
      expect.objectContaining({ reason: 'INVALID_PROFILE' }),
    )
    expect(() => resolveProfile('national-2018', { development: { contactPersonsMin: 3 } })).toThrow(expect.objectContaining({ reason: 'INVALID_PROFILE' }))
  })
})

describe('procedure data', () => {
  test('five stages in order; each step follows an earlier one; spans name profile values', () => {
    const stages = [...new Set(DEVELOPMENT_STEPS.map((s) => s.stage))]
    expect(stages).toEqual(['applicant', 'activist', 'candidate', 'probationary', 'full'])
    expect(DEVELOPMENT_STEPS.map((s) => s.code)).toEqual([...DEVELOPMENT_STEP_CODES])
    DEVELOPMENT_STEPS.forEach((s, i) => {
      if (i === 0) expect(s.after).toBeNull()
      else expect(DEVELOPMENT_STEPS.slice(0, i).map((p) => p.code)).toContain(s.after)
      for (const span of [s.minAfter, s.dueWithin]) {
        if (!span) continue
        const value = 'months' in span ? NATIONAL.development[span.months] : NATIONAL.development[span.years]
        expect(typeof value).toBe('number')
      }
      expect(s.source).toMatch(/\[(N|L|HN)\]/)
    })
  })

  test('the national numbers of the 细则', () => {
    expect(NATIONAL.development).toMatchObject({
      minApplicantAge: 18,
      interviewWithinMonths: 1,
      activistMinYears: 1,
      assessEveryMonths: 6,
      contactPersonsMin: 1,
      contactPersonsMax: 2,
      sponsors: 2,
      trainingMinDays: 3,
      trainingMinHours: 24,
      publicityWorkingDays: 5,
      approvalWithinMonths: 3,
      probationYears: 1,
      extensionMinMonths: 6,
      extensionMaxMonths: 12,
    })
    expect(NATIONAL.development.source).toMatch(/\[N\] 《中国共产党发展党员工作细则》/)
  })

  test.each([
    [[], 'applicant'],
    [VALID.slice(0, 2), 'applicant'],
    [VALID.slice(0, 3), 'activist'],
    [VALID.slice(0, 6), 'candidate'],
    [VALID.slice(0, 14), 'candidate'],
    [VALID.slice(0, 15), 'probationary'],
    [VALID, 'full'],
  ] as [DevelopmentRecordStep[], string][])('currentStage after %# → %s', (steps, stage) => {
    expect(currentStage(steps)).toBe(stage)
  })
})

describe('checkRecord — properties', () => {
  test('any prefix of the valid record, checked on a later day, has no hard finding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: VALID.length }), fc.integer({ min: 0, max: 2000 }), (n, later) => {
        const steps = VALID.slice(0, n)
        const last = steps.at(-1)?.on ?? '2022-01-01'
        const today = new Date(Date.parse(`${last}T00:00:00Z`) + later * 86_400_000).toISOString().slice(0, 10)
        const findings = checkRecord(steps, NATIONAL, today)
        expect(findings.filter((f) => f.level === 'hard')).toEqual([])
        for (const f of findings) expect(f.message).toMatch(/^[\u4e00-\u9fa5]/)
      }),
    )
  })
})
