/**
 * The demo 党委: two branches; 第一党支部 has 30 members covering every role (书记, 副书记, the four
 * 委员, three 党小组长, 正式 and 预备 members, a retired 年老体弱 member, a student, a 流动党员), profile
 * `hunan-wuhua-2018`. Ids are stable so tests and the dev login page can name people.
 */
import type { BranchRole } from '../../shared/src/contract/roles'
import type { DuesCategory } from '../../shared/src/contract/org'
import type { MemberDoc, OrgDoc, UserDoc } from '../../cloudfunctions/org/documents'

export const DEMO = {
  committee: 'org_demo',
  branch: 'br_demo_1',
  branch2: 'br_demo_2',
  groups: { g1: 'g_demo_1', g2: 'g_demo_2', g3: 'g_demo_3' },
  adminOpenid: 'dev_admin',
  /** Named members of 第一党支部 (ids). */
  m: {
    secretary: 'm_b1_01',
    deputy: 'm_b1_02',
    organizer: 'm_b1_03',
    publicity: 'm_b1_04',
    discipline: 'm_b1_05',
    leader1: 'm_b1_06',
    leader2: 'm_b1_07',
    leader3: 'm_b1_08',
    formal: 'm_b1_09',
    probationary: 'm_b1_10',
    retired: 'm_b1_11',
    student: 'm_b1_12',
    mobile: 'm_b1_13',
    unbound: 'm_b1_14',
  },
  /** 第二党支部's 书记 and a member. */
  b2: { secretary: 'm_b2_01', formal: 'm_b2_02' },
} as const

/** Every bound demo member signs in locally as `dev_<memberId>`. */
export const devOpenid = (memberId: string): string => `dev_${memberId}`

interface Person {
  id: string
  name: string
  gender: 'male' | 'female'
  joinedAt: string
  formalAt: string | null
  group: string | null
  roles: BranchRole[]
  dues: DuesCategory
  elderly?: boolean
  mobile?: boolean
  bound?: boolean
}

const G = DEMO.groups
const B1: Person[] = [
  { id: DEMO.m.secretary, name: '张建国', gender: 'male', joinedAt: '1998-07-01', formalAt: '1999-07-01', group: G.g1, roles: ['secretary'], dues: 'employed' },
  { id: DEMO.m.deputy, name: '李红梅', gender: 'female', joinedAt: '2003-06-20', formalAt: '2004-06-20', group: G.g1, roles: ['deputy-secretary'], dues: 'employed' },
  { id: DEMO.m.organizer, name: '王志强', gender: 'male', joinedAt: '2006-05-12', formalAt: '2007-05-12', group: G.g2, roles: ['organizer', 'dues-manager'], dues: 'employed' },
  { id: DEMO.m.publicity, name: '刘芳', gender: 'female', joinedAt: '2010-10-08', formalAt: '2011-10-08', group: G.g2, roles: ['publicity'], dues: 'employed' },
  { id: DEMO.m.discipline, name: '陈卫东', gender: 'male', joinedAt: '2001-03-15', formalAt: '2002-03-15', group: G.g3, roles: ['discipline'], dues: 'employed' },
  { id: DEMO.m.leader1, name: '赵敏', gender: 'female', joinedAt: '2012-06-28', formalAt: '2013-06-28', group: G.g1, roles: ['group-leader'], dues: 'employed' },
  { id: DEMO.m.leader2, name: '孙伟', gender: 'male', joinedAt: '2009-11-11', formalAt: '2010-11-11', group: G.g2, roles: ['group-leader'], dues: 'employed' },
  { id: DEMO.m.leader3, name: '周丽', gender: 'female', joinedAt: '2014-04-23', formalAt: '2015-04-23', group: G.g3, roles: ['group-leader'], dues: 'employed' },
  { id: DEMO.m.formal, name: '吴刚', gender: 'male', joinedAt: '2016-07-01', formalAt: '2017-07-01', group: G.g1, roles: [], dues: 'employed' },
  { id: DEMO.m.probationary, name: '郑晓雨', gender: 'female', joinedAt: '2026-05-20', formalAt: null, group: G.g1, roles: [], dues: 'employed' },
  { id: DEMO.m.retired, name: '冯德福', gender: 'male', joinedAt: '1972-08-01', formalAt: '1973-08-01', group: G.g3, roles: [], dues: 'retired', elderly: true },
  { id: DEMO.m.student, name: '何思远', gender: 'male', joinedAt: '2025-11-15', formalAt: '2026-11-15', group: G.g2, roles: [], dues: 'student' },
  { id: DEMO.m.mobile, name: '许海燕', gender: 'female', joinedAt: '2011-09-09', formalAt: '2012-09-09', group: G.g3, roles: [], dues: 'employed', mobile: true },
  { id: DEMO.m.unbound, name: '邓明', gender: 'male', joinedAt: '2018-06-30', formalAt: '2019-06-30', group: G.g2, roles: [], dues: 'employed', bound: false },
]

