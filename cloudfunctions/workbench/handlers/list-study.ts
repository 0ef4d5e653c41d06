/** workbench.listStudy — a year's 学时 records [N][HN] with each member's total against 32 (党员) / 56 (书记 and 支委) hours; a member reads only their own. */
import { AppError } from '@shared/contract/errors'
import { COMMITTEE_ROLES } from '@shared/contract/roles'
import type { workbench } from '@shared/contract/workbench'
import { studyProgress } from '@shared/rules/workbench/study'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { loadRecords } from '../board-data'
import { profileOfBranch } from '../board'
import { studyView } from '../views'
import { yearOf } from './common'

export const listStudy: Handler<typeof workbench.actions.listStudy, string> = {
  // The branch, and the member asked for (a member passes only for themselves).
  target: (input, ctx) => {
    const { target, loaded } = branchTarget(input, ctx)
    return { target: { ...target, memberId: input.memberId ?? null }, loaded }
  },
  run: async (input, ctx, branchId) => {
    const year = yearOf(input, ctx.now)
    const data = await loadRecords(ctx.store, 'study_records', branchId, year, input.memberId)
    if (!data) throw new AppError('NOT_FOUND', '没有找到该支部')
    const hours: Record<string, number> = {}
    for (const r of data.records) hours[r.memberId] = (hours[r.memberId] ?? 0) + r.hours
    const profile = profileOfBranch(data.branch)
    const progress = studyProgress({
      members: data.members.map((m) => ({ id: m._id, name: m.name, committee: m.roles.some((r) => COMMITTEE_ROLES.includes(r)) })),
      hoursByMember: hours,
      targets: profile.study,
    })
    return {
      year,
      records: data.records.map(studyView),
      progress: { memberTarget: profile.study.memberHours, committeeTarget: profile.study.committeeHours, ...progress },
    }
  },
}
