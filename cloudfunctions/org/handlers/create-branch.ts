/**
 * org.createBranch — a 上级 admin adds a 党支部 (or 党总支) under an org node they administer, optionally
 * with its 书记 and a 7-day invite code for them, so a fresh environment can grow from the first admin.
 * The id derives from parent + name (a double tap creates one node); every admin of the parent or a node
 * above it gets the new branch in `adminBranchIds`, which is what the `org` policy scope checks.
 */
import { AppError } from '@shared/contract/errors'
import type { InputOf } from '@shared/contract/define'
import type { org } from '@shared/contract/org'
import type { MemberDoc, OrgDoc } from '../documents'
import { issueInvite } from '../invites'
import { newMemberDoc } from '../public/members'
import type { Handler } from '../../_kit/create-main'
import { stableId } from '../../_kit/ids'
import { isDuplicate, type Store } from '../../_kit/store'
import { memberDetail } from '../views'

type Input = InputOf<typeof org.actions.createBranch>
type NodeKind = NonNullable<Input['kind']>

/** Every admin of one of `orgIds` (a node and the nodes above it) may now act on `branchId`. Idempotent. */
export const grantBranchToAdmins = (store: Store, orgIds: string[], branchId: string): Promise<number> =>
  store.updateWhere('users', { 'adminOrgs.id': store.cmd.in(orgIds) }, { adminBranchIds: store.cmd.addToSet(branchId) })

const fieldError = (path: string, message: string) => new AppError('INVALID_INPUT', message, { issues: [{ path, message }] })

/** Where a node of `kind` may stand, and whether it may come with a 书记. */
function checkPlacement(parent: OrgDoc, kind: NodeKind, secretary: Input['secretary']): void {
  if (parent.kind === 'branch') throw new AppError('RULE_VIOLATED', '党支部之下不能再设立党组织', { rule: 'PARENT_IS_BRANCH' })
  if (kind === 'general-branch' && parent.kind !== 'committee') {
    throw new AppError('RULE_VIOLATED', '党总支应设在党委之下', { rule: 'GENERAL_BRANCH_UNDER_COMMITTEE' })
  }
  if (secretary && kind !== 'branch') throw fieldError('secretary', '党总支不在此处设书记，请在其下的支部中设置')
  if (secretary && secretary.status !== 'formal') throw fieldError('secretary.status', '支部书记应为正式党员')
}

/** The new node under `parent`: it starts with its parent's rule set; the 书记 adjusts it in the branch settings. */
const newNode = (parent: OrgDoc, id: string, kind: NodeKind, name: string, at: string): OrgDoc => ({
  _id: id,
  kind,
  name,
  parentId: parent._id,
  parentName: parent.name,
  ancestors: [...parent.ancestors, parent._id],
  profileId: parent.profileId,
  themeDayRule: parent.themeDayRule,
  termStartedAt: null,
  termEndsAt: null,
  duesDay: parent.duesDay,
  groups: [],
  createdAt: at,
  updatedAt: at,
})

/** The node written and reachable by every admin above it; a second node of that name is a CONFLICT. */
async function insertNode(store: Store, node: OrgDoc, parent: OrgDoc): Promise<void> {
  const chain = [parent._id, ...parent.ancestors]
  try {
    await store.add('orgs', node)
  } catch (e) {
    if (!isDuplicate(e)) throw e
    // A retry after a partial failure still leaves every admin able to reach the branch.
    if (node.kind === 'branch') await grantBranchToAdmins(store, chain, node._id)
    throw new AppError('CONFLICT', `「${parent.name}」下已有名为「${node.name}」的组织`)
  }
  if (node.kind === 'branch') await grantBranchToAdmins(store, chain, node._id)
}

export const createBranch: Handler<typeof org.actions.createBranch, OrgDoc> = {
  // The record touched is the parent node the branch is set up under.
  target: async ({ parentId }, ctx) => {
    const parent = await ctx.store.get('orgs', parentId)
    if (!parent) throw new AppError('NOT_FOUND', '没有找到上级组织')
    // A parent node is no branch: the `org` scope checks its chain against the caller's admin org nodes.
    return { target: { branchId: parent._id, orgIds: [parent._id, ...parent.ancestors] }, loaded: parent }
  },
  run: async ({ parentId, name, kind = 'branch', secretary }, ctx, parent) => {
    const { caller, store, now } = ctx
    checkPlacement(parent, kind, secretary)
    const id = stableId(kind === 'branch' ? 'br' : 'gb', parentId, name)
    const node = newNode(parent, id, kind, name, now.toISOString())
    // Everything is checked before the first write (newMemberDoc checks the 书记's fields against the node).
    const member: MemberDoc | null = secretary
      ? { ...newMemberDoc(node, stableId('m', id, secretary.name, secretary.joinedAt), { ...secretary, groupId: secretary.groupId ?? null }, now), roles: ['secretary'] }
      : null

    await insertNode(store, node, parent)
    let invite: { code: string; expiresAt: string } | null = null
    if (member) {
      await store.add('members', member)
      invite = await issueInvite(store, { memberId: member._id, branchId: id, createdBy: caller.memberId ?? '' }, now)
    }
    await ctx.audit({
      branchId: kind === 'branch' ? id : null,
      action: 'org.createBranch',
      targetId: id,
      summary: `在「${parent.name}」下设立「${name}」${member ? `，书记 ${member.name}` : ''}`,
      after: { node, secretaryId: member?._id ?? null },
    })
    return { id, name, kind, parentId, parentName: parent.name, secretary: member ? memberDetail(member, true) : null, invite }
  },
}