// Sixteen more ordinary 正式党员 to make a branch of 30 (three 党小组 of 9–11).
const MORE_NAMES = ['曹磊', '彭静', '曾勇', '肖婷', '田军', '董玲', '袁涛', '潘霞', '蒋斌', '蔡红', '贾平', '丁慧', '魏鹏', '薛梅', '叶松', '阎华']
MORE_NAMES.forEach((name, i) => {
  const n = 15 + i
  const year = 1990 + ((i * 7) % 33)
  B1.push({
    id: `m_b1_${String(n).padStart(2, '0')}`,
    name,
    gender: i % 2 === 0 ? 'male' : 'female',
    joinedAt: `${year}-0${1 + (i % 9)}-1${i % 10}`,
    formalAt: `${year + 1}-0${1 + (i % 9)}-1${i % 10}`,
    group: [G.g1, G.g2, G.g3][i % 3] ?? null,
    roles: [],
    dues: i === 3 ? 'retired' : 'employed',
    // One unbound member besides 邓明, and one more unbound late joiner for the invite demo.
    bound: i !== 15,
  })
})

/**
 * `npm run bench` measures a branch of 50: this many more ordinary 正式党员 join 第一党支部
 * (ids m_b1_31…, bound, spread over the three 党小组). 0 everywhere else, so tests see the branch of 30.
 */
let extraMembers = 0
export const setDemoExtraMembers = (n: number): void => {
  extraMembers = n
}
const EXTRA_SURNAMES = '江谢韩冯程黄廖邹熊秦'
const EXTRA_GIVEN = ['立新', '秀英', '国庆', '春华']
const extras = (): Person[] =>
  Array.from({ length: extraMembers }, (_, i) => {
    const year = 1985 + ((i * 5) % 35)
    return {
      id: `m_b1_${31 + i}`,
      name: `${EXTRA_SURNAMES[i % 10]}${EXTRA_GIVEN[Math.floor(i / 10) % 4]}`,
      gender: i % 2 === 0 ? 'female' : 'male',
      joinedAt: `${year}-0${1 + (i % 9)}-2${i % 8}`,
      formalAt: `${year + 1}-0${1 + (i % 9)}-2${i % 8}`,
      group: [G.g1, G.g2, G.g3][i % 3] ?? null,
      roles: [],
      dues: 'employed',
    }
  })

const B2: Person[] = [
  { id: DEMO.b2.secretary, name: '钱进', gender: 'male', joinedAt: '2000-07-01', formalAt: '2001-07-01', group: null, roles: ['secretary'], dues: 'employed' },
  { id: DEMO.b2.formal, name: '林雪', gender: 'female', joinedAt: '2015-05-04', formalAt: '2016-05-04', group: null, roles: [], dues: 'employed' },
  ...['高山', '罗平', '梁宇', '宋佳', '唐亮'].map((name, i) => ({
    id: `m_b2_0${i + 3}`,
    name,
    gender: (i % 2 ? 'female' : 'male') as 'male' | 'female',
    joinedAt: `201${i}-07-01`,
    formalAt: `201${i + 1}-07-01`,
    group: null,
    roles: [] as BranchRole[],
    dues: 'employed' as DuesCategory,
  })),
]

