/**
 * org's public surface for the reminders timer — who reminders go to, each as one query over every branch
 * (never a query per member): the 党支部 with their settings, their active members and the 上级 admins
 * over them.
 */
import type { BranchRole } from '@shared/contract/roles'
import { chunks } from '../../_kit/chunks'
import type { Store } from '../../_kit/store'
import type { OrgDoc } from '../documents'

export type ReminderBranch = Pick<OrgDoc, '_id' | 'name' | 'profileId' | 'profileOverrides' | 'themeDayRule' | 'termEndsAt' | 'duesDay'>

export interface ReminderPerson {
  memberId: string
  branchId: string
  name: string
  openid: string | null
  roles: BranchRole[]
  joinedAt: string
}

export interface ReminderAdmin {
  openid: string
  memberId: string | null
  adminBranchIds: string[]
}

/** Every 党支部 (branch settings only). */
export const reminderBranches = async (store: Store): Promise<ReminderBranch[]> =>
  store.findAll('orgs', { kind: 'branch' }, { fields: { _id: true, name: true, profileId: true, profileOverrides: true, themeDayRule: true, termEndsAt: true, duesDay: true } })

/** Active members of these branches (one request per 1000 members). */
export const reminderPeople = async (store: Store, branchIds: readonly string[]): Promise<ReminderPerson[]> => {
  const out: ReminderPerson[] = []
  for (const ids of chunks(branchIds)) {
    const rows = await store.findAll(
      'members',
      { branchId: store.cmd.in(ids), active: true },
      { fields: { _id: true, branchId: true, name: true, openid: true, roles: true, joinedAt: true } },
    )
    for (const m of rows) out.push({ memberId: m._id, branchId: m.branchId, name: m.name, openid: m.openid ?? null, roles: m.roles ?? [], joinedAt: m.joinedAt })
  }
  return out
}

/** 上级 admins over any of these branches. */
export const reminderAdmins = async (store: Store, branchIds: readonly string[]): Promise<ReminderAdmin[]> => {
  const out: ReminderAdmin[] = []
  for (const ids of chunks(branchIds)) {
    const rows = await store.findAll('users', { adminBranchIds: store.cmd.in(ids) }, { fields: { _id: true, memberId: true, adminBranchIds: true } })
    for (const u of rows) out.push({ openid: u._id, memberId: u.memberId ?? null, adminBranchIds: u.adminBranchIds ?? [] })
  }
  return out
}
