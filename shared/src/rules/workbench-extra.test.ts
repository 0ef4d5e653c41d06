import fc from 'fast-check'
import { HUNAN_WUHUA_2018 } from '../profiles/hunan-wuhua-2018'
import { STANDARD_ZJ_2019, standardItems } from '../profiles/assessment-standards'
import type { DuesBaseRecord } from './dues-extra'
import { meetingCompliance, type HeldMeeting } from './meetings'
import { RuleInputError } from './errors'
import {
  attendanceByMonth,
  attendanceRate,
  duesYearSummary,
  groupMeetingCompliance,
  isValidDeduction,
  meetingGaps,
  meetingTurnout,
  politicalBirthdaysInMonth,
  scoreAssessment,
  studyProgress,
  talkCoverage,
  type AssessmentFacts,
} from './workbench-extra'

describe('meetingTurnout — exempt members are due only when they come', () => {
  test.each([
    [{ rosterIds: ['a', 'b', 'c'], presentIds: ['a'], leaveIds: ['b'], exemptIds: [] }, { due: 3, present: 1, leave: 1 }],
    [{ rosterIds: ['a', 'b', 'c'], presentIds: ['a'], leaveIds: [], exemptIds: ['c'] }, { due: 2, present: 1, leave: 0 }],
    [{ rosterIds: ['a', 'b', 'c'], presentIds: ['a', 'c'], leaveIds: [], exemptIds: ['c'] }, { due: 3, present: 2, leave: 0 }],
    // Present wins over leave; an observer (present, not on the roster) is not counted.
    [{ rosterIds: ['a', 'b'], presentIds: ['a', 'x'], leaveIds: ['a'], exemptIds: [] }, { due: 2, present: 1, leave: 0 }],
    // An exempt member on leave is neither due nor excused.
    [{ rosterIds: ['a', 'b'], presentIds: [], leaveIds: ['b'], exemptIds: ['b'] }, { due: 1, present: 0, leave: 0 }],
    [{ rosterIds: [], presentIds: [], leaveIds: [], exemptIds: [] }, { due: 0, present: 0, leave: 0 }],
  ])('%j', (lists, expected) => {
    expect(meetingTurnout(lists)).toEqual(expected)
  })

  test('property: present ≤ due + exempt present, leave ≤ due − present', () => {
    const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'))
    fc.assert(
      fc.property(ids, ids, ids, ids, (rosterIds, presentIds, leaveIds, exemptIds) => {
        const t = meetingTurnout({ rosterIds, presentIds, leaveIds, exemptIds })
        expect(t.present).toBeLessThanOrEqual(t.due)
        expect(t.due).toBeLessThanOrEqual(rosterIds.length)
        expect(t.leave + t.present).toBeLessThanOrEqual(t.due)
      }),
    )
  })
})

describe('attendanceByMonth', () => {
  test('sums per month, twelve rows, null rate when nothing was due', () => {
    const rows = attendanceByMonth(
      [
        { date: '2026-01-26', due: 10, present: 8, leave: 1 },
        { date: '2026-01-05', due: 10, present: 9, leave: 0 },
        { date: '2026-03-26', due: 4, present: 1, leave: 2 },
        { date: '2025-12-26', due: 10, present: 10, leave: 0 },
      ],
      2026,
    )
    expect(rows).toHaveLength(12)
    expect(rows[0]).toEqual({ month: '2026-01', meetings: 2, due: 20, present: 17, leave: 1, rate: 17 / 20 })
    expect(rows[1]).toEqual({ month: '2026-02', meetings: 0, due: 0, present: 0, leave: 0, rate: null })
    expect(rows[2]?.rate).toBe(0.25)
  })
  test('attendanceRate', () => {
    expect(attendanceRate(3, 4)).toBe(0.75)
    expect(attendanceRate(0, 0)).toBeNull()
  })
})

