import { org } from '@shared/contract/org'
import { UNBOUND_ME, meWith } from '@/test-utils/fixtures'
import { can, isCommittee } from './permissions'

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

  it('checks status policies', () => {
    expect(can(meWith({ status: 'probationary' }), { policy: { formal: 'branch' } })).toBe(false)
    expect(can(meWith({ status: 'probationary' }), { policy: { probationary: 'self' } })).toBe(true)
  })

  it('knows who is on the committee', () => {
    expect(isCommittee(meWith({ roles: ['discipline'] }))).toBe(true)
    expect(isCommittee(meWith({ roles: ['group-leader', 'dues-manager'] }))).toBe(false)
  })
})
