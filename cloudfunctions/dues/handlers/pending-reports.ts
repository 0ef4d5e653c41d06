/**
 * dues.pendingReports — members' "我已缴纳" reports awaiting the 党费管理员, grouped by report, with a
 * temporary link to each screenshot. Three requests: caller, the ledger (joined with members), the links.
 */
import type { dues, PendingReport } from '@shared/contract/dues'
import { branchTarget, type Handler } from '../../_kit/create-main'
import type { MemberDoc } from '../../org/public/branches'
import type { DuesLedgerDoc } from '../documents'
import { files } from '../../_kit/files'

const LINK_SECONDS = 30 * 60

export const pendingReports: Handler<typeof dues.actions.pendingReports, string> = {
  target: branchTarget,
  run: async (_input, ctx, branchId) => {
    const rows = await ctx.store.aggregate<DuesLedgerDoc & { member: MemberDoc[] }>('dues_ledger', (agg) =>
      agg
        .match({ branchId, status: 'reported' })
        .sort({ updatedAt: 1, month: 1 })
        .limit(1000)
        .lookup({ from: 'members', localField: 'memberId', foreignField: '_id', as: 'member' }),
    )
    const groups = new Map<string, (DuesLedgerDoc & { member: MemberDoc[] })[]>()
    for (const r of rows) groups.set(r.paymentId, [...(groups.get(r.paymentId) ?? []), r])
    const shots = [...new Set(rows.map((r) => r.report?.screenshotFileId).filter((x): x is string => !!x))]
    const urls = shots.length ? await files().tempUrls(shots, LINK_SECONDS) : new Map<string, string>()
    const items: PendingReport[] = []
    for (const [paymentId, entries] of groups) {
      const first = entries[0]
      const report = first?.report
      if (!first || !report) continue
      items.push({
        memberId: first.memberId,
        name: first.member[0]?.name ?? '',
        paymentId,
        months: entries.map((e) => ({ month: e.month, dueFen: e.dueFen })).sort((a, b) => (a.month < b.month ? -1 : 1)),
        amountFen: report.amountFen,
        method: report.method,
        paidOn: report.paidOn,
        note: report.note,
        at: report.at,
        screenshotUrl: report.screenshotFileId ? (urls.get(report.screenshotFileId) ?? null) : null,
      })
    }
    return { items }
  },
}
