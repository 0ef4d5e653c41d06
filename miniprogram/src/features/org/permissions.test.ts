import { org } from '@shared/contract/org'
import { UNBOUND_ME, meWith } from '@/test-utils/fixtures'
import { can, canManageIdentity, isCommittee } from './permissions'

describe('can (button visibility from the contract policy)', () => {
  const plain = meWith({ roles: [] })
  const secretary = meWith({ roles: ['secretary'] })
  const organizer = meWith({ roles: ['organizer'] })
  const publicity = meWith({ roles: ['publicity'] })
  const groupLeader = meWith({ roles: ['group-leader'] })

  it.each([
    ['listMembers', plain, false],
    ['listMembers', publicity, true], // any 支委
    ['listMembers', groupLeader, true],
    ['createMember', organizer, true],
    ['createMember', publicity, false],
    ['createInvite', secretary, true],
    ['setRoles', organizer, false],
    ['setRoles', secretary, true],
    ['updateBranch', secretary, true],
    ['updateBranch', organizer, false],
    ['me', UNBOUND_ME, true],
    ['getBranch', UNBOUND_ME, false],
    ['getBranch', plain, true],
  ] as const)('%s for %o → %s', (action, me, expected) => {
    expect(can(me, org.actions[action])).toBe(expected)
  })

  it('lets 上级 admins through org-admin policies and refuses before loading', () => {
    expect(can({ ...UNBOUND_ME, adminOrgs: [{ id: 'o1', name: '机关党委' }] }, org.actions.setRoles)).toBe(true)
    expect(can(undefined, org.actions.me)).toBe(false)
  })

  it('shows unbind / invite on a 支委 only to who holds authority over the role', () => {
    const admin = { ...UNBOUND_ME, adminOrgs: [{ id: 'o1', name: '机关党委' }] }
    // A plain member's identity: the action's policy (书记, 组织委员, 上级 admin).
    expect(canManageIdentity(organizer, org.actions.unbindMember, [])).toBe(true)
    expect(canManageIdentity(publicity, org.actions.unbindMember, [])).toBe(false)
    // Another 支委's: the 书记 or the admin, never the 组织委员.
    expect(canManageIdentity(organizer, org.actions.createInvite, ['publicity'])).toBe(false)
    expect(canManageIdentity(secretary, org.actions.createInvite, ['publicity'])).toBe(true)
    // The 书记's: the admin only.
    expect(canManageIdentity(organizer, org.actions.unbindMember, ['secretary'])).toBe(false)
    expect(canManageIdentity(secretary, org.actions.unbindMember, ['secretary'])).toBe(false)
    expect(canManageIdentity(admin, org.actions.unbindMember, ['secretary'])).toBe(true)
    expect(canManageIdentity(undefined, org.actions.unbindMember, [])).toBe(false)
  })

  it('checks status policies', () => {
    expect(can(meWith({ status: 'probationary' }), { policy: { formal: 'branch' } })).toBe(false)
    expect(can(meWith({ status: 'probationary' }), { policy: { probationary: 'self' } })).toBe(true)
  })

  it('knows who is on the committee', () => {
    expect(isCommittee(meWith({ roles: ['discipline'] }))).toBe(true)
    expect(isCommittee(meWith({ roles: ['group-leader', 'dues-manager'] }))).toBe(false)
  })
})
