/**
 * evaluation.getTally — 组织评定 view: per member the tally from the round's tally shards, 自评, 积分 and
 * attendance captured at close, the rule-based proposal and the saved grades. Refused before close for
 * every role. Three requests: caller, round with roster, tally shards (and one storage call for the
 * attachment links).
 */
import type { evaluation } from '@shared/contract/evaluation'
import { beijingDate } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import { assertClosed, roundWithRosterTarget, type RoundWithRoster } from '../data'
import { attachmentLinks } from '../attachments'
import { loadTally } from '../tally'
import { assessmentView } from '../views'

export const getTally: Handler<typeof evaluation.actions.getTally, RoundWithRoster> = {
  target: roundWithRosterTarget,
  run: async ({ roundId }, ctx, { round, votedIds }) => {
    assertClosed(round)
    const [tally, links] = await Promise.all([loadTally(ctx.store, roundId), attachmentLinks(round, round.members.map((m) => m.id))])
    return assessmentView(round, tally, votedIds, beijingDate(ctx.now), links)
  },
}