const REQS = HUNAN_WUHUA_2018.meetings.requirements
const GROUPS = [
  { id: 'g1', name: '第一党小组' },
  { id: 'g2', name: '第二党小组' },
]

describe('per-group 党小组会 and the gaps', () => {
  const meetings: (HeldMeeting & { groupId: string | null })[] = [
    { kind: 'group', date: '2026-09-10', groupId: 'g1' },
    { kind: 'group', date: '2026-09-12', groupId: 'g2' },
    { kind: 'group', date: '2026-10-10', groupId: 'g1' },
    { kind: 'group', date: '2026-11-02', groupId: 'g2', status: 'planned' },
    { kind: 'committee', date: '2026-10-08', groupId: null },
  ]
  const args = { requirements: REQS, groups: GROUPS, meetings, from: '2026-09-01', to: '2026-11-30', today: '2026-11-22' }

  test('each group owes its own 党小组会 every month', () => {
    const rows = groupMeetingCompliance(args)
    expect(rows.map((r) => [r.groupName, r.period.key, r.held, r.status])).toEqual([
      ['第一党小组', '2026-09', 1, 'held'],
      ['第一党小组', '2026-10', 1, 'held'],
      ['第一党小组', '2026-11', 0, 'missing'],
      ['第二党小组', '2026-09', 1, 'held'],
      ['第二党小组', '2026-10', 0, 'overdue'],
      ['第二党小组', '2026-11', 0, 'missing'],
    ])
  })

  test('gaps name the group and the month; overdue first; a date to fill them', () => {
    const rows = meetingCompliance({ requirements: REQS.filter((r) => r.kind === 'group' || r.kind === 'committee'), meetings, from: '2026-09-01', to: '2026-11-30', today: '2026-11-22' })
    const gaps = meetingGaps(rows, groupMeetingCompliance(args), '2026-11-22')
    expect(gaps.map((g) => g.title)).toEqual([
      '支委会 9月未召开（应1次，已0次）',
      '党小组会 10月 第二党小组未召开（应1次，已0次）',
      '支委会 11月尚未召开（应1次，已0次）',
      '党小组会 11月 第一党小组尚未召开（应1次，已0次）',
      '党小组会 11月 第二党小组尚未召开（应1次，已0次）',
    ])
    const oct = gaps[1]
    expect(oct).toMatchObject({ kind: 'group', groupId: 'g2', status: 'overdue', suggestedDate: '2026-10-31', periodKey: '2026-10' })
    expect(gaps[2]?.suggestedDate).toBe('2026-11-23')
    // Without groups, the branch rows stand: October counts g1's meeting, November is open.
    const branchOnly = meetingGaps(rows, [], '2026-11-22')
    expect(branchOnly.filter((g) => g.kind === 'group').map((g) => [g.periodKey, g.groupId])).toEqual([['2026-11', null]])
    expect(meetingGaps(rows, [], '2026-11-30').find((g) => g.status === 'missing')?.suggestedDate).toBe('2026-11-30')
  })

  test('non-month periods are labelled without the year; the 书记 党课 says so', () => {
    const rows = meetingCompliance({ requirements: REQS.filter((r) => r.kind === 'lecture'), meetings: [], from: '2026-01-01', to: '2026-12-31', today: '2026-11-22' })
    expect(meetingGaps(rows, [], '2026-11-22').map((g) => g.title)).toEqual([
      '党课 上半年未召开（应1次，已0次）',
      '书记讲党课 2026年尚未召开（应1次，已0次）',
      '党课 下半年尚未召开（应1次，已0次）',
    ])
  })
})

