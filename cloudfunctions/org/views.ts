/** Mapping stored org and member documents to the contract's views (masking what a reader may not see). */
import { maskPhone, type BranchView, type MemberDetail, type MemberView } from '@shared/contract/org'
import type { MemberDoc, OrgDoc } from './documents'

export const memberView = (m: MemberDoc): MemberView => ({
  id: m._id,
  branchId: m.branchId,
  name: m.name,
  gender: m.gender,
  phoneMasked: maskPhone(m.phone),
  joinedAt: m.joinedAt,
  formalAt: m.formalAt,
  status: m.status,
  groupId: m.groupId,
  flags: m.flags,
  roles: m.roles,
  bound: !!m.openid,
})

/** `withDues`: the dues category is shown only to the member, the 书记 and the 党费管理员 (privacy). */
export const memberDetail = (m: MemberDoc, withDues: boolean): MemberDetail => ({
  ...memberView(m),
  phone: m.phone,
  duesCategory: withDues ? m.duesCategory : null,
})

export const branchView = (b: OrgDoc): BranchView => ({
  id: b._id,
  name: b.name,
  parentId: b.parentId,
  parentName: b.parentName,
  profileId: b.profileId,
  themeDayRule: b.themeDayRule,
  termStartedAt: b.termStartedAt,
  termEndsAt: b.termEndsAt,
  duesDay: b.duesDay,
  groups: b.groups,
})
