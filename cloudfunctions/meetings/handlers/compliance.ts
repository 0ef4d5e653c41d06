/**
 * meetings.compliance — per requirement of the branch's profile and per period of the year: meetings
 * required vs held (locked records; a 书记 党课 counts for the 书记 requirement), with the missing and
 * overdue periods. Three requests: caller, branch, the year's meetings.
 */
import type { meetings } from '@shared/contract/meetings'
import { describeRequirement, meetingCompliance, summarizeCompliance, type HeldMeeting } from '@shared/rules/meetings/compliance'
import { beijingDate } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import type { MeetingDoc } from '../documents'
import { loadBranch } from '../../org/public/branches'
import { profileOf } from '../model'

export const compliance: Handler<typeof meetings.actions.compliance, string> = {
  target: branchTarget,
  run: async ({ year }, ctx, branchId) => {
    const { store, now } = ctx
    const branch = await loadBranch(store, branchId)
    const profile = profileOf(branch)
    const docs = (await store.find(
      'meetings',
      { branchId, date: store.cmd.gte(`${year}-01-01`).and(store.cmd.lte(`${year}-12-31`)) },
      { limit: 1000, fields: { kind: true, date: true, status: true, hostId: true, roster: true, lockedAt: true } },
    )) as Pick<MeetingDoc, 'kind' | 'date' | 'status' | 'hostId' | 'roster' | 'lockedAt'>[]
    const held: HeldMeeting[] = docs.map((m) => ({
      kind: m.kind,
      date: m.date,
      // 民主评议 is usually held at the 组织生活会 [N]: an 民主评议大会 also counts as one.
      countsAs: m.kind === 'evaluation' ? ['life-meeting'] : [],
      ledBy: m.roster.find((r) => r.id === m.hostId)?.roles ?? [],
      status: m.status === 'held' && m.lockedAt ? 'held' : m.status === 'cancelled' ? 'cancelled' : 'planned',
    }))
    const today = beijingDate(now)
    const rows = meetingCompliance({ requirements: profile.meetings.requirements, meetings: held, from: `${year}-01-01`, to: `${year}-12-31`, today })
    return {
      year,
      profileName: profile.name,
      today,
      rows: rows.map((r) => ({
        kind: r.requirement.kind,
        requirement: describeRequirement(r.requirement),
        periodKey: r.period.key,
        periodLabel: r.period.label,
        required: r.required,
        held: r.held,
        status: r.status,
      })),
      summary: summarizeCompliance(rows),
    }
  },
}