export interface DemoOrgSeed {
  orgs: OrgDoc[]
  members: MemberDoc[]
  users: UserDoc[]
}

export const demoOrg = (nowIso: string): DemoOrgSeed => {
  const branch = (id: string, name: string, groups: OrgDoc['groups'], termStartedAt: string, termEndsAt: string): OrgDoc => ({
    _id: id,
    kind: 'branch',
    name,
    parentId: DEMO.committee,
    parentName: '中共示范街道委员会',
    ancestors: [DEMO.committee],
    profileId: 'hunan-wuhua-2018',
    themeDayRule: { kind: 'day-of-month', day: 26, shiftIfHoliday: true },
    termStartedAt,
    termEndsAt,
    duesDay: 26,
    groups,
    createdAt: nowIso,
    updatedAt: nowIso,
  })
  const orgs: OrgDoc[] = [
    {
      _id: DEMO.committee,
      kind: 'committee',
      name: '中共示范街道委员会',
      parentId: null,
      parentName: null,
      ancestors: [],
      profileId: 'hunan-wuhua-2018',
      themeDayRule: { kind: 'day-of-month', day: 26, shiftIfHoliday: true },
      termStartedAt: null,
      termEndsAt: null,
      duesDay: 26,
      groups: [],
      createdAt: nowIso,
      updatedAt: nowIso,
    },
    branch(
      DEMO.branch,
      '示范社区第一党支部',
      [
        { id: G.g1, name: '第一党小组', leaderId: DEMO.m.leader1 },
        { id: G.g2, name: '第二党小组', leaderId: DEMO.m.leader2 },
        { id: G.g3, name: '第三党小组', leaderId: DEMO.m.leader3 },
      ],
      '2024-03-15',
      '2027-03-14',
    ),
    branch(DEMO.branch2, '示范社区第二党支部', [], '2023-12-20', '2026-12-19'),
  ]
  const toMember = (branchId: string) => (p: Person, i: number): MemberDoc => ({
    _id: p.id,
    branchId,
    name: p.name,
    gender: p.gender,
    phone: `139${String(10_000_000 + i * 7_919_311).slice(-8)}`,
    joinedAt: p.joinedAt,
    formalAt: p.formalAt,
    status: p.formalAt ? 'formal' : 'probationary',
    groupId: p.group,
    duesCategory: p.dues,
    flags: { elderly: !!p.elderly, mobile: !!p.mobile },
    roles: p.roles,
    openid: p.bound === false ? null : devOpenid(p.id),
    boundAt: p.bound === false ? null : nowIso,
    active: true,
    createdAt: nowIso,
    updatedAt: nowIso,
  })
  const members = [...[...B1, ...extras()].map(toMember(DEMO.branch)), ...B2.map(toMember(DEMO.branch2))]
  const users: UserDoc[] = members
    .filter((m) => m.openid)
    .map((m) => ({
      _id: m.openid as string,
      memberId: m._id,
      branchId: m.branchId,
      groupId: m.groupId,
      status: m.status,
      roles: m.roles,
      name: m.name,
      adminOrgs: [],
      adminBranchIds: [],
      createdAt: nowIso,
    }))
  users.push({
    _id: DEMO.adminOpenid,
    memberId: null,
    branchId: null,
    groupId: null,
    status: null,
    roles: [],
    name: '街道党工委管理员',
    adminOrgs: [{ id: DEMO.committee, name: '中共示范街道委员会' }],
    adminBranchIds: [DEMO.branch, DEMO.branch2],
    createdAt: nowIso,
  })
  return { orgs, members, users }
}
