import { isWorkingDay, lunarDateOf, nextWorkingDay, previousWorkingDay } from './calendar'
import { RuleInputError } from './errors'

describe('working days: holidays and 调休 (State Council calendar)', () => {
  test.each([
    // date, working?
    ['2024-10-01', false], // Tuesday, National Day
    ['2024-10-07', false], // Monday, still the holiday
    ['2024-10-08', true], // Tuesday, back to work
    ['2024-09-29', true], // Sunday, 调休 working day
    ['2024-10-12', true], // Saturday, 调休 working day
    ['2024-11-02', false], // an ordinary Saturday
    ['2024-11-04', true], // an ordinary Monday
    ['2025-01-26', true], // Sunday before 春节 2025: 调休
    ['2025-01-29', false],
    ['2025-02-08', true], // Saturday: 调休
    ['2024-05-01', false],
    ['2024-04-28', true], // Sunday: 调休
  ])('%s working=%p', (date, working) => {
    expect(isWorkingDay(date)).toBe(working)
  })
  test('next and previous working day', () => {
    expect(nextWorkingDay('2024-10-01')).toBe('2024-10-08')
    expect(nextWorkingDay('2024-10-08')).toBe('2024-10-08')
    expect(nextWorkingDay('2024-10-08', false)).toBe('2024-10-09')
    expect(previousWorkingDay('2024-10-07')).toBe('2024-09-30')
    expect(previousWorkingDay('2024-10-01', false)).toBe('2024-09-30')
    expect(previousWorkingDay('2024-09-30')).toBe('2024-09-30')
  })
  test('years without a published calendar fall back to Monday–Friday', () => {
    expect(isWorkingDay('2099-01-01')).toBe(true) // a Thursday, no data
    expect(isWorkingDay('2099-01-03')).toBe(false) // a Saturday
  })
})

describe('农历', () => {
  test.each([
    ['2024-02-10', 2024, 1, 1, false, '正月初一'], // 春节 2024
    ['2025-01-29', 2025, 1, 1, false, '正月初一'],
    ['2024-09-17', 2024, 8, 15, false, '八月十五'], // 中秋 2024
    ['2020-05-23', 2020, 4, 1, true, '闰四月初一'],
    ['2024-02-09', 2023, 12, 30, false, '腊月三十'], // 除夕 2024
  ])('%s → %p-%p-%p leap=%p %s', (date, year, month, day, leap, label) => {
    expect(lunarDateOf(date)).toEqual({ year, month, day, isLeapMonth: leap, label })
  })
  test('outside 1900-01-31 … 2100 throws', () => {
    expect(() => lunarDateOf('1900-01-30')).toThrow(RuleInputError)
    expect(() => lunarDateOf('2101-01-01')).toThrow(RuleInputError)
  })
})
