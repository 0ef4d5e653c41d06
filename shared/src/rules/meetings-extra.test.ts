import fc from 'fast-check'
import { HUNAN_WUHUA_2018 } from '../profiles/hunan-wuhua-2018'
import { NATIONAL_2018 } from '../profiles/national-2018'
import { COLLEGE_ZJ_2019 } from '../profiles/college-zj-2019'
import { DEFAULT_ATTENDANCE_THRESHOLDS, type MeetingKind } from './meetings'
import {
  ABSENCE_FLAG_TEXT,
  attendanceGrid,
  attendanceSummary,
  codeTimes,
  codeWindowOf,
  codeWindowState,
  distanceMeters,
  draftAnnualPlan,
  meetingQuorum,
  meetingRoster,
  memberMeetingStatus,
  SIGN_IN_CODE_RULE,
  type GridMeeting,
  type RosterMember,
} from './meetings-extra'

describe('rotating sign-in code timing', () => {
  test.each([
    [0, 0],
    [14_999, 0],
    [15_000, 1],
    [1_700_000_000_000, 113_333_333],
  ])('instant %d ms is window %d', (ms, w) => expect(codeWindowOf(ms)).toBe(w))

  test.each([
    [10, 10, 'ok'],
    [9, 10, 'ok'],
    [8, 10, 'expired'],
    [11, 10, 'future'],
    [1.5, 10, 'expired'],
  ] as const)('a code of window %d at window %d is %s', (code, now, state) => expect(codeWindowState(code, now)).toBe(state))

  test('a code is accepted for at most 30 s and the host refreshes it every 15 s', () => {
    expect(codeTimes(100)).toEqual({ refreshAt: 1_515_000, expiresAt: 1_530_000 })
    expect(SIGN_IN_CODE_RULE.windowSeconds * SIGN_IN_CODE_RULE.acceptWindows).toBe(30)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: 0, max: 120_000 }), (issued, age) => {
        const ok = codeWindowState(codeWindowOf(issued), codeWindowOf(issued + age)) === 'ok'
        // Always accepted within 15 s, never after 30 s.
        return (age >= 15_000 || ok) && (age < 30_000 || !ok)
      }),
    )
  })

  test('bad inputs', () => {
    expect(() => codeWindowOf(Number.NaN)).toThrow('时间格式不正确')
    expect(() => codeWindowOf(0, { windowSeconds: 0, acceptWindows: 2 })).toThrow('签到码时段秒数应为正整数')
    expect(() => codeWindowState(1, 1, { windowSeconds: 15, acceptWindows: 0 })).toThrow('可接受时段数应为正整数')
  })
})

describe('distance', () => {
  test('about 111 m per 0.001° of latitude; symmetric; zero to itself', () => {
    const a = { lat: 28.2282, lng: 112.9388 }
    expect(Math.round(distanceMeters(a, { lat: 28.2292, lng: 112.9388 }))).toBe(111)
    expect(distanceMeters(a, a)).toBe(0)
    fc.assert(
      fc.property(fc.double({ min: -89, max: 89, noNaN: true }), fc.double({ min: -179, max: 179, noNaN: true }), (lat, lng) => {
        const b = { lat, lng }
        return Math.abs(distanceMeters(a, b) - distanceMeters(b, a)) < 1e-6 && distanceMeters(a, b) <= 20_016_000
      }),
    )
    expect(() => distanceMeters(a, { lat: 91, lng: 0 })).toThrow('坐标不正确')
  })
})

const member = (id: string, over: Partial<RosterMember> = {}): RosterMember => ({ id, name: id, groupId: 'g1', status: 'formal', roles: [], exempt: false, mobile: false, ...over })
const MEMBERS = [
  member('sec', { roles: ['secretary'] }),
  member('org', { roles: ['organizer', 'dues-manager'], groupId: 'g2' }),
  member('lead', { roles: ['group-leader'] }),
  member('a'),
  member('b', { groupId: 'g2', status: 'probationary' }),
  member('old', { groupId: 'g2', exempt: true }),
  member('mob', { mobile: true }),
]

describe('roster (应到)', () => {
  test.each([
    ['committee', null, ['sec', 'org']],
    ['group', 'g2', ['org', 'b', 'old']],
    ['theme-day', null, ['sec', 'org', 'lead', 'a', 'b', 'old', 'mob']],
    ['lecture', 'g1', ['sec', 'lead', 'a', 'mob']],
  ] as const)('%s (group %s)', (kind, groupId, ids) => expect(meetingRoster(MEMBERS, { kind, groupId }).map((m) => m.id)).toEqual(ids))
})

