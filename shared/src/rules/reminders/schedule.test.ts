/**
 * When reminders are due, in Beijing time: 主题党日 the day before at 18:00 and that morning at 08:00, the
 * 积分 申报 deadline, 民主评议 voting, meetings 2 h ahead — table-driven and a property over arbitrary
 * instants. The same computation under other process time zones: cloudfunctions/reminders/time-zone.test.ts.
 */
import fc from 'fast-check'
import type { ThemeDayRule } from '../theme-day'
import { beijingDate, beijingTime } from '../time'
import {
  DEFAULT_REMINDER_TIMING,
  dueMonthlyTalksReminder,
  duePointsDeadline,
  dueReminders,
  dueThemeDayReminders,
  evaluationOpenWindow,
  reminderWindow,
  type ThemeDayOverride,
  themeDayRemindersOn,
} from './schedule'

const day26: ThemeDayRule = { kind: 'day-of-month', day: 26 }

const keys = (xs: { key: string }[]) => xs.map((x) => x.key)

describe('主题党日: T−1 18:00 and the day itself 08:00 (Beijing)', () => {
  test.each([
    ['2025-06-25T09:59:59.999Z', []], // 17:59:59.999 on the 25th
    ['2025-06-25T10:00:00.000Z', ['theme-day-eve:2025-06-26']], // 18:00 on the 25th
    ['2025-06-25T15:59:00.000Z', ['theme-day-eve:2025-06-26']], // 23:59
    ['2025-06-25T23:59:59.999Z', ['theme-day-eve:2025-06-26']], // 07:59:59 on the 26th
    ['2025-06-26T00:00:00.000Z', ['theme-day:2025-06-26']], // 08:00 on the 26th
    ['2025-06-26T09:59:59.999Z', ['theme-day:2025-06-26']], // 17:59
    ['2025-06-26T10:00:00.000Z', []], // 18:00: over
  ])('at %s', (now, expected) => {
    expect(keys(dueThemeDayReminders(day26, {}, now))).toEqual(expected)
  })

  test('a 主题党日 on the 1st is announced on the last day of the month before', () => {
    const r = dueThemeDayReminders({ kind: 'day-of-month', day: 1 }, {}, '2025-02-28T10:00:00Z')
    expect(r.map((e) => [e.key, e.date, e.dueAt, e.expiresAt])).toEqual([['theme-day-eve:2025-03-01', '2025-02-28', '2025-02-28T10:00:00.000Z', '2025-03-01T00:00:00.000Z']])
  })

  test('a planned meeting or the published plan moves the day, and brings its time and place', () => {
    const o: ThemeDayOverride = { date: '2025-06-24', time: '14:30', place: '党员活动室', topic: '6月主题党日' }
    expect(dueThemeDayReminders(day26, { '2025-06': o }, '2025-06-25T10:00:00Z')).toEqual([])
    const [eve] = dueThemeDayReminders(day26, { '2025-06': o }, '2025-06-23T10:00:00Z')
    expect(eve).toMatchObject({ key: 'theme-day-eve:2025-06-24', title: '明天（2025年6月24日）是主题党日', override: o })
  })

  test('holidays: June 2025’s 26th is a Thursday; July’s (a Saturday) moves to Monday the 28th when the rule says so', () => {
    const shift: ThemeDayRule = { kind: 'day-of-month', day: 26, shiftIfHoliday: true }
    expect(keys(dueThemeDayReminders(shift, {}, '2025-07-25T10:00:00Z'))).toEqual([])
    expect(keys(dueThemeDayReminders(shift, {}, '2025-07-27T10:00:00Z'))).toEqual(['theme-day-eve:2025-07-28'])
  })

  test('looking ahead: the reminders whose day is today, due now or later', () => {
    expect(themeDayRemindersOn(day26, {}, '2025-06-25').map((e) => [e.key, e.dueAt])).toEqual([['theme-day-eve:2025-06-26', '2025-06-25T10:00:00.000Z']])
    expect(themeDayRemindersOn(day26, {}, '2025-06-26').map((e) => [e.key, e.dueAt])).toEqual([['theme-day:2025-06-26', '2025-06-26T00:00:00.000Z']])
    expect(themeDayRemindersOn(day26, {}, '2025-06-20')).toEqual([])
  })

  test('property: whatever the instant, what is due was due at 18:00 or 08:00 Beijing and has not expired', () => {
    const start = Date.parse('2024-01-01T00:00:00Z')
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * 366 * 24 * 60 }), fc.integer({ min: 1, max: 31 }), (minutes, day) => {
        const now = new Date(start + minutes * 60_000)
        for (const e of dueThemeDayReminders({ kind: 'day-of-month', day }, {}, now)) {
          if (!(Date.parse(e.dueAt) <= now.getTime() && now.getTime() < Date.parse(e.expiresAt))) return false
          if (beijingTime(e.dueAt) !== (e.kind === 'theme-day-eve' ? '18:00' : '08:00')) return false
          if (beijingDate(e.dueAt) !== e.date) return false
        }
        return true
      }),
      { numRuns: 500 },
    )
  })
})

