import type { BranchRole } from '../contract/roles'
import {
  branchSetupChecks,
  DEFAULT_BRANCH_STRUCTURE,
  REELECTION_STATUS_LABELS,
  reelectionSchedule,
  reelectionStatus,
  type BranchSetupInput,
} from './branch'
import { RuleInputError } from './errors'

const committee = (...roles: BranchRole[]) => roles.map((role, i) => ({ memberId: `c${i}`, role }))
const full = committee('secretary', 'organizer', 'publicity', 'discipline', 'deputy-secretary')
const input = (patch: Partial<BranchSetupInput>): BranchSetupInput => ({
  formalCount: 12,
  probationaryCount: 2,
  roles: full,
  groups: [],
  today: '2024-05-01',
  ...patch,
})
const codes = (patch: Partial<BranchSetupInput>) => branchSetupChecks(input(patch)).map((f) => f.code)

describe('branchSetupChecks — 3 / 7 / 50, 党小组 ≥3', () => {
  test('a well-formed branch has no findings', () => {
    expect(branchSetupChecks(input({}))).toEqual([])
  })
  test.each([
    [2, ['TOO_FEW_FORMAL_MEMBERS']],
    [3, []],
    [6, []],
  ])('%p 正式 with only a 书记', (formalCount, expected) => {
    expect(codes({ formalCount, probationaryCount: 0, roles: committee('secretary') })).toEqual(expected)
  })
  test.each([
    [7, committee('secretary'), ['COMMITTEE_ROLE_MISSING', 'COMMITTEE_TOO_SMALL']],
    [7, [], ['COMMITTEE_REQUIRED']],
    [7, committee('secretary', 'organizer', 'publicity'), ['COMMITTEE_ROLE_MISSING']],
    [7, committee('secretary', 'organizer', 'publicity', 'discipline'), []],
    [7, committee('secretary', 'organizer', 'publicity', 'discipline', 'deputy-secretary', 'publicity'), ['COMMITTEE_ABOVE_USUAL_SIZE']],
    [7, [...full, { memberId: 'c5', role: 'organizer' }, { memberId: 'c6', role: 'publicity' }, { memberId: 'c7', role: 'discipline' }], ['COMMITTEE_TOO_LARGE']],
  ] as [number, { memberId: string; role: BranchRole }[], string[]][])('%p 正式 with %j', (formalCount, roles, expected) => {
    expect(codes({ formalCount, probationaryCount: 0, roles })).toEqual(expected)
  })
  test('one member holding two roles counts once toward the size', () => {
    const roles = [
      { memberId: 'a', role: 'secretary' as const },
      { memberId: 'a', role: 'discipline' as const },
      { memberId: 'b', role: 'organizer' as const },
      { memberId: 'c', role: 'publicity' as const },
      { memberId: 'c', role: 'group-leader' as const },
    ]
    expect(codes({ formalCount: 9, roles })).toEqual([])
    expect(codes({ formalCount: 9, roles: roles.slice(0, 3) })).toEqual(['COMMITTEE_ROLE_MISSING', 'COMMITTEE_TOO_SMALL'])
  })
  test('below 7: no 支委会 expected, 书记 needed', () => {
    expect(codes({ formalCount: 5, probationaryCount: 0, roles: [] })).toEqual(['SECRETARY_MISSING'])
    expect(codes({ formalCount: 5, probationaryCount: 0, roles: committee('secretary', 'deputy-secretary') })).toEqual([])
    const f = branchSetupChecks(input({ formalCount: 5, probationaryCount: 0, roles: committee('secretary', 'organizer') }))
    expect(f).toEqual([expect.objectContaining({ code: 'COMMITTEE_NOT_REQUIRED', level: 'info', details: { memberIds: ['c1'] } })])
  })
  test('the 7 threshold counts 正式党员 only', () => {
    expect(codes({ formalCount: 6, probationaryCount: 5, roles: committee('secretary') })).toEqual([])
  })
  test.each([
    [44, 0, []],
    [40, 5, ['NEAR_MEMBER_LIMIT']],
    [50, 0, ['NEAR_MEMBER_LIMIT']],
    [48, 3, ['OVER_MEMBER_LIMIT']],
  ])('%p 正式 + %p 预备 (groups set)', (formalCount, probationaryCount, expected) => {
    expect(codes({ formalCount, probationaryCount, groups: [{ id: 'g1', memberCount: 10 }] })).toEqual(expected)
  })
  test('党小组 sizes and when to divide', () => {
    expect(codes({ groups: [{ id: 'g1', name: '一组', memberCount: 2 }, { id: 'g2', memberCount: 3 }] })).toEqual(['GROUP_TOO_SMALL'])
    expect(branchSetupChecks(input({ groups: [{ id: 'g1', memberCount: 2 }] }))[0]?.message).toContain('g1')
    expect(codes({ formalCount: 18, probationaryCount: 2 })).toEqual(['GROUPS_RECOMMENDED'])
    expect(codes({ formalCount: 18, probationaryCount: 1 })).toEqual([])
  })
  test('书记 党龄 under a year is pointed out', () => {
    expect(codes({ secretaryJoinedAt: '2023-05-02' })).toEqual(['SECRETARY_PARTY_AGE_SHORT'])
    expect(codes({ secretaryJoinedAt: '2023-05-01' })).toEqual([])
    expect(codes({ secretaryJoinedAt: null })).toEqual([])
  })
  test('bad counts throw', () => {
    expect(() => branchSetupChecks(input({ formalCount: -1 }))).toThrow(RuleInputError)
    expect(() => branchSetupChecks(input({ probationaryCount: 1.5 }))).toThrow(RuleInputError)
  })
  test('defaults', () => {
    expect(DEFAULT_BRANCH_STRUCTURE).toMatchObject({ minFormalForBranch: 3, committeeFromFormal: 7, maxMembers: 50, groupMinMembers: 3 })
  })
})