describe('talkCoverage [HN]', () => {
  const members = [
    { id: 's', name: '书记' },
    { id: 'c1', name: '委员甲' },
    { id: 'c2', name: '委员乙' },
    { id: 'm1', name: '党员一' },
    { id: 'm2', name: '党员二' },
  ]
  const base = {
    frequencies: HUNAN_WUHUA_2018.talks,
    secretaryId: 's',
    committeeIds: ['c1', 'c2', 's'],
    members,
    year: 2026,
    today: '2026-11-22',
  }
  test('each requirement per period: who is still owed a talk', () => {
    const rows = talkCoverage({
      ...base,
      talks: [
        { date: '2026-03-01', byId: 's', withId: 'c1' },
        { date: '2026-03-02', byId: 'c2', withId: 's' },
        { date: '2026-08-01', byId: 's', withId: 'c1' },
        { date: '2026-08-01', byId: 's', withId: 'm1' },
        { date: '2026-09-01', byId: 'c1', withId: 'c2' },
        { date: '2026-09-05', byId: 'c2', withId: 'm2' },
        { date: '2025-12-31', byId: 's', withId: 'm2' },
      ],
    })
    const pick = (req: string, key: string) => rows.find((r) => r.requirement === req && r.periodKey === key)
    expect(pick('secretaryWithCommittee', '2026-H1')).toMatchObject({ expected: 2, covered: 2, missing: [], status: 'done' })
    expect(pick('secretaryWithCommittee', '2026-H2')).toMatchObject({ expected: 2, covered: 1, missing: ['委员乙'], status: 'missing' })
    expect(pick('secretaryWithMembers', '2026')).toMatchObject({ expected: 4, covered: 3, missing: ['党员二'], status: 'missing' })
    expect(pick('committeeWithEachOther', '2026')).toMatchObject({ expected: 1, covered: 1, status: 'done' })
    expect(pick('committeeWithLinkedMembers', '2026')).toMatchObject({ expected: 2, covered: 1, missing: ['党员一'] })
    expect(rows).toHaveLength(5)
  })
  test('a past half-year is overdue; a future year upcoming; no 书记 → no 书记 rows expected', () => {
    const rows = talkCoverage({ ...base, talks: [], today: '2026-08-01' })
    expect(rows.find((r) => r.periodKey === '2026-H1')?.status).toBe('overdue')
    expect(talkCoverage({ ...base, talks: [], today: '2025-06-01' }).every((r) => r.status === 'upcoming')).toBe(true)
    const none = talkCoverage({ ...base, secretaryId: null, committeeIds: [], talks: [] })
    expect(none.every((r) => r.expected === 0 && r.status === 'done')).toBe(true)
  })
  test('min 2 needs two talks', () => {
    const rows = talkCoverage({
      ...base,
      frequencies: { ...base.frequencies, committeeWithEachOther: { min: 2, per: 'year' } },
      talks: [{ date: '2026-09-01', byId: 'c1', withId: 'c2' }],
    })
    expect(rows.find((r) => r.requirement === 'committeeWithEachOther')?.missing).toEqual(['委员甲—委员乙'])
  })
})

describe('studyProgress — 32 / 56', () => {
  test('targets by role; missing hours are 0', () => {
    const r = studyProgress({
      members: [
        { id: 'a', name: '甲', committee: true },
        { id: 'b', name: '乙', committee: false },
        { id: 'c', name: '丙', committee: false },
      ],
      hoursByMember: { a: 56, b: 31.5 },
      targets: { memberHours: 32, committeeHours: 56 },
    })
    expect(r.rows.map((x) => [x.memberId, x.hours, x.target, x.met])).toEqual([
      ['a', 56, 56, true],
      ['b', 31.5, 32, false],
      ['c', 0, 32, false],
    ])
    expect([r.met, r.total]).toEqual([1, 3])
  })
  test('negative hours are refused', () => {
    expect(() => studyProgress({ members: [{ id: 'a', name: '甲', committee: false }], hoursByMember: { a: -1 }, targets: { memberHours: 32, committeeHours: 56 } })).toThrow(RuleInputError)
  })
})

