/** Workbench display helpers: compliance cell text (never "NaN") and rule sources without internal seed names. */
import { PERIOD_UNITS, periodOf } from '@shared/rules/time'
import { ASSESSMENT_STANDARDS } from '@shared/profiles/assessment-standards'
import { periodCellLabel, readableSource } from './format'

describe('periodCellLabel', () => {
  it.each([
    ['month', '2026-03-15', '3'],
    ['quarter', '2026-05-02', '2季'],
    ['half-year', '2026-08-01', '下半年'],
    ['year', '2026-08-01', '全年'],
  ] as const)('%s', (unit, date, text) => {
    const p = periodOf(unit, date)
    expect(periodCellLabel(p.key, p.label)).toBe(text)
  })

  it('no unit gives NaN or the year', () => {
    for (const unit of PERIOD_UNITS) {
      for (const date of ['2026-01-10', '2026-04-10', '2026-07-10', '2026-11-10']) {
        const p = periodOf(unit, date)
        const text = periodCellLabel(p.key, p.label)
        expect(text).not.toMatch(/NaN|2026/)
        expect(text.length).toBeGreaterThan(0)
      }
    }
  })
})

describe('readableSource: no seed file name or reliability tag reaches the page', () => {
  it.each([
    ['[L] 职业学院党支部标准化规范化建设达标标准（seed 001_473cea6eeca10bbc）', '职业学院党支部标准化规范化建设达标标准'],
    ['[L] 职业学院党支部建设“两化一创”强基引领三年行动计划（浙高发〔2019〕30号，seed 001_473cea6eeca10bbc）', '职业学院党支部建设“两化一创”强基引领三年行动计划（浙高发〔2019〕30号）'],
    ['[L] 基层党支部规范化建设实施方案（村、社区，seed 004_445dbfd70ce3ee94）', '基层党支部规范化建设实施方案（村、社区）'],
    ['[N] 《中国共产党支部工作条例（试行）》', '《中国共产党支部工作条例（试行）》'],
  ])('%s', (raw, shown) => {
    expect(readableSource(raw)).toBe(shown)
  })

  it('every standard the 五化达标 page shows', () => {
    for (const std of Object.values(ASSESSMENT_STANDARDS)) {
      const shown = readableSource(std.source)
      expect(shown).not.toMatch(/seed|\[(N|L|HN|\?)\]|\d{3}_[0-9a-f]/)
      expect(shown.length).toBeGreaterThan(4)
    }
  })
})
