// Tests of standard-score.ts.
import fc from 'fast-check'
import { STANDARD_ZJ_2019, standardItems } from '../../profiles/assessment-standards'
import { meetingCompliance } from '../meetings/compliance'
import { type AssessmentFacts, isValidDeduction, scoreAssessment } from './standard-score'

describe('scoreAssessment — the 100-point table', () => {
  const clean: AssessmentFacts = { setupFindings: [], reelection: 'ok', meetingRows: [], heldByKind: { 'life-meeting': 2, 'theme-day': 11 }, evaluation: 'published', duesArrears: [] }
  const overdue = (kind: 'group' | 'theme-day' | 'life-meeting' | 'lecture', key: string, by?: 'secretary') => {
    const rows = meetingCompliance({
      requirements: [{ kind, min: 1, per: kind === 'life-meeting' ? 'half-year' : kind === 'lecture' ? 'year' : 'month', by: by ?? null }],
      meetings: [],
      from: `${key.slice(0, 4)}-01-01`,
      to: `${key.slice(0, 4)}-12-31`,
      today: '2027-01-10',
    })
    return rows.filter((r) => r.period.key === key)
  }

  test('with clean records every auto item is full and hand items are pending', () => {
    const s = scoreAssessment(STANDARD_ZJ_2019, clean, {})
    const auto = standardItems(STANDARD_ZJ_2019).filter((i) => i.mode !== 'manual')
    expect(s.total).toBe(auto.reduce((n, i) => n + i.max, 0))
    expect(s.pending).toBe(standardItems(STANDARD_ZJ_2019).filter((i) => i.mode === 'manual').length)
    expect(s.total + s.pendingMax).toBe(100)
    expect(s.areas.find((a) => a.code === '1')?.items.map((i) => i.status)).toEqual(['partial', 'partial', 'partial'])
  })

  test('each auto check deducts what the standard says, capped at the item', () => {
    const facts: AssessmentFacts = {
      setupFindings: [
        { code: 'GROUP_TOO_SMALL', message: '党小组“一”不足3人' },
        { code: 'GROUP_TOO_SMALL', message: '党小组“二”不足3人' },
        { code: 'GROUP_TOO_SMALL', message: '党小组“三”不足3人' },
        { code: 'COMMITTEE_ROLE_MISSING', message: '支委会缺少：纪检委员' },
      ],
      reelection: 'hard-overdue',
      meetingRows: [...overdue('group', '2026-10'), ...overdue('group', '2026-11'), ...overdue('theme-day', '2026-03'), ...overdue('lecture', '2026', 'secretary')],
      heldByKind: { 'theme-day': 10, 'life-meeting': 0 },
      evaluation: 'none',
      duesArrears: [
        { name: '甲', run: 3 },
        { name: '乙', run: 7 },
        { name: '丙', run: 4 },
        { name: '丁', run: 5 },
        { name: '戊', run: 3 },
      ],
    }
    const s = scoreAssessment(STANDARD_ZJ_2019, facts, {})
    const item = (code: string) => s.areas.flatMap((a) => a.items).find((i) => i.item.code === code)
    expect(item('1.1')?.autoDeduction).toBe(1)
    expect(item('1.1')?.score).toBe(4)
    // 1 (roles) + 2 (换届) = 3: the whole item.
    expect(item('1.2')).toMatchObject({ autoDeduction: 3, score: 0 })
    expect(item('4.1')?.auto[0]).toMatchObject({ points: 1, evidence: ['2026年10月党小组会：应1次，实0次', '2026年11月党小组会：应1次，实0次'] })
    expect(item('4.1')?.score).toBe(2)
    expect(item('4.4')?.score).toBe(4.5)
    expect(item('4.3')).toMatchObject({ autoDeduction: 2, score: 0 })
    expect(item('4.5')?.auto[0]?.label).toBe('书记未讲党课')
    expect(item('4.5')?.score).toBe(2)
    expect(item('3.3')?.autoDeduction).toBe(2)
    expect(item('4.2')?.score).toBe(2)
  })

  test('组织生活会: none held all year takes the whole 2 points; an unfinished 评议 0.5', () => {
    const s = scoreAssessment(STANDARD_ZJ_2019, { ...clean, meetingRows: overdue('life-meeting', '2026-H1'), heldByKind: {}, evaluation: 'closed' }, {})
    const item = (code: string) => s.areas.flatMap((a) => a.items).find((i) => i.item.code === code)
    expect(item('4.2')?.autoDeduction).toBe(2)
    expect(item('4.3')?.autoDeduction).toBe(0.5)
    const once = scoreAssessment(STANDARD_ZJ_2019, { ...clean, meetingRows: overdue('life-meeting', '2026-H1'), heldByKind: { 'life-meeting': 1 } }, {})
    expect(once.areas[3]?.items[1]?.autoDeduction).toBe(0.5)
    expect(scoreAssessment(STANDARD_ZJ_2019, { ...clean, reelection: 'overdue' }, {}).areas[0]?.items[1]?.autoDeduction).toBe(2)
  })

  test('hand scores: deduction in steps of 0.5 within the item; totals and pending', () => {
    const s = scoreAssessment(STANDARD_ZJ_2019, clean, { '6.1': { deduction: 5 }, '1.1': { deduction: 0.5 }, '2.1': { deduction: 0 } })
    const item = (code: string) => s.areas.flatMap((a) => a.items).find((i) => i.item.code === code)
    expect(item('6.1')).toMatchObject({ score: 15, status: 'scored', handDeduction: 5 })
    expect(item('1.1')).toMatchObject({ score: 4.5, status: 'scored' })
    expect(item('2.1')?.score).toBe(5)
    expect(s.handDeduction).toBe(5.5)
    expect(s.pending).toBe(standardItems(STANDARD_ZJ_2019).filter((i) => i.mode === 'manual').length - 2)
    expect(s.areas.reduce((n, a) => n + a.score, 0)).toBe(s.total)
  })

  test.each([
    [{ x: { deduction: 1 } }, '没有该评分项'],
    [{ '4.1': { deduction: 1 } }, '该项由系统根据记录自动评分'],
    [{ '2.1': { deduction: 5.5 } }, '扣分应在0至5分之间，以0.5分为单位'],
    [{ '2.1': { deduction: 0.3 } }, '扣分应在0至5分之间，以0.5分为单位'],
    [{ '2.1': { deduction: -1 } }, '扣分应在0至5分之间，以0.5分为单位'],
  ])('refuses %j', (hand, message) => {
    expect(() => scoreAssessment(STANDARD_ZJ_2019, clean, hand)).toThrow(message)
  })

  test('isValidDeduction', () => {
    expect([isValidDeduction(0, 2), isValidDeduction(2, 2), isValidDeduction(1.5, 2), isValidDeduction(2.5, 2), isValidDeduction(Number.NaN, 2)]).toEqual([true, true, true, false, false])
  })

  test('property: a score never leaves [0, item max] and the total never exceeds 100', () => {
    const items = standardItems(STANDARD_ZJ_2019).filter((i) => i.mode !== 'auto')
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...items), fc.nat(40)), { maxLength: 10 }), fc.boolean(), (picks, bad) => {
        const hand = Object.fromEntries(picks.map(([i, n]) => [i.code, { deduction: Math.min(i.max, n / 2) }]))
        const facts = bad ? { ...clean, reelection: 'hard-overdue' as const, evaluation: 'none' as const } : clean
        const s = scoreAssessment(STANDARD_ZJ_2019, facts, hand)
        for (const i of s.areas.flatMap((a) => a.items)) {
          if (i.score !== null) {
            expect(i.score).toBeGreaterThanOrEqual(0)
            expect(i.score).toBeLessThanOrEqual(i.item.max)
          }
        }
        expect(s.total).toBeLessThanOrEqual(100)
      }),
    )
  })
})
