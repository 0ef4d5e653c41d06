// Tests of publication.ts.
import { duesPeriodOf, lastClosedDuesPeriod, periodMonths } from './publication'

describe('公示 periods', () => {
  test('keys', () => {
    expect(duesPeriodOf('2026-H1')).toMatchObject({ start: '2026-01-01', end: '2026-06-30', label: '2026年上半年' })
    expect(duesPeriodOf('2026')).toMatchObject({ start: '2026-01-01', end: '2026-12-31' })
    expect(periodMonths(duesPeriodOf('2026-H2'))).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'])
    expect(() => duesPeriodOf('2026-H3')).toThrow('公示期间格式')
  })
  test('the last closed period', () => {
    expect(lastClosedDuesPeriod('2026-11-22', 'half-year').key).toBe('2026-H1')
    expect(lastClosedDuesPeriod('2026-03-01', 'half-year').key).toBe('2025-H2')
    expect(lastClosedDuesPeriod('2026-03-01', 'year').key).toBe('2025')
  })
})
