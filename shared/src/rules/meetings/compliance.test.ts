// Tests of compliance.ts.
import { RuleInputError } from '../errors'
import {
  describeRequirement,
  type HeldMeeting,
  meetingCompliance,
  type MeetingRequirement,
  requiredMeetings,
  summarizeCompliance,
} from './compliance'
import { MEETING_KIND_LABELS, MEETING_KINDS } from './kinds'

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
