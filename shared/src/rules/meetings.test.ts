import { RuleInputError } from './errors'
import {
  absenceStreak,
  attendanceFlag,
  describeRequirement,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  meetingCompliance,
  monthParticipation,
  quorum,
  requiredMeetings,
  resolutionPasses,
  signInState,
  signInWindow,
  summarizeCompliance,
  votingMembers,
  type HeldMeeting,
  type MeetingRequirement,
} from './meetings'

const national: MeetingRequirement[] = [
  { kind: 'party-congress', min: 1, per: 'quarter' },
  { kind: 'committee', min: 1, per: 'month' },
  { kind: 'lecture', min: 1, per: 'year', by: 'secretary' },
  { kind: 'life-meeting', min: 1, max: 2, per: 'year' },
]

describe('labels and descriptions', () => {
  test('every kind has a Chinese name', () => {
    expect(MEETING_KINDS.map((k) => MEETING_KIND_LABELS[k])).toEqual(['支部党员大会', '支部委员会会议', '党小组会', '党课', '组织生活会', '主题党日', '民主评议大会', '其他'])
  })
  test.each([
    [{ kind: 'party-congress', min: 1, per: 'quarter' }, '每季度党员大会至少1次'],
    [{ kind: 'lecture', min: 1, per: 'year', by: 'secretary' }, '每年书记讲党课至少1次'],
    [{ kind: 'life-meeting', min: 1, max: 2, per: 'year' }, '每年组织生活会1—2次'],
    [{ kind: 'lecture', min: 2, max: 2, per: 'semester' }, '每学期党课至少2次'],
  ] as [MeetingRequirement, string][])('%j → %s', (req, text) => {
    expect(describeRequirement(req)).toBe(text)
  })
})

describe('requiredMeetings', () => {
  test('one row per requirement and period', () => {
    const rows = requiredMeetings(national, '2024-01-01', '2024-06-30')
    expect(rows.map((r) => `${r.requirement.kind}:${r.period.key}`)).toEqual([
      'party-congress:2024-Q1',
      'party-congress:2024-Q2',
      ...['01', '02', '03', '04', '05', '06'].map((m) => `committee:2024-${m}`),
      'lecture:2024',
      'life-meeting:2024',
    ])
  })
  test('a reversed range throws', () => {
    expect(() => requiredMeetings(national, '2024-06-30', '2024-01-01')).toThrow(RuleInputError)
  })
})

