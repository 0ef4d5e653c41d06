/**
 * The database indexes the functions' queries need, as data: `npm run provision` creates them in
 * CloudBase, and a test checks every query a handler issues is covered by one of these. Each entry says
 * which query it serves.
 */
import type { CollectionName } from './collections'

export interface IndexSpec {
  collection: CollectionName
  name: string
  keys: { field: string; direction: 1 | -1 }[]
  unique?: boolean
  /** The query it serves (file and purpose). */
  serves: string
}

const k = (...fields: string[]) => fields.map((f) => (f.startsWith('-') ? { field: f.slice(1), direction: -1 as const } : { field: f, direction: 1 as const }))

export const INDEXES: IndexSpec[] = [
  { collection: 'members', name: 'branch_active_joined', keys: k('branchId', 'active', 'joinedAt'), serves: 'org.listMembers, org-data.branchMembers' },
  { collection: 'members', name: 'branch_active_group', keys: k('branchId', 'active', 'groupId'), serves: 'org.listMembers (group), org.updateBranch (group size)' },
  { collection: 'members', name: 'branch_active_roles', keys: k('branchId', 'active', 'roles'), serves: 'org.setRoles (one 书记)' },
  { collection: 'invites', name: 'member_open', keys: k('memberId', 'usedAt', 'revoked'), serves: 'org.createInvite (revoke earlier codes)' },
  { collection: 'audit', name: 'branch_at', keys: k('branchId', '-at'), serves: 'org.listAudit' },
  { collection: 'events', name: 'branch_created', keys: k('branchId', 'createdAt'), serves: 'events.eventsAfter' },
]
