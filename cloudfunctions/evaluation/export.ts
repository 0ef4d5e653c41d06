/**
 * The round's paper forms as `.xlsx` (exceljs): 民主评议党员登记表 (one row per member: 自评, 测评 tally,
 * 积分, attendance, proposal, 组织评定 and reason, 限期改正) and 民主测评汇总表 (counts and shares per grade,
 * turnout, review flags). Built from the same assessment view the 支委 see — no ballot ever leaves.
 */
import { EXPORT_KIND_LABELS, type Assessment } from '@shared/contract/evaluation'
import { EVALUATION_GRADE_LABELS, ratioLabel } from '@shared/rules/evaluation/grades'
import type { EvalRoundDoc } from './documents'
import type { GeneratedFile } from '../_kit/exports'
import { writeSheets, type Cell, type Column, type Sheet } from '../_kit/xlsx'

export type ExportKind = keyof typeof EXPORT_KIND_LABELS

const percent = (n: number, of: number): string => (of === 0 ? '—' : `${Math.round((n / of) * 1000) / 10}%`)

const columns = (header: readonly string[], widths: readonly number[]): Column[] => header.map((h, i) => ({ header: h, width: widths[i] ?? 9 }))

const subtitleOf = (a: Assessment, branchName: string): string =>
  [
    `党支部：${branchName}`,
    `测评时间：${a.votingFrom}至${a.votingTo}`,
    `应参加${a.eligible}人，实际投票${a.voted}人，收回测评表${a.ballots}张`,
    a.settings.grades.includes('excellent')
      ? `正式党员${a.settings.formalCount}人，优秀等次一般不超过${ratioLabel(a.settings.excellentRatio)}（${a.settings.excellentQuota}人）`
      : `正式党员${a.settings.formalCount}人`,
    a.publishedOn ? `公示期：${a.publishedOn}至${a.publicityEndsOn ?? ''}` : '结果尚未公示',
  ].join('；')

function registerSheet(a: Assessment, round: EvalRoundDoc, branchName: string): Sheet {
  const grades = a.settings.grades
  const header = [
    '序号',
    '姓名',
    '性别',
    '党员类别',
    '入党时间',
    '转正时间',
    '个人自评',
    ...grades.map((g) => `${EVALUATION_GRADE_LABELS[g]}（票）`),
    '年度积分',
    '组织生活（出席/应到）',
    '建议等次',
    '组织评定等次',
    '与建议不同的理由',
    '限期改正',
  ]
  const info = new Map(round.members.map((m) => [m.id, m]))
  const rows: Cell[][] = a.rows.map((r, i) => {
    const m = info.get(r.memberId)
    return [
      i + 1,
      r.name,
      m?.gender === 'female' ? '女' : '男',
      '正式党员',
      m?.joinedAt ?? '',
      m?.formalAt ?? '',
      r.selfAssessment ?? '（未提交）',
      ...grades.map((g) => r.counts[g]),
      r.points ?? '—',
      r.attendance ? `${r.attendance.attended}/${r.attendance.due}` : '—',
      EVALUATION_GRADE_LABELS[r.proposed] + (r.flagLabels.length ? `（${r.flagLabels.join('；')}）` : ''),
      r.final ? EVALUATION_GRADE_LABELS[r.final.grade] : '（未评定）',
      r.final && r.final.grade !== r.proposed ? (r.final.reason ?? '') : '',
      r.followUp ? `限期至${r.followUp.deadline}：${r.followUp.notes}` : '',
    ]
  })
  a.probationary.forEach((p) => {
    const m = info.get(p.memberId)
    rows.push([
      rows.length + 1,
      p.name,
      m?.gender === 'female' ? '女' : '男',
      '预备党员',
      m?.joinedAt ?? '',
      '',
      p.selfAssessment ?? '（未提交）',
      ...grades.map(() => '—'),
      '—',
      '—',
      '—',
      '不评定等次',
      '',
      '',
    ])
  })
  return {
    name: '登记表',
    title: `${round.title} 民主评议党员登记表`,
    subtitle: subtitleOf(a, branchName),
    columns: columns(header, [6, 10, 6, 10, 12, 12, 40, ...grades.map(() => 8), 9, 12, 16, 12, 24, 24]),
    rows,
  }
}

function summarySheet(a: Assessment, round: EvalRoundDoc, branchName: string): Sheet {
  const grades = a.settings.grades
  const header = [
    '序号',
    '姓名',
    ...grades.flatMap((g) => [`${EVALUATION_GRADE_LABELS[g]}（票）`, `${EVALUATION_GRADE_LABELS[g]}（占比）`]),
    '有效票数',
    `不合格票超过${ratioLabel(a.settings.unqualifiedReviewShare)}`,
    '建议等次',
    '组织评定等次',
  ]
  const rows = a.rows.map((r, i) => [
    i + 1,
    r.name,
    ...grades.flatMap((g) => [r.counts[g], percent(r.counts[g], r.ballots)]),
    r.ballots,
    r.needsReview ? '是（请支委会研究）' : '否',
    EVALUATION_GRADE_LABELS[r.proposed],
    r.final ? EVALUATION_GRADE_LABELS[r.final.grade] : '（未评定）',
  ])
  const excellent = a.rows.filter((r) => r.final?.grade === 'excellent').length
  return {
    name: '汇总表',
    title: `${round.title} 民主测评汇总表`,
    subtitle: subtitleOf(a, branchName),
    columns: columns(header, [6, 10, ...grades.flatMap(() => [8, 9]), 9, 16, 10, 12]),
    rows,
    notes: [
      `评定为优秀${excellent}人（上限${a.settings.excellentQuota}人）；预备党员${a.probationary.length}人参加测评，不评定等次。`,
      '测评表不记名：系统只记录谁已投票，不记录每张测评表由谁填写。',
    ],
  }
}

/** The workbook for `kind`: its file name, content and the rows of its one sheet (stored by the handler). */
export async function buildWorkbook(kind: ExportKind, a: Assessment, round: EvalRoundDoc, branchName: string): Promise<GeneratedFile> {
  const sheet = kind === 'register' ? registerSheet(a, round, branchName) : summarySheet(a, round, branchName)
  // The workbook's own timestamps are irrelevant to the form; a fixed one keeps exports reproducible.
  const content = await writeSheets([sheet], { style: 'form', created: new Date(Date.UTC(round.year, 11, 31)) })
  return { fileName: `${round.title}${EXPORT_KIND_LABELS[kind]}.xlsx`, content, rows: sheet.rows.length }
}
