// Tests of grades.ts.
import fc from 'fast-check'
import { RuleInputError } from '../errors'
import { ballotMessage } from './ballot'
import {
  checkFinalGrades,
  EVALUATION_GRADE_LABELS,
  EVALUATION_GRADES,
  type EvaluationGrade,
  excellentQuota,
  type FinalGradeEntry,
  finalGradesMessage,
  ratioLabel,
  THREE_GRADE_SCALE,
} from './grades'

describe('excellentQuota — floor(正式党员 × ratio)', () => {
  test.each([
    [31, undefined, 10],
    [30, undefined, 10],
    [29, undefined, 9],
    [3, undefined, 1],
    [2, undefined, 0],
    [0, undefined, 0],
    [300, undefined, 100],
    [31, 0.2, 6],
    [31, 1, 31],
    [31, 0, 0],
    [10, 0.3, 3], // 10 × 0.3 is 2.9999999999999996 in binary
  ])('%p members, ratio %p → %p', (count, ratio, expected) => {
    expect(excellentQuota(count, ratio)).toBe(expected)
  })
  test.each([[-1], [2.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('count %p throws', (count) => {
    expect(() => excellentQuota(count)).toThrow(expect.objectContaining({ reason: 'INVALID_COUNT' }))
  })
  test.each([[-0.1], [1.5], [Number.NaN]])('ratio %p throws', (ratio) => {
    expect(() => excellentQuota(10, ratio)).toThrow(expect.objectContaining({ reason: 'INVALID_RATIO' }))
  })
  test('property: never more than a third, and the largest such number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        const q = excellentQuota(n)
        expect(q * 3).toBeLessThanOrEqual(n)
        expect((q + 1) * 3).toBeGreaterThan(n)
      }),
    )
  })
  test('property: never more than count × ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (n, a, b) => {
        const [num, den] = a <= b ? [a, b] : [b, a]
        const q = excellentQuota(n, num / den)
        expect(q * den).toBeLessThanOrEqual(n * num)
        expect((q + 1) * den).toBeGreaterThan(n * num)
      }),
    )
  })
})

describe('checkFinalGrades — 31 正式 + 3 预备', () => {
  const branch = (excellent: number, extra: Partial<FinalGradeEntry>[] = []): FinalGradeEntry[] => [
    ...Array.from({ length: 31 }, (_, i): FinalGradeEntry => ({ memberId: `f${i}`, status: 'formal', grade: i < excellent ? 'excellent' : 'qualified' })),
    { memberId: 'p0', status: 'probationary' },
    { memberId: 'p1', status: 'probationary', grade: null },
    { memberId: 'p2', status: 'probationary', grade: undefined },
    ...(extra as FinalGradeEntry[]),
  ]

  test('10 优秀 of 31 正式 is allowed (预备 do not count)', () => {
    expect(checkFinalGrades(branch(10))).toEqual({ ok: true })
  })
  test('11 优秀 exceeds the quota', () => {
    expect(checkFinalGrades(branch(11))).toEqual({ ok: false, reason: 'EXCELLENT_QUOTA_EXCEEDED', excellent: 11, quota: 10, formalCount: 31 })
  })
  test('a lower ratio lowers the quota', () => {
    expect(checkFinalGrades(branch(7), 0.2)).toMatchObject({ ok: false, reason: 'EXCELLENT_QUOTA_EXCEEDED', quota: 6 })
    expect(checkFinalGrades(branch(6), 0.2)).toEqual({ ok: true })
  })
  test('a graded 预备党员 is refused', () => {
    const grades = branch(0)
    grades[32] = { memberId: 'p1', status: 'probationary', grade: 'qualified' }
    expect(checkFinalGrades(grades)).toEqual({ ok: false, reason: 'PROBATIONARY_GRADED', memberIds: ['p1'] })
  })
  test('an ungraded 正式党员 is refused', () => {
    const grades = branch(0)
    grades[5] = { memberId: 'f5', status: 'formal', grade: null }
    expect(checkFinalGrades(grades)).toEqual({ ok: false, reason: 'FORMAL_UNGRADED', memberIds: ['f5'] })
  })
  test('a member listed twice is refused', () => {
    expect(checkFinalGrades(branch(0, [{ memberId: 'f3', status: 'formal', grade: 'qualified' }]))).toEqual({
      ok: false,
      reason: 'DUPLICATE_MEMBER',
      memberIds: ['f3'],
    })
  })
  test('grades outside the scale are refused (village: no 优秀)', () => {
    expect(checkFinalGrades(branch(1), 1 / 3, { scale: THREE_GRADE_SCALE })).toEqual({ ok: false, reason: 'GRADE_NOT_IN_SCALE', memberIds: ['f0'] })
    expect(checkFinalGrades(branch(0), 1 / 3, { scale: THREE_GRADE_SCALE })).toEqual({ ok: true })
    expect(checkFinalGrades([{ memberId: 'a', status: 'formal', grade: 'good' as EvaluationGrade }])).toMatchObject({ reason: 'GRADE_NOT_IN_SCALE' })
  })
  test.each([
    [3, 1, true],
    [3, 2, false],
    [2, 1, false], // 2 正式 → quota 0
    [0, 0, true],
  ])('%p 正式 with %p 优秀 → ok=%p', (n, excellent, ok) => {
    const grades = Array.from({ length: n }, (_, i): FinalGradeEntry => ({ memberId: `m${i}`, status: 'formal', grade: i < excellent ? 'excellent' : 'basically-qualified' }))
    expect(checkFinalGrades(grades).ok).toBe(ok)
  })
  test('a bad ratio throws', () => {
    expect(() => checkFinalGrades([], 2)).toThrow(RuleInputError)
  })
  test('property: ok exactly when 优秀 ≤ floor(正式/3)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ formal: fc.boolean(), grade: fc.constantFrom(...EVALUATION_GRADES) }), { maxLength: 60 }), (rows) => {
        const grades: FinalGradeEntry[] = rows.map((r, i) => (r.formal ? { memberId: `m${i}`, status: 'formal', grade: r.grade } : { memberId: `m${i}`, status: 'probationary', grade: null }))
        const formal = rows.filter((r) => r.formal)
        const excellent = formal.filter((r) => r.grade === 'excellent').length
        expect(checkFinalGrades(grades).ok).toBe(excellent * 3 <= formal.length)
      }),
    )
  })
})