describe('任期 and 换届', () => {

  const national = { reminders: [{ offsetMonths: -6, label: '提前6个月提醒' }], hardOverdueMonths: 12 }
  const hunan = {
    reminders: [
      { offsetMonths: -2, label: '报送请示' },
      { offsetMonths: -3, label: '书面发函' },
    ],
    hardOverdueMonths: 12,
  }
  test('schedules, sorted by date', () => {
    expect(reelectionSchedule('2024-08-31', hunan)).toEqual({
      termEndsAt: '2024-08-31',
      reminders: [
        { date: '2024-05-31', offsetMonths: -3, label: '书面发函' },
        { date: '2024-06-30', offsetMonths: -2, label: '报送请示' },
      ],
      overdueFrom: '2024-09-01',
      hardOverdueFrom: '2025-08-31',
    })
    expect(reelectionSchedule('2024-08-31', national).reminders).toEqual([{ date: '2024-02-29', offsetMonths: -6, label: '提前6个月提醒' }])
  })
  test.each([
    ['2024-02-28', 'ok', 185],
    ['2024-02-29', 'due-soon', 184],
    ['2024-08-31', 'due-soon', 0],
    ['2024-09-01', 'overdue', -1],
    ['2025-08-30', 'overdue', -364],
    ['2025-08-31', 'hard-overdue', -365],
  ])('term ending 2024-08-31, today %s → %s', (today, status, daysLeft) => {
    const r = reelectionStatus('2024-08-31', today, national)
    expect(r.status).toBe(status)
    expect(r.daysLeft).toBe(daysLeft)
    expect(REELECTION_STATUS_LABELS[r.status]).toBeTruthy()
  })
  test('no term set; no reminders configured', () => {
    expect(reelectionStatus(null, '2024-01-01', national)).toEqual({ status: 'no-term', daysLeft: null, schedule: null })
    expect(reelectionStatus('2024-08-31', '2024-08-30', { reminders: [], hardOverdueMonths: 12 }).status).toBe('ok')
    expect(reelectionStatus('2024-08-31', '2024-08-31', { reminders: [], hardOverdueMonths: 12 }).status).toBe('due-soon')
  })
})
