// Tests of absence.ts.
import { RuleInputError } from '../errors'
import {
  ABSENCE_FLAG_TEXT,
  absenceStreak,
  attendanceFlag,
  attendanceGrid,
  DEFAULT_ATTENDANCE_THRESHOLDS,
  type GridMeeting,
  monthParticipation,
} from './absence'

describe('absence flags — warn 2, escalate 4, lapse review 6', () => {
  test.each([
    [0, 'none'],
    [1, 'none'],
    [2, 'warn'],
    [3, 'warn'],
    [4, 'escalate'],
    [5, 'escalate'],
    [6, 'lapse-review'],
    [12, 'lapse-review'],
  ])('%p months → %s', (run, flag) => {
    expect(attendanceFlag(run)).toBe(flag)
  })
  test('a negative run throws', () => {
    expect(() => attendanceFlag(-1)).toThrow(RuleInputError)
  })
  test.each([
    [['present', 'absent'], 'took-part'],
    [['leave', 'absent'], 'excused'],
    [['absent', 'absent'], 'absent'],
    [[], 'no-meeting'],
  ] as const)('month %j → %s', (statuses, p) => {
    expect(monthParticipation(statuses)).toBe(p)
  })

  const absent = (month: string) => ({ date: `${month}-10`, status: 'absent' as const })
  test('a streak counts back from the last month; leave and empty months are neutral', () => {
    const records = [
      { date: '2024-01-10', status: 'present' as const },
      absent('2024-02'),
      absent('2024-03'),
      { date: '2024-04-10', status: 'leave' as const }, // neutral
      // 2024-05: no meeting — neutral
      absent('2024-06'),
      absent('2024-07'),
      absent('2024-08'),
      absent('2024-09'),
    ]
    expect(absenceStreak({ fromMonth: '2024-01', throughMonth: '2024-09', records })).toEqual({
      run: 6,
      absentMonths: ['2024-02', '2024-03', '2024-06', '2024-07', '2024-08', '2024-09'],
      flag: 'lapse-review',
    })
    expect(absenceStreak({ fromMonth: '2024-01', throughMonth: '2024-07', records }).flag).toBe('escalate')
    expect(absenceStreak({ fromMonth: '2024-01', throughMonth: '2024-09', records: [...records, { date: '2024-08-20', status: 'present' }] })).toMatchObject({ run: 1, flag: 'none' })
  })
  test('exempt members (年老体弱) are never flagged; thresholds are configurable', () => {
    const records = ['2024-01', '2024-02', '2024-03'].map(absent)
    expect(absenceStreak({ fromMonth: '2024-01', throughMonth: '2024-03', records, exempt: true })).toEqual({ run: 0, absentMonths: [], flag: 'none' })
    expect(absenceStreak({ fromMonth: '2024-01', throughMonth: '2024-03', records, thresholds: { warnMonths: 1, escalateMonths: 2, flagMonths: 3 } }).flag).toBe('lapse-review')
  })
})

describe('attendance grid and flags', () => {
  const meeting = (date: string, presentIds: string[], over: Partial<GridMeeting> = {}): GridMeeting => ({
    date,
    final: true,
    cancelled: false,
    rosterIds: ['a', 'b', 'old'],
    exemptIds: ['old'],
    presentIds,
    leaveIds: [],
    ...over,
  })
  const members = [
    { id: 'a', exempt: false },
    { id: 'b', exempt: false },
    { id: 'old', exempt: true },
  ]
  // b misses everything from June; a misses July only, with leave in August.
  const meetings = [
    meeting('2025-12-26', ['a', 'b']),
    meeting('2026-01-26', ['a', 'b']),
    meeting('2026-02-26', ['a']),
    meeting('2026-03-26', ['a', 'b']),
    meeting('2026-04-27', ['a', 'b']),
    meeting('2026-05-26', ['a', 'b']),
    meeting('2026-06-26', ['a']),
    meeting('2026-07-27', []),
    meeting('2026-08-26', [], { leaveIds: ['a'] }),
    meeting('2026-09-26', ['a']),
    meeting('2026-10-26', ['a']),
    meeting('2026-11-26', ['a'], { final: false }),
    meeting('2026-11-12', ['a', 'b'], { cancelled: true }),
  ]

  test('cells per month, runs through the current month, neutral flag texts', () => {
    const rows = attendanceGrid({ year: 2026, throughMonth: '2026-11', members, meetings, thresholds: DEFAULT_ATTENDANCE_THRESHOLDS })
    const [a, b, old] = rows
    expect(a?.months).toEqual(['took-part', 'took-part', 'took-part', 'took-part', 'took-part', 'took-part', 'absent', 'excused', 'took-part', 'took-part', 'no-meeting', 'future'])
    expect(a).toMatchObject({ run: 0, flag: 'none', flagText: '' })
    expect(b?.months.slice(5, 11)).toEqual(['absent', 'absent', 'absent', 'absent', 'absent', 'no-meeting'])
    expect(b).toMatchObject({ run: 5, flag: 'escalate', flagText: ABSENCE_FLAG_TEXT.escalate })
    expect(old).toMatchObject({ run: 0, flag: 'none' })
    expect(old?.months[0]).toBe('exempt')
    expect(Object.values(ABSENCE_FLAG_TEXT).join('')).not.toMatch(/脱党|处分|除名/)
  })

  test('six months without taking part → the 6-month flag (a prompt only)', () => {
    const more = [...meetings, meeting('2026-12-26', ['a'])]
    const [, b] = attendanceGrid({ year: 2026, throughMonth: '2026-12', members, meetings: more, thresholds: DEFAULT_ATTENDANCE_THRESHOLDS })
    expect(b).toMatchObject({ run: 6, flag: 'lapse-review', flagText: '连续6个月未参加组织生活，提请支部研究' })
    const warn = attendanceGrid({ year: 2026, throughMonth: '2026-08', members, meetings, thresholds: DEFAULT_ATTENDANCE_THRESHOLDS })
    expect(warn[1]).toMatchObject({ run: 3, flag: 'warn' })
  })

  test('a future year is all future; no meetings before the year still works', () => {
    const rows = attendanceGrid({ year: 2026, throughMonth: '2025-12', members: [{ id: 'a', exempt: false }], meetings: [], thresholds: DEFAULT_ATTENDANCE_THRESHOLDS })
    expect(rows[0]?.months.every((c) => c === 'future')).toBe(true)
  })
})