describe('attendance summary and quorum', () => {
  test('exempt members who did not come are not due; presence beats leave; 预备党员 have no 表决权', () => {
    const s = attendanceSummary({ roster: MEMBERS, presentIds: ['sec', 'org', 'b', 'x'], leaveIds: ['a', 'org'] })
    expect(s).toEqual({
      due: 6,
      present: 3,
      leave: 1,
      absent: 2,
      absentIds: ['lead', 'mob'],
      leaveIds: ['a'],
      exemptIds: ['old'],
      observers: 1,
      voting: { due: 5, present: 2 },
    })
    expect(meetingQuorum('party-congress', s)).toEqual({ quorate: false, needed: 3, due: 5, present: 2 })
    expect(meetingQuorum('evaluation', s)?.quorate).toBe(false)
    expect(meetingQuorum('committee', s)).toEqual({ quorate: false, needed: 4, due: 6, present: 3 })
    expect(meetingQuorum('theme-day', s)).toBeNull()
  })

  test('an exempt member who came counts in 应到 and 实到', () => {
    const s = attendanceSummary({ roster: MEMBERS, presentIds: ['old'], leaveIds: [] })
    expect([s.due, s.present, s.exemptIds]).toEqual([7, 1, []])
  })

  test('property: due = present + leave + absent, and present never exceeds due', () => {
    const ids = MEMBERS.map((m) => m.id)
    fc.assert(
      fc.property(fc.subarray(ids), fc.subarray(ids), (present, leave) => {
        const s = attendanceSummary({ roster: MEMBERS, presentIds: present, leaveIds: leave })
        return s.due === s.present + s.leave + s.absent && s.voting.present <= s.voting.due && s.present <= s.due
      }),
    )
  })

  test.each([
    [{ presentIds: ['a'] }, true, 'present'],
    [{ presentIds: ['zz'] }, false, 'pending'],
    [{ exemptIds: ['a'] }, true, 'exempt'],
    [{ leaveIds: ['a'] }, true, 'leave'],
    [{}, false, 'pending'],
    [{}, true, 'absent'],
  ] as const)('member status %j final=%s → %s', (lists, final, status) => {
    expect(memberMeetingStatus({ rosterIds: ['a', 'b'], exemptIds: [], presentIds: [], leaveIds: [], ...lists, final }, 'a')).toBe(status)
  })
  test('not on the roster and not present: no status', () => {
    expect(memberMeetingStatus({ rosterIds: ['b'], exemptIds: [], presentIds: [], leaveIds: [], final: true }, 'a')).toBeNull()
  })
})

describe('annual plan draft', () => {
  const groups = [
    { id: 'g1', name: '第一党小组' },
    { id: 'g2', name: '第二党小组' },
  ]
  const count = (items: { kind: MeetingKind }[]) => {
    const out: Partial<Record<MeetingKind, number>> = {}
    for (const i of items) out[i.kind] = (out[i.kind] ?? 0) + 1
    return out
  }

  test('hunan-wuhua-2018: 12 主题党日 on the 26th (moved off holidays), 12 支委会, 党小组会 per group, 4 党员大会, 2 党课 (one by the 书记), 2 组织生活会, 1 民主评议', () => {
    const items = draftAnnualPlan({ year: 2026, requirements: HUNAN_WUHUA_2018.meetings.requirements, themeDayRule: HUNAN_WUHUA_2018.themeDay.rule, groups })
    expect(count(items)).toEqual({ 'theme-day': 12, committee: 12, group: 24, 'party-congress': 4, lecture: 2, 'life-meeting': 2, evaluation: 1 })
    const theme = items.filter((i) => i.kind === 'theme-day').map((i) => i.date)
    expect(theme.slice(0, 4)).toEqual(['2026-01-26', '2026-02-26', '2026-03-26', '2026-04-27'])
    expect(items.filter((i) => i.bySecretary).map((i) => [i.kind, i.topic])).toEqual([['lecture', '2026年书记讲党课']])
    expect(items.find((i) => i.kind === 'group' && i.groupId === 'g2')?.topic).toBe('第二党小组1月党小组会')
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length)
    expect(items.every((i) => i.date >= '2026-01-01' && i.date <= '2026-12-31')).toBe(true)
    // Sorted by date.
    expect(items.map((i) => i.date)).toEqual([...items.map((i) => i.date)].sort())
  })

  test('national-2018: the 书记 党课 is added when no other 党课 is required; college-zj-2019 spreads two per semester', () => {
    const nat = draftAnnualPlan({ year: 2026, requirements: NATIONAL_2018.meetings.requirements, themeDayRule: NATIONAL_2018.themeDay.rule, groups: [] })
    expect(count(nat)).toMatchObject({ lecture: 1, 'life-meeting': 1 })
    expect(count(nat).group).toBeUndefined()
    expect(nat.find((i) => i.kind === 'lecture')).toMatchObject({ bySecretary: true, topic: '2026年书记讲党课' })
    const zj = draftAnnualPlan({ year: 2026, requirements: COLLEGE_ZJ_2019.meetings.requirements, themeDayRule: COLLEGE_ZJ_2019.themeDay.rule, groups: [] })
    const lectures = zj.filter((i) => i.kind === 'lecture')
    expect(lectures.length).toBeGreaterThanOrEqual(4)
    expect(lectures.filter((i) => i.bySecretary)).toHaveLength(1)
  })

  test('several meetings in one period, an `other` requirement and a bad year', () => {
    const items = draftAnnualPlan({
      year: 2027,
      requirements: [
        { kind: 'other', min: 2, per: 'quarter' },
        { kind: 'life-meeting', min: 2, per: 'year' },
        { kind: 'lecture', min: 2, per: 'year', by: 'secretary' },
      ],
      themeDayRule: { kind: 'day-of-month', day: 8 },
      groups: [],
    })
    expect(count(items)).toEqual({ other: 8, 'life-meeting': 2, lecture: 2 })
    expect(items.filter((i) => i.kind === 'other')[1]?.topic).toBe('3月学习活动（2）')
    expect(items.filter((i) => i.kind === 'life-meeting').map((i) => i.topic)).toEqual(['2027年组织生活会（1）', '2027年组织生活会（2）'])
    // January 2020: the Spring Festival holiday ran past the month's end, so the meeting moves earlier.
    const jan = draftAnnualPlan({ year: 2020, requirements: [{ kind: 'evaluation', min: 1, per: 'month' }], themeDayRule: { kind: 'day-of-month', day: 8 }, groups: [] })
    expect(jan[0]?.date).toBe('2020-01-23')
    expect(() => draftAnnualPlan({ year: 1999, requirements: [], themeDayRule: { kind: 'day-of-month', day: 1 }, groups: [] })).toThrow('年份不正确')
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
