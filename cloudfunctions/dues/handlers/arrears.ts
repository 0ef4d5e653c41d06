/**
 * dues.arrears — members with unpaid months in a row up to the last month due: 3 → 提醒, 6 → a flag for
 * the 书记 with the rule shown (自行脱党 is a 支部大会 decision: the software never acts). Three requests.
 */
import type { Arrears, dues } from '@shared/contract/dues'
import { DUES_LAPSE_RULE_TEXT, DUES_WARN_RULE_TEXT } from '@shared/rules/dues/arrears'
import type { Handler } from '../../_kit/create-main'
import type { OrgDoc } from '../../org/public/branches'
import { branchDues, branchFor, loadBranchAccounts, standingOf } from '../model'

export const arrears: Handler<typeof dues.actions.arrears, OrgDoc> = {
  target: branchFor,
  run: async (input, ctx, branch) => {
    const bd = branchDues(branch, ctx.now)
    const members = await loadBranchAccounts(ctx, branch._id)
    const rows: Arrears['rows'] = []
    for (const m of members) {
      const s = standingOf(m.account[0], m, bd)
      if (s.arrears.currentRun === 0 && s.arrears.unpaidMonths.length === 0) continue
      rows.push({
        memberId: m._id,
        name: m.name,
        groupId: m.groupId,
        unpaidMonths: s.arrears.unpaidMonths,
        currentRun: s.arrears.currentRun,
        owedFen: s.owedFen,
        flag: s.arrears.flag,
        paidThrough: s.paidThrough,
      })
    }
    rows.sort((a, b) => b.currentRun - a.currentRun || b.unpaidMonths.length - a.unpaidMonths.length || a.name.localeCompare(b.name, 'zh'))
    return {
      branchId: branch._id,
      throughMonth: bd.lastDue,
      warnMonths: bd.thresholds.warnMonths,
      flagMonths: bd.thresholds.flagMonths,
      warnRule: DUES_WARN_RULE_TEXT,
      lapseRule: DUES_LAPSE_RULE_TEXT,
      rows,
    }
  },
}
