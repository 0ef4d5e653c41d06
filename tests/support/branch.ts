/**
 * A test branch written straight into the database (not through the functions): `formal` bound 正式党员 and
 * `probationary` 预备党员 of one branch copied from a demo branch, each with a dev WeChat user. For tests and
 * benchmarks that need a branch of a given size or make-up; member ids are `${branchId}_m<n>`, openids
 * `dev_<memberId>`.
 */
import { DEMO } from '../../local/seed'
import type { TestCloud } from './cloud'

export interface TestBranchOptions {
  formal: number
  probationary?: number
  /** The demo branch whose settings the new branch copies. */
  template?: string
  profileId?: string
  /** Roles of member n (default: the first is 书记). */
  roles?: (n: number) => string[]
  /** Digits in the member number (`_m07` / `_m007`). */
  pad?: number
  /** When the records were written (default 2026-01-01). */
  at?: string
}

export async function addTestBranch(cloud: TestCloud, branchId: string, opts: TestBranchOptions): Promise<string[]> {
  const at = opts.at ?? '2026-01-01T00:00:00.000Z'
  const template = cloud.db.dump('orgs').find((o) => o._id === (opts.template ?? DEMO.branch2))
  if (!template) throw new Error('the demo seed is missing')
  await cloud.db.insertMany('orgs', [{ ...template, _id: branchId, name: `测试支部${branchId}`, ...(opts.profileId ? { profileId: opts.profileId } : {}), groups: [] }])
  const roles = opts.roles ?? ((n: number) => (n === 0 ? ['secretary'] : []))
  const total = opts.formal + (opts.probationary ?? 0)
  const members = Array.from({ length: total }, (_, n) => {
    const formal = n < opts.formal
    const id = `${branchId}_m${String(n).padStart(opts.pad ?? 2, '0')}`
    return {
      _id: id,
      branchId,
      name: `党员${n}`,
      gender: n % 2 ? 'female' : 'male',
      phone: null,
      joinedAt: `${1950 + (n % 60)}-07-01`,
      formalAt: formal ? '2001-01-01' : null,
      status: formal ? 'formal' : 'probationary',
      groupId: null,
      duesCategory: 'employed',
      flags: { elderly: false, mobile: false },
      roles: roles(n),
      openid: `dev_${id}`,
      boundAt: at,
      active: true,
      createdAt: at,
      updatedAt: at,
    }
  })
  await cloud.db.insertMany('members', members)
  await cloud.db.insertMany(
    'users',
    members.map((m) => ({ _id: m.openid, memberId: m._id, branchId, groupId: null, status: m.status, roles: m.roles, name: m.name, adminOrgs: [], adminBranchIds: [], createdAt: at })),
  )
  return members.map((m) => m._id)
}
