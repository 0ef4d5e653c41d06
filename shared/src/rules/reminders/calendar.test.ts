// Tests of calendar.ts.
import { RuleInputError } from '../errors'
import { politicalBirthday, reminderCalendar, type ReminderContext } from './calendar'

const ctx: ReminderContext = {
  themeDayRule: { kind: 'day-of-month', day: 26, shiftIfHoliday: true },
  duesDay: 10,
  members: [
    { id: 'm1', name: '张三', joinedAt: '2010-06-01' },
    { id: 'm2', joinedAt: '2024-05-30' }, // joined this year: no anniversary yet
    { id: 'm3', name: '李四', joinedAt: '2016-01-05' },
  ],
  termEndsAt: '2024-08-31',
  term: { reminders: [{ offsetMonths: -3, label: '上级书面发函提醒' }], hardOverdueMonths: 12 },
}

describe('politicalBirthday', () => {
  test.each([
    ['2010-06-01', 2024, '2024-06-01'],
    ['2012-02-29', 2023, '2023-02-28'],
    ['2012-02-29', 2024, '2024-02-29'],
  ])('%s in %p → %s', (joinedAt, year, expected) => {
    expect(politicalBirthday(joinedAt, year)).toBe(expected)
  })
})

describe('reminderCalendar', () => {
  test('May 2024: the 主题党日 moves off Sunday the 26th; eve, day, dues day, birthday T−7, 换届 T−3 months', () => {
    const events = reminderCalendar(ctx, '2024-05-01', '2024-05-31')
    expect(events.map((e) => [e.date, e.kind, e.key])).toEqual([
      ['2024-05-10', 'dues-day', 'dues-day:2024-05'],
      ['2024-05-25', 'political-birthday', 'political-birthday:m1:2024'],
      ['2024-05-26', 'theme-day-eve', 'theme-day-eve:2024-05-27'],
      ['2024-05-27', 'theme-day', 'theme-day:2024-05-27'],
      ['2024-05-31', 'reelection', 'reelection:2024-08-31:-3'],
    ])
    expect(events[1]).toMatchObject({ subjectDate: '2024-06-01', audience: 'secretary', memberId: 'm1', years: 14, title: '张三2024年6月1日入党14周年（政治生日）' })
    expect(events[2]).toMatchObject({ audience: 'members', title: '明天（2024年5月27日）是主题党日' })
    expect(events[0]?.title).toBe('今天是党费收缴日（5月）')
  })
  test('a 政治生日 early in January is announced in the previous December', () => {
    const events = reminderCalendar({ members: ctx.members }, '2023-12-25', '2023-12-31')
    expect(events).toEqual([
      expect.objectContaining({ date: '2023-12-29', kind: 'political-birthday', subjectDate: '2024-01-05', years: 8, key: 'political-birthday:m3:2024' }),
    ])
  })
  test('the eve of a theme day on the 1st falls in the previous month', () => {
    const events = reminderCalendar({ themeDayRule: { kind: 'day-of-month', day: 1 } }, '2024-06-30', '2024-06-30')
    expect(events.map((e) => e.key)).toEqual(['theme-day-eve:2024-07-01'])
  })
  test('overdue and hard-overdue 换届 dates', () => {
    expect(reminderCalendar(ctx, '2024-09-01', '2024-09-01').map((e) => e.kind)).toEqual(['reelection-overdue'])
    expect(reminderCalendar(ctx, '2025-08-31', '2025-08-31').map((e) => e.kind)).toEqual(['reelection-hard-overdue'])
  })
  test('same-day events are ordered by kind, then key', () => {
    const two = { members: [{ id: 'b', joinedAt: '2000-03-08' }, { id: 'a', joinedAt: '2001-03-08' }], duesDay: 1 }
    expect(reminderCalendar(two, '2024-03-01', '2024-03-01').map((e) => e.key)).toEqual(['political-birthday:a:2024', 'political-birthday:b:2024', 'dues-day:2024-03'])
    expect(reminderCalendar({ ...two, politicalBirthdayLeadDays: 0 }, '2024-03-08', '2024-03-08').map((e) => e.memberId)).toEqual(['a', 'b'])
  })
  test('an empty context has nothing; bad ranges throw', () => {
    expect(reminderCalendar({}, '2024-01-01', '2024-12-31')).toEqual([])
    expect(() => reminderCalendar(ctx, '2024-02-01', '2024-01-01')).toThrow(RuleInputError)
    expect(() => reminderCalendar(ctx, '2024-01-01', '2027-01-01')).toThrow(RuleInputError)
  })
  test('a year has 12 theme days, 12 eves and 12 dues days', () => {
    const events = reminderCalendar({ themeDayRule: ctx.themeDayRule, duesDay: 31 }, '2024-01-01', '2024-12-31')
    expect(events.filter((e) => e.kind === 'theme-day')).toHaveLength(12)
    expect(events.filter((e) => e.kind === 'theme-day-eve')).toHaveLength(12)
    expect(events.filter((e) => e.kind === 'dues-day').map((e) => e.date).slice(0, 2)).toEqual(['2024-01-31', '2024-02-29'])
    expect(new Set(events.map((e) => e.key)).size).toBe(events.length)
  })
})
