/**
 * dues.baseReview — the 核定 screen: every member's record in force, the latest record, whether this
 * year's 核定 is done (deadline from the profile) and any self-submission. Three requests.
 */
import type { dues } from '@shared/contract/dues'
import { DUES_ROUNDING_LABELS } from '@shared/rules/dues/amount'
import { baseReviewStatus } from '@shared/rules/dues/ledger'
import type { Handler } from '../../_kit/create-main'
import type { OrgDoc } from '../../org/public/branches'
import { baseView, branchDues, branchFor, currentBase, loadBranchAccounts } from '../model'

export const baseReview: Handler<typeof dues.actions.baseReview, OrgDoc> = {
  target: branchFor,
  run: async (input, ctx, branch) => {
    const bd = branchDues(branch, ctx.now)
    const members = await loadBranchAccounts(ctx, branch._id)
    const year = Number(bd.today.slice(0, 4))
    const rows = members.map((m) => {
      const acc = m.account[0]
      const bases = acc?.bases ?? []
      const lastAssessedOn = bases.reduce<string | null>((d, b) => (d === null || b.assessedOn > d ? b.assessedOn : d), null)
      const inForce = currentBase(acc, bd.currentMonth)
      const latest = bases[bases.length - 1] ?? null
      return {
        memberId: m._id,
        name: m.name,
        groupId: m.groupId,
        status: m.status,
        joinedAt: m.joinedAt,
        current: inForce ? baseView(inForce) : null,
        latest: latest ? baseView(latest) : null,
        assessedThisYear: baseReviewStatus({ today: bd.today, lastAssessedOn, deadline: bd.profile.assessmentDeadline }).done,
        proposal: acc?.proposal ?? null,
      }
    })
    const status = baseReviewStatus({ today: bd.today, lastAssessedOn: rows.every((r) => r.assessedThisYear) ? bd.today : null, deadline: bd.profile.assessmentDeadline })
    return {
      branchId: branch._id,
      year,
      deadline: status.deadline,
      overdue: status.overdue,
      currentMonth: bd.currentMonth,
      rounding: bd.profile.rounding,
      roundingLabel: DUES_ROUNDING_LABELS[bd.profile.rounding],
      farmerDefaultFen: bd.profile.farmerDefaultFen,
      rows,
    }
  },
}
