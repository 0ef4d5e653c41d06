/** org.me — who the caller is: binding state, own member record, branch, admin scopes (≤2 requests). */
import type { Me } from '@shared/contract/org'
import type { org } from '@shared/contract/org'
import { callerTarget, type Handler, type HandlerContext } from '../../_kit/create-main'
import type { MemberDoc, OrgDoc } from '../documents'
import { branchView, memberDetail } from '../views'

export const me: Handler<typeof org.actions.me> = {
  target: callerTarget,
  run: async (_input, ctx) => meOf(ctx),
}

/** Shared with `bind`: one aggregate joins the member with their branch. */
export const meOf = async (ctx: Pick<HandlerContext, 'caller' | 'store'>): Promise<Me> => {
  const { caller, store } = ctx
  const adminOrgs = caller.user?.adminOrgs ?? []
  if (!caller.memberId) return { bound: false, member: null, branch: null, adminOrgs }
  const rows = await store.aggregate<MemberDoc & { branch: OrgDoc[] }>('members', (agg) =>
    agg.match({ _id: caller.memberId }).lookup({ from: 'orgs', localField: 'branchId', foreignField: '_id', as: 'branch' }),
  )
  const row = rows[0]
  const branch = row?.branch[0]
  if (!row || !branch || !row.active) return { bound: false, member: null, branch: null, adminOrgs }
  return { bound: true, member: memberDetail(row, true), branch: branchView(branch), adminOrgs }
}
