/** The 党员花名册 sheet. */
import { DUES_CATEGORY_LABELS } from '@shared/rules/dues/categories'
import type { MemberDoc } from '../../org/public/branches'
import type { Sheet } from '../../_kit/xlsx'
import { groupName, head, roleText, type LedgerContext } from './context'

/** 党员花名册: every active member. */
export function rosterSheet(ctx: LedgerContext, members: readonly MemberDoc[]): Sheet {
  return {
    name: '党员花名册',
    ...head(ctx.branch, ctx.year, 'roster'),
    subtitle: ctx.subtitle,
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '性别', width: 6 },
      { header: '党小组', width: 12 },
      { header: '党员类别', width: 10 },
      { header: '入党时间', width: 12 },
      { header: '转正时间', width: 12 },
      { header: '党内职务', width: 16 },
      { header: '联系电话', width: 14 },
      { header: '党费类别', width: 12 },
      { header: '备注', width: 16 },
    ],
    rows: members.map((m, i) => [
      i + 1,
      m.name,
      m.gender === 'male' ? '男' : '女',
      groupName(ctx.branch, m.groupId),
      m.status === 'formal' ? '正式党员' : '预备党员',
      m.joinedAt,
      m.formalAt ?? '',
      roleText(m.roles),
      m.phone ?? '',
      m.duesCategory ? DUES_CATEGORY_LABELS[m.duesCategory] : '',
      [m.flags.elderly ? '年老体弱' : '', m.flags.mobile ? '流动党员' : ''].filter(Boolean).join('、'),
    ]),
  }
}