describe('meetingCompliance', () => {
  const meetings: HeldMeeting[] = [
    { kind: 'party-congress', date: '2024-03-31' }, // last day of Q1
    { kind: 'committee', date: '2024-01-05' },
    { kind: 'committee', date: '2024-02-29', status: 'cancelled' },
    { kind: 'committee', date: '2024-03-10', status: 'planned' },
    { kind: 'theme-day', date: '2024-04-26', countsAs: ['committee'] },
    { kind: 'lecture', date: '2024-05-01', ledBy: ['organizer'] },
  ]
  const rows = meetingCompliance({ requirements: national, meetings, from: '2024-01-01', to: '2024-06-30', today: '2024-05-15' })
  const status = (kind: string, key: string) => rows.find((r) => r.requirement.kind === kind && r.period.key === key)

  test.each([
    ['party-congress', '2024-Q1', 1, 'held'],
    ['party-congress', '2024-Q2', 0, 'missing'], // current quarter, still time
    ['committee', '2024-01', 1, 'held'],
    ['committee', '2024-02', 0, 'overdue'], // cancelled does not count
    ['committee', '2024-03', 0, 'overdue'], // planned does not count
    ['committee', '2024-04', 1, 'held'], // a 主题党日 that also counts as 支委会
    ['committee', '2024-05', 0, 'missing'],
    ['committee', '2024-06', 0, 'upcoming'],
    ['lecture', '2024', 0, 'missing'], // a 党课, but not by the 书记
    ['life-meeting', '2024', 0, 'missing'],
  ])('%s %s: held %p → %s', (kind, key, held, expected) => {
    expect(status(kind, key)).toMatchObject({ held, status: expected, required: 1 })
  })

  test('a 党课 by the 书记 satisfies the secretary requirement', () => {
    const r = meetingCompliance({
      requirements: national.slice(2, 3),
      meetings: [{ kind: 'lecture', date: '2024-05-01', ledBy: ['secretary'] }],
      from: '2024-01-01',
      to: '2024-12-31',
      today: '2025-01-10',
    })
    expect(r.map((x) => x.status)).toEqual(['held'])
  })

  test('an unmet past period is overdue; summary counts', () => {
    const r = meetingCompliance({ requirements: [{ kind: 'group', min: 2, per: 'month' }], meetings: [{ kind: 'group', date: '2024-01-10' }], from: '2024-01-01', to: '2024-03-31', today: '2024-04-01' })
    expect(r.map((x) => x.status)).toEqual(['overdue', 'overdue', 'overdue'])
    expect(summarizeCompliance(rows)).toEqual({ held: 3, missing: 4, overdue: 2, upcoming: 1 })
  })

  test('bad dates throw', () => {
    expect(() => meetingCompliance({ requirements: national, meetings: [{ kind: 'group', date: '2024-02-30' }], from: '2024-01-01', to: '2024-03-31', today: '2024-04-01' })).toThrow(RuleInputError)
    expect(() => meetingCompliance({ requirements: national, meetings: [], from: '2024-01-01', to: '2024-03-31', today: 'now' })).toThrow(RuleInputError)
  })
})

describe('quorum and resolutions — more than half of 应到 with 表决权', () => {
  test.each([
    [10, 6, true, 6],
    [10, 5, false, 6],
    [9, 5, true, 5],
    [9, 4, false, 5],
    [1, 1, true, 1],
    [0, 0, false, 1],
  ])('due %p present %p → %p (needed %p)', (due, present, quorate, needed) => {
    expect(quorum(due, present)).toEqual({ quorate, needed, due, present })
  })
  test.each([
    [10, 6, true],
    [10, 5, false],
    [31, 16, true],
    [31, 15, false],
    [0, 0, false],
  ])('due %p, for %p → passes %p', (due, votesFor, passes) => {
    expect(resolutionPasses(due, votesFor)).toBe(passes)
  })
  test.each([
    [() => quorum(5, 6)],
    [() => quorum(-1, 0)],
    [() => quorum(5, 1.5)],
    [() => resolutionPasses(5, 6)],
    [() => resolutionPasses(Number.NaN, 1)],
  ])('refuses impossible counts %#', (f) => {
    expect(f).toThrow(RuleInputError)
  })
  test('only 正式党员 vote', () => {
    expect(votingMembers([{ id: 'a', status: 'formal' as const }, { id: 'b', status: 'probationary' as const }]).map((m) => m.id)).toEqual(['a'])
  })
})

describe('sign-in window (30 minutes before and after the start)', () => {
  const rule = { opensBeforeMinutes: 30, closesAfterMinutes: 30 }
  const start = '2024-05-26T06:30:00Z' // 14:30 Beijing
  test('window', () => {
    expect(signInWindow(start, rule)).toEqual({ opensAt: '2024-05-26T06:00:00.000Z', closesAt: '2024-05-26T07:00:00.000Z' })
  })
  test.each([
    ['2024-05-26T05:59:59Z', 'not-yet'],
    ['2024-05-26T06:00:00Z', 'open'],
    ['2024-05-26T06:30:00Z', 'open'],
    ['2024-05-26T07:00:00Z', 'open'],
    ['2024-05-26T07:00:01Z', 'closed'],
  ])('at %s → %s', (now, state) => {
    expect(signInState(start, now, rule)).toBe(state)
  })
})

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
