/**
 * First run of a fresh environment: the bootstrap code makes exactly one 上级党委 admin (wrong
 * codes, guesses, races, second claims), who then creates branches with their 书记 and invite codes; the
 * admin scope of every admin above the new branch follows; other orgs' admins and members are refused.
 */
import { BOOTSTRAP_DOC_ID, formatBootstrapCode, issueBootstrap } from '../_kit/bootstrap'
import { demoOrg } from '../../local/seed/demo-org'
import { DEMO, devOpenid, errCode, ok, startTestCloud, type TestCloud } from '../../tests/support/cloud'

// 10:00 Beijing, Friday 2026-11-20.
const AT = '2026-11-20T02:00:00.000Z'
let cloud: TestCloud
const call = (action: string, input: unknown, openid: string | null) => cloud.call('org', action, input, openid)

/** Writes a fresh bootstrap document as `npm run provision` does; returns the code it printed. */
const provisionCode = async (): Promise<string> => {
  const { code, doc } = issueBootstrap(AT)
  await cloud.db.insertMany('bootstrap', [{ _id: BOOTSTRAP_DOC_ID, ...doc }])
  return code
}

const claim = (openid: string, code: string, orgName = '中共新城街道工作委员会') => call('claimAdmin', { code, orgName, adminName: '周书记' }, openid)

beforeAll(async () => {
  // The demo 党委 is present too, to prove its admin and members get nothing of the new org.
  cloud = await startTestCloud({ at: AT, parts: [(now) => demoOrg(now) as unknown as Record<string, Record<string, unknown>[]>] })
})
afterAll(() => cloud.close())
beforeEach(() => cloud.reset())

describe('claiming the first admin', () => {
  test('without a provisioned code nobody can claim', async () => {
    const r = await claim('dev_first', 'ABCD-EFGH-JKLM')
    expect(errCode(r)).toBe('NOT_FOUND')
    expect(r.ok ? '' : r.error.message).toContain('npm run provision')
  })

  test('the right code (any case, with or without dashes) makes the caller admin of a new root node, once', async () => {
    const code = await provisionCode()
    const before = cloud.snapshot()
    expect(errCode(await claim('dev_first', 'ABCD-EFGH-JKLM'))).toBe('NOT_FOUND')
    expect(cloud.snapshot()).toEqual(before)

    const me = ok(await claim('dev_first', formatBootstrapCode(code).toLowerCase()))
    expect(me.bound).toBe(false)
    expect(me.adminOrgs).toHaveLength(1)
    expect(me.adminOrgs[0].name).toBe('中共新城街道工作委员会')
    const rootId = me.adminOrgs[0].id
    const root = cloud.db.dump('orgs').find((o) => o._id === rootId)
    expect(root).toMatchObject({ kind: 'committee', parentId: null, ancestors: [], profileId: 'hunan-wuhua-2018', duesDay: 26 })
    expect(cloud.db.dump('bootstrap')[0]).toMatchObject({ claimedBy: 'dev_first', orgId: rootId })
    expect(cloud.db.dump('users').find((u) => u._id === 'dev_first')).toMatchObject({ name: '周书记', adminOrgs: [{ id: rootId, name: '中共新城街道工作委员会' }], adminBranchIds: [] })
    expect(cloud.db.dump('audit').filter((a) => a.action === 'org.claimAdmin')).toHaveLength(1)
    expect(ok(await call('me', {}, 'dev_first')).adminOrgs).toEqual([{ id: rootId, name: '中共新城街道工作委员会' }])

    // Nobody else, ever — not even with the same code, and not the admin a second time.
    expect(errCode(await claim('dev_second', code))).toBe('CONFLICT')
    expect(errCode(await claim('dev_first', code))).toBe('CONFLICT')
    expect(cloud.db.dump('orgs').filter((o) => o.kind === 'committee')).toHaveLength(2) // the demo 党委 + this one
  })

  test('ten people racing with the right code: exactly one admin', async () => {
    const code = await provisionCode()
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => claim(`dev_racer_${i}`, code, `党委${i}`)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map(errCode)).toEqual(Array(9).fill('CONFLICT'))
    const roots = cloud.db.dump('orgs').filter((o) => o.kind === 'committee' && o._id !== DEMO.committee)
    expect(roots).toHaveLength(1)
    const admins = cloud.db.dump('users').filter((u) => (u.adminOrgs as { id: string }[]).some((o) => o.id === roots[0]!._id))
    expect(admins).toHaveLength(1)
    expect(cloud.db.dump('bootstrap')[0]!.claimedBy).toBe(admins[0]!._id)
  })

  test('guessing is limited to 10 tries an hour, even with the right code afterwards', async () => {
    const code = await provisionCode()
    const replies: (string | null)[] = []
    for (let i = 0; i < 10; i++) replies.push(errCode(await claim('dev_guesser', 'ABCD-EFGH-JKLM')))
    expect(replies).toEqual(Array(10).fill('NOT_FOUND'))
    expect(errCode(await claim('dev_guesser', code))).toBe('RATE_LIMITED')
    expect(cloud.db.dump('bootstrap')[0]!.claimedAt).toBeNull()
  })

  test('malformed codes and names are refused before anything is read', async () => {
    await provisionCode()
    for (const input of [
      { code: 'ABCD-EFGH-JKL1', orgName: '党委', adminName: '甲' },
      { code: 'ABCD-EFGH', orgName: '党委', adminName: '甲' },
      { code: 'ABCD-EFGH-JKLM', orgName: ' ', adminName: '甲' },
      { code: 'ABCD-EFGH-JKLM', orgName: '党委', adminName: '12' },
    ]) {
      expect(errCode(await call('claimAdmin', input, 'dev_x'))).toBe('INVALID_INPUT')
    }
    expect(cloud.db.dump('rate_limits')).toEqual([])
  })
})

