// Tests of talks.ts.
import { HUNAN_WUHUA_2018 } from '../../profiles/hunan-wuhua-2018'
import { talkCoverage } from './talks'

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