describe('politicalBirthdaysInMonth', () => {
  test('anniversaries of the month, at least one year, 02-29 on 02-28', () => {
    const r = politicalBirthdaysInMonth(
      [
        { id: 'a', name: '甲', joinedAt: '2000-11-30' },
        { id: 'b', name: '乙', joinedAt: '2026-11-01' },
        { id: 'c', name: '丙', joinedAt: '1998-11-03' },
        { id: 'd', name: '丁', joinedAt: '2004-02-29' },
        { id: 'e', name: '戊', joinedAt: '2010-10-31' },
      ],
      '2026-11',
    )
    expect(r).toEqual([
      { memberId: 'c', name: '丙', date: '2026-11-03', years: 28 },
      { memberId: 'a', name: '甲', date: '2026-11-30', years: 26 },
    ])
    expect(politicalBirthdaysInMonth([{ id: 'd', name: '丁', joinedAt: '2004-02-29' }], '2027-02')).toEqual([{ memberId: 'd', name: '丁', date: '2027-02-28', years: 23 }])
  })
})

describe('duesYearSummary', () => {
  const base = (fromMonth: string, monthlyFen: number): DuesBaseRecord => ({
    fromMonth,
    category: 'employed',
    baseFen: monthlyFen * 100,
    farmerFen: null,
    standardFen: monthlyFen,
    relief: null,
    monthlyFen,
    assessedOn: `${fromMonth}-01`,
    note: null,
  })
  const terms = { firstMonth: 'full' as const, rounding: 'ceil-fen' as const }
  const thresholds = { warnMonths: 3, flagMonths: 6 }
  const members = [
    { id: 'a', name: '甲', joinedAt: '2000-01-01', bases: [base('2026-01', 1500)], paidMonths: ['2026-01', '2026-02', '2026-03', '2026-04'], reportedMonths: [] },
    { id: 'b', name: '乙', joinedAt: '2000-01-01', bases: [base('2026-01', 1000), base('2026-03', 2000)], paidMonths: ['2026-01'], reportedMonths: ['2026-02'] },
    { id: 'c', name: '丙', joinedAt: '2000-01-01', bases: [], paidMonths: [], reportedMonths: [] },
  ]

  test('due from each base in force; collected by month; arrears runs', () => {
    const s = duesYearSummary({ members, terms, thresholds, year: 2026, lastDue: '2026-05', paidFenByMonth: { '2026-01': 2500, '2026-02': 1500, '2026-09': 99 } })
    expect(s.throughMonth).toBe('2026-05')
    expect(s.months).toEqual([
      { month: '2026-01', dueFen: 2500, paidFen: 2500 },
      { month: '2026-02', dueFen: 2500, paidFen: 1500 },
      { month: '2026-03', dueFen: 3500, paidFen: 0 },
      { month: '2026-04', dueFen: 3500, paidFen: 0 },
      { month: '2026-05', dueFen: 3500, paidFen: 0 },
    ])
    expect([s.dueFen, s.paidFen, s.tracked]).toEqual([15500, 4000, 2])
    // 乙: February is reported (pending), March–May unpaid: a run of 3 → warn.
    expect(s.arrears).toEqual([{ memberId: 'b', name: '乙', run: 3, unpaidMonths: 3, owedFen: 6000, flag: 'warn' }])
  })
  test('a past year counts to December; a future year owes nothing yet', () => {
    expect(duesYearSummary({ members, terms, thresholds, year: 2025, lastDue: '2026-05', paidFenByMonth: {} }).throughMonth).toBe('2025-12')
    const future = duesYearSummary({ members, terms, thresholds, year: 2027, lastDue: '2026-05', paidFenByMonth: {} })
    expect([future.throughMonth, future.dueFen, future.months]).toEqual([null, 0, []])
  })
  test('six months behind is flagged for review, longest first', () => {
    const s = duesYearSummary({ members, terms, thresholds, year: 2026, lastDue: '2026-10', paidFenByMonth: {} })
    expect(s.arrears.map((a) => [a.name, a.run, a.flag])).toEqual([
      ['乙', 8, 'lapse-review'],
      ['甲', 6, 'lapse-review'],
    ])
  })
})

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