describe('the first admin grows the organisation', () => {
  let rootId = ''
  const admin = 'dev_root_admin'
  beforeEach(async () => {
    const code = await provisionCode()
    rootId = ok(await claim(admin, code)).adminOrgs[0].id
  })

  const secretary = { name: '钱书记', gender: 'male', joinedAt: '2005-07-01', formalAt: '2006-07-01', status: 'formal', phone: '13800001111' }

  test('a branch with its 书记: the invite binds them as 书记 of the new branch, under the admin', async () => {
    const created = ok(await call('createBranch', { parentId: rootId, name: '新城社区第一党支部', secretary }, admin))
    expect(created).toMatchObject({ name: '新城社区第一党支部', kind: 'branch', parentId: rootId, parentName: '中共新城街道工作委员会' })
    expect(created.secretary).toMatchObject({ name: '钱书记', roles: ['secretary'], status: 'formal', bound: false })
    expect(created.invite.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    expect(cloud.db.dump('users').find((u) => u._id === admin)!.adminBranchIds).toEqual([created.id])

    const me = ok(await call('bind', { code: created.invite.code }, 'dev_new_secretary'))
    expect(me.member).toMatchObject({ name: '钱书记', roles: ['secretary'] })
    expect(me.branch).toMatchObject({ id: created.id, parentId: rootId, profileId: 'hunan-wuhua-2018', duesDay: 26 })

    // The admin reaches the branch through the `org` scope; the new 书记 runs it.
    expect(ok(await call('listMembers', { branchId: created.id }, admin)).total).toBe(1)
    expect(ok(await call('getBranch', { branchId: created.id }, admin)).name).toBe('新城社区第一党支部')
    const member = ok(await call('createMember', { fields: { name: '孙党员', gender: 'female', joinedAt: '2015-06-01', formalAt: '2016-06-01', status: 'formal' } }, 'dev_new_secretary'))
    expect(member.branchId).toBe(created.id)
  })

  test('a 党总支 and a branch below it: admins of every node above get the branch', async () => {
    const general = ok(await call('createBranch', { parentId: rootId, name: '新城第一党总支', kind: 'general-branch' }, admin))
    expect(general.kind).toBe('general-branch')
    expect(cloud.db.dump('users').find((u) => u._id === admin)!.adminBranchIds).toEqual([])
    const branch = ok(await call('createBranch', { parentId: general.id, name: '总支下第一党支部' }, admin))
    expect(branch.secretary).toBeNull()
    expect(branch.invite).toBeNull()
    expect(cloud.db.dump('orgs').find((o) => o._id === branch.id)).toMatchObject({ ancestors: [rootId, general.id], parentName: '新城第一党总支' })
    expect(cloud.db.dump('users').find((u) => u._id === admin)!.adminBranchIds).toEqual([branch.id])
    // No 党总支 under a 党总支, nothing under a branch.
    expect(errCode(await call('createBranch', { parentId: general.id, name: '再一层', kind: 'general-branch' }, admin))).toBe('RULE_VIOLATED')
    expect(errCode(await call('createBranch', { parentId: branch.id, name: '支部下的支部' }, admin))).toBe('RULE_VIOLATED')
  })

  test('a double tap creates one branch and one 书记', async () => {
    const input = { parentId: rootId, name: '新城社区第二党支部', secretary }
    const [a, b] = await Promise.all([call('createBranch', input, admin), call('createBranch', input, admin)])
    expect([a, b].filter((r) => r.ok)).toHaveLength(1)
    expect([a, b].map(errCode).filter(Boolean)).toEqual(['CONFLICT'])
    expect(cloud.db.dump('orgs').filter((o) => o.name === '新城社区第二党支部')).toHaveLength(1)
    expect(cloud.db.dump('members').filter((m) => m.name === '钱书记')).toHaveLength(1)
    expect(cloud.db.dump('users').find((u) => u._id === admin)!.adminBranchIds).toHaveLength(1)
  })

  test('other orgs’ admins and branch members are refused; bad data writes nothing', async () => {
    const before = cloud.snapshot()
    // The demo 党委's admin cannot build under the new root, nor the new admin under the demo 党委.
    expect(errCode(await call('createBranch', { parentId: rootId, name: '越权支部' }, DEMO.adminOpenid))).toBe('FORBIDDEN')
    expect(errCode(await call('createBranch', { parentId: DEMO.committee, name: '越权支部' }, admin))).toBe('FORBIDDEN')
    expect(errCode(await call('createBranch', { parentId: rootId, name: '越权支部' }, devOpenid(DEMO.m.secretary)))).toBe('FORBIDDEN')
    expect(errCode(await call('createBranch', { parentId: rootId, name: '越权支部' }, 'dev_stranger'))).toBe('UNAUTHENTICATED')
    expect(errCode(await call('createBranch', { parentId: 'org_missing', name: '无上级' }, admin))).toBe('NOT_FOUND')
    expect(errCode(await call('createBranch', { parentId: rootId, name: '甲支部', secretary: { ...secretary, status: 'probationary', formalAt: null } }, admin))).toBe('INVALID_INPUT')
    expect(errCode(await call('createBranch', { parentId: rootId, name: '甲支部', secretary: { ...secretary, formalAt: '2000-01-01' } }, admin))).toBe('INVALID_INPUT')
    expect(errCode(await call('createBranch', { parentId: rootId, name: '甲支部', secretary: { ...secretary, groupId: 'g_none' } }, admin))).toBe('INVALID_INPUT')
    expect(cloud.snapshot()).toEqual(before)
  })
})