describe('labels', () => {
  test('labels', () => {
    expect(EVALUATION_GRADES.map((g) => EVALUATION_GRADE_LABELS[g])).toEqual(['优秀', '合格', '基本合格', '不合格'])
  })
})

describe('messages name the rule', () => {
  test.each([
    [1 / 3, '三分之一'],
    [1 / 2, '二分之一'],
    [0.2, '五分之一'],
    [0.25, '四分之一'],
    [0.15, '15%'],
  ])('ratioLabel(%p) = %p', (ratio, label) => {
    expect(ratioLabel(ratio)).toBe(label)
  })

  test('an 11th 优秀 among 31 正式党员', () => {
    const grades = Array.from({ length: 31 }, (_, i) => ({ memberId: `m${i}`, status: 'formal' as const, grade: (i < 11 ? 'excellent' : 'qualified') as EvaluationGrade }))
    const check = checkFinalGrades(grades)
    expect(check).toEqual({ ok: false, reason: 'EXCELLENT_QUOTA_EXCEEDED', excellent: 11, quota: 10, formalCount: 31 })
    if (check.ok) throw new Error('unreachable')
    expect(finalGradesMessage(check)).toBe('评定为优秀的党员一般不超过正式党员总数的三分之一：本次正式党员31人，优秀最多10人，现为11人')
  })

  test('预备党员 graded, 正式党员 missing — names listed', () => {
    const names = { a: '张三', b: '李四' }
    expect(finalGradesMessage({ ok: false, reason: 'PROBATIONARY_GRADED', memberIds: ['a'] }, names)).toBe('预备党员参加民主评议，但不评定等次：张三')
    expect(finalGradesMessage({ ok: false, reason: 'FORMAL_UNGRADED', memberIds: ['a', 'b'] }, names)).toBe('还有正式党员未评定等次：张三、李四')
    expect(finalGradesMessage({ ok: false, reason: 'GRADE_NOT_IN_SCALE', memberIds: ['x'] }, names)).toContain('x')
    expect(finalGradesMessage({ ok: false, reason: 'DUPLICATE_MEMBER', memberIds: ['b'] }, names)).toContain('李四')
  })

  test('ballot messages', () => {
    expect(ballotMessage({ ok: false, reason: 'BALLOT_EXCELLENT_LIMIT_EXCEEDED', excellent: 4, limit: 3 })).toBe('每张测评表评为优秀的最多3人，您选了4人')
    expect(ballotMessage({ ok: false, reason: 'MISSING_MEMBER', memberIds: ['a', 'b'] }, { a: '甲', b: '乙' })).toBe('还有2名党员未选择等次：甲、乙')
    expect(ballotMessage({ ok: false, reason: 'SELF_GRADED', memberIds: ['a'] })).toContain('本人')
    expect(ballotMessage({ ok: false, reason: 'UNKNOWN_MEMBER', memberIds: ['z'] })).toContain('刷新')
    expect(ballotMessage({ ok: false, reason: 'GRADE_NOT_IN_SCALE', memberIds: ['a'] }, { a: '甲' })).toContain('甲')
    expect(ballotMessage({ ok: false, reason: 'DUPLICATE_MEMBER', memberIds: ['a'] }, { a: '甲' })).toContain('甲')
  })
})
