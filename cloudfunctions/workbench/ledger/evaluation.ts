/** The 民主评议登记表 sheet. */
import { EVALUATION_GRADE_LABELS, type EvaluationGrade } from '@shared/rules/evaluation/grades'
import type { Cell, Sheet } from '../../_kit/xlsx'
import { head, type EvalRoundDoc, type LedgerContext } from './context'

/** 民主评议登记表: the year's round (latest), per member 自评, the 测评 tally once closed, the 组织评定. */
export function evaluationSheet(ctx: LedgerContext, round: EvalRoundDoc | null): Sheet {
  const grades: readonly EvaluationGrade[] = round?.grades ?? ['excellent', 'qualified', 'basically-qualified', 'unqualified']
  const columns = [
    { header: '序号', width: 6 },
    { header: '姓名', width: 10 },
    { header: '性别', width: 6 },
    { header: '党员类别', width: 10 },
    { header: '入党时间', width: 12 },
    { header: '个人自评', width: 10 },
    ...grades.map((g) => ({ header: `${EVALUATION_GRADE_LABELS[g]}（票）`, width: 10 })),
    { header: '组织评定等次', width: 12 },
    { header: '说明', width: 24 },
    { header: '限期改正', width: 18 },
  ]
  const base = { name: '民主评议登记表', ...head(ctx.branch, ctx.year, 'evaluation'), columns }
  if (!round) return { ...base, subtitle: `${ctx.subtitle}；本年度尚未开展民主评议党员`, rows: [] }
  const closed = round.status !== 'open'
  const rows: Cell[][] = round.members.map((m, i) => {
    const final = round.finals?.[m.id] ?? null
    const tally = grades.map((g) => (closed && final ? final.tally[g] : '—'))
    const graded = round.gradedIds.includes(m.id)
    const follow = round.followUps[m.id]
    return [
      i + 1,
      m.name,
      m.gender === 'male' ? '男' : '女',
      m.status === 'formal' ? '正式党员' : '预备党员',
      m.joinedAt,
      round.selfAssessments[m.id] ? '已提交' : '未提交',
      ...tally,
      final ? EVALUATION_GRADE_LABELS[final.grade] : graded ? '' : '不评定等次',
      final?.reason ?? '',
      follow ? `${follow.deadline}前：${follow.notes}` : '',
    ]
  })
  const state = { open: '投票进行中', closed: '投票已结束，待公示', published: `已公示（${round.publishedOn ?? ''}起）` }[round.status]
  return { ...base, subtitle: `${ctx.subtitle}；${round.title}，${state}`, rows }
}
