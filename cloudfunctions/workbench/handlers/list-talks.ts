/** workbench.listTalks — a year's 谈心谈话 [HN] with the coverage the branch's profile asks for; the notes for the 书记 only. */
import { AppError } from '@shared/contract/errors'
import { COMMITTEE_ROLES } from '@shared/contract/roles'
import type { workbench } from '@shared/contract/workbench'
import { beijingDate } from '@shared/rules/time'
import { talkCoverage } from '@shared/rules/workbench/talks'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { loadRecords } from '../board-data'
import { profileOfBranch } from '../board'
import { talkView } from '../views'
import { yearOf } from './common'

export const listTalks: Handler<typeof workbench.actions.listTalks, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const year = yearOf(input, ctx.now)
    const data = await loadRecords(ctx.store, 'talks', branchId, year)
    if (!data) throw new AppError('NOT_FOUND', '没有找到该支部')
    const { members, records } = data
    const coverage = talkCoverage({
      talks: records,
      frequencies: profileOfBranch(data.branch).talks,
      secretaryId: members.find((m) => m.roles.includes('secretary'))?._id ?? null,
      committeeIds: members.filter((m) => m.roles.some((r) => COMMITTEE_ROLES.includes(r))).map((m) => m._id),
      members: members.map((m) => ({ id: m._id, name: m.name })),
      year,
      today: beijingDate(ctx.now),
    })
    return { year, talks: records.map((t) => talkView(t, ctx.caller)), coverage }
  },
}