describe('calendar reminders and other windows', () => {
  test('the dues day at 09:00, valid for the day; 政治生日 at 09:00 seven days ahead, valid 3 days', () => {
    const dues = { duesDay: 26 }
    expect(dueReminders(dues, '2025-06-26T00:59:00Z').map((e) => e.key)).toEqual([])
    expect(dueReminders(dues, '2025-06-26T01:00:00Z').map((e) => e.key)).toEqual(['dues-day:2025-06'])
    expect(dueReminders(dues, '2025-06-26T12:59:00Z').map((e) => e.key)).toEqual(['dues-day:2025-06'])
    expect(dueReminders(dues, '2025-06-26T13:00:00Z').map((e) => e.key)).toEqual([])
    const birthday = { members: [{ id: 'm1', name: '吴刚', joinedAt: '2016-07-01' }], politicalBirthdayLeadDays: 7 }
    expect(dueReminders(birthday, '2025-06-24T00:59:00Z').map((e) => e.key)).toEqual([])
    expect(dueReminders(birthday, '2025-06-24T01:00:00Z').map((e) => [e.key, e.dueAt, e.expiresAt])).toEqual([
      ['political-birthday:m1:2025', '2025-06-24T01:00:00.000Z', '2025-06-27T01:00:00.000Z'],
    ])
    expect(dueReminders(birthday, '2025-06-27T01:00:00Z').map((e) => e.key)).toEqual([])
  })

  test('every calendar kind has a timing', () => {
    expect(Object.keys(DEFAULT_REMINDER_TIMING).sort()).toEqual(['dues-day', 'political-birthday', 'reelection', 'reelection-hard-overdue', 'reelection-overdue', 'theme-day', 'theme-day-eve'])
    expect(reminderWindow({ kind: 'reelection', date: '2026-12-14' })).toEqual({ dueAt: '2026-12-14T01:00:00.000Z', expiresAt: '2026-12-17T01:00:00.000Z' })
  })

  test.each([
    ['2025-06-02T23:59:00Z', null], // 07:59 on 06-03
    ['2025-06-03T01:00:00Z', { month: '2025-05', deadline: '2025-06-05' }], // 09:00 on 06-03
    ['2025-06-05T15:59:00Z', { month: '2025-05', deadline: '2025-06-05' }], // 23:59 on the deadline
    ['2025-06-05T16:00:00Z', null], // 00:00 on 06-06
  ])('积分 申报 deadline on the 5th: at %s', (now, expected) => {
    const r = duePointsDeadline(5, now)
    expect(r ? { month: r.month, deadline: r.deadline } : null).toEqual(expected)
  })

  test('民主评议 voting: from 09:00 on the first day until the last day ends', () => {
    expect(evaluationOpenWindow('2025-12-10', '2025-12-16')).toEqual({ dueAt: '2025-12-10T01:00:00.000Z', expiresAt: '2025-12-16T16:00:00.000Z' })
  })
})

describe('the monthly 谈心谈话 reminder to the 书记', () => {
  test.each([
    ['2026-11-01T00:59:00Z', null], // 08:59 Beijing on the 1st: not yet
    ['2026-11-01T01:00:00Z', '2026-11'], // 09:00 Beijing on the 1st
    ['2026-11-03T12:00:00Z', '2026-11'], // still valid on the 3rd
    ['2026-11-20T01:00:00Z', null], // long past
    ['2026-10-31T17:00:00Z', null], // already Nov 1st 01:00 in Beijing, before 09:00
  ])('at %s → %s', (now, month) => {
    const r = dueMonthlyTalksReminder(now)
    expect(r?.month ?? null).toBe(month)
    if (r) expect(r.dueAt).toBe('2026-11-01T01:00:00.000Z')
  })
})
