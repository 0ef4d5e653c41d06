// Shared test data: a bound 书记, an unbound user, and a small roster.
import type { Me, MemberDetail, MemberView } from '@shared/contract/org'

export const BRANCH: NonNullable<Me['branch']> = {
  id: 'b1',
  name: '第一党支部',
  parentId: 'o1',
  parentName: '机关党委',
  profileId: 'hunan-wuhua-2018',
  themeDayRule: { kind: 'day-of-month', day: 26, shiftIfHoliday: true },
  termStartedAt: '2023-06-30',
  termEndsAt: '2026-06-29',
  duesDay: 26,
  groups: [
    { id: 'g1', name: '第一党小组', leaderId: 'm3' },
    { id: 'g2', name: '第二党小组', leaderId: null },
  ],
}

export function member(id: string, name: string, extra: Partial<MemberDetail> = {}): MemberDetail {
  return {
    id,
    branchId: 'b1',
    name,
    gender: 'male',
    phoneMasked: '138****5678',
    phone: '13812345678',
    joinedAt: '2008-07-01',
    formalAt: '2009-07-01',
    status: 'formal',
    groupId: 'g1',
    flags: { elderly: false, mobile: false },
    roles: [],
    bound: true,
    duesCategory: 'employed',
    ...extra,
  }
}

export const SECRETARY = member('m1', '王建国', { roles: ['secretary'] })

export const BOUND_ME: Me = { bound: true, member: SECRETARY, branch: BRANCH, adminOrgs: [] }
export const UNBOUND_ME: Me = { bound: false, member: null, branch: null, adminOrgs: [] }

export const meWith = (extra: Partial<MemberDetail>): Me => ({ ...BOUND_ME, member: { ...SECRETARY, ...extra } })

export const ROSTER: MemberView[] = [
  SECRETARY,
  member('m2', '李秀英', { gender: 'female', roles: ['organizer'] }),
  member('m3', '张伟', { roles: ['group-leader'] }),
  member('m4', '刘芳', { gender: 'female', status: 'probationary', formalAt: null, groupId: 'g2', bound: false }),
  member('m5', '赵磊', { groupId: null, bound: false, flags: { elderly: false, mobile: true } }),
]
