// Tests of meeting-gaps.ts.
import { HUNAN_WUHUA_2018 } from '../../profiles/hunan-wuhua-2018'
import { type HeldMeeting, meetingCompliance } from '../meetings/compliance'
import { groupMeetingCompliance, meetingGaps } from './meeting-gaps'

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
