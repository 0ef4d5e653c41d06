/**
 * org's public surface for adding a member from another domain's write: the member document org itself
 * would create (`org.createMember`'s fields and checks) and its insert inside the caller's transaction, so
 * a domain whose step admits someone (发展党员: the 上级党委 approves a 预备党员) adds them to the roster in
 * the same request, exactly once (the caller names a deterministic id).
 */
import type { MemberStatus } from '@shared/contract/roles'
import type { Tx } from '../../_kit/store'
import type { MemberDoc, OrgDoc } from '../documents'
import { checkMemberFields } from '../handlers/member-rules'

export interface NewMemberFields {
  name: string
  gender: 'male' | 'female'
  /** 入党日期. */
  joinedAt: string
  status: MemberStatus
  groupId: string | null
  phone?: string | null
  formalAt?: string | null
  duesCategory?: MemberDoc['duesCategory']
  flags?: MemberDoc['flags']
}

/** The member document for `fields` in `branch`, checked as `org.createMember` checks it (INVALID_INPUT otherwise). */
export const newMemberDoc = (branch: OrgDoc, id: string, fields: NewMemberFields, now: Date): MemberDoc => {
  const at = now.toISOString()
  const doc: MemberDoc = {
    _id: id,
    branchId: branch._id,
    name: fields.name,
    gender: fields.gender,
    phone: fields.phone ?? null,
    joinedAt: fields.joinedAt,
    formalAt: fields.formalAt ?? null,
    status: fields.status,
    groupId: fields.groupId,
    duesCategory: fields.duesCategory ?? null,
    flags: fields.flags ?? { elderly: false, mobile: false },
    roles: [],
    openid: null,
    boundAt: null,
    active: true,
    createdAt: at,
    updatedAt: at,
  }
  checkMemberFields(branch, doc)
  return doc
}

/** Inserts `doc` within `tx` (a duplicate id fails the transaction: callers check first, in the same transaction). */
export const createMemberTx = async (tx: Tx, doc: MemberDoc): Promise<void> => {
  const { _id, ...rest } = doc
  await tx.create('members', _id, rest)
}
