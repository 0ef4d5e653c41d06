/**
 * The round's paper forms as `.xlsx` (exceljs): 民主评议党员登记表 (one row per member: 自评, 测评 tally,
 * 积分, attendance, proposal, 组织评定 and reason, 限期改正) and 民主测评汇总表 (counts and shares per grade,
 * turnout, review flags). Built from the same assessment view the 支委 see — no ballot ever leaves.
 */
import ExcelJS from 'exceljs'
import { EXPORT_KIND_LABELS, type Assessment } from '@shared/contract/evaluation'
import { EVALUATION_GRADE_LABELS } from '@shared/rules/evaluation'
import { ratioLabel } from '@shared/rules/evaluation-extra'
import type { EvalRoundDoc } from '../_kit/collections-evaluation'

export type ExportKind = keyof typeof EXPORT_KIND_LABELS

const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } }
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }

const percent = (n: number, of: number): string => (of === 0 ? '—' : `${Math.round((n / of) * 1000) / 10}%`)

function titleRows(ws: ExcelJS.Worksheet, width: number, title: string, subtitle: string): void {
  ws.addRow([title])
  ws.mergeCells(1, 1, 1, width)
  const t = ws.getCell(1, 1)
  t.font = { size: 16, bold: true }
  t.alignment = { horizontal: 'center', vertical: 'middle' }
  ws.getRow(1).height = 30
  ws.addRow([subtitle])
  ws.mergeCells(2, 1, 2, width)
  ws.getCell(2, 1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true }
  ws.getRow(2).height = 36
}

function table(ws: ExcelJS.Worksheet, header: string[], rows: (string | number)[][], widths: number[]): void {
  const h = ws.addRow(header)
  h.font = { bold: true }
  h.eachCell((c) => {
    c.border = BORDER
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F3F3' } }
  })
  for (const r of rows) {
    const row = ws.addRow(r)
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER
      c.alignment = { vertical: 'top', wrapText: true }
    })
  }
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w
  })
}

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

function registerSheet(wb: ExcelJS.Workbook, a: Assessment, round: EvalRoundDoc, branchName: string): void {
  const ws = wb.addWorksheet('登记表', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
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
  const rows: (string | number)[][] = a.rows.map((r, i) => {
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
  titleRows(ws, header.length, `${round.title} 民主评议党员登记表`, subtitleOf(a, branchName))
  table(ws, header, rows, [6, 10, 6, 10, 12, 12, 40, ...grades.map(() => 8), 9, 12, 16, 12, 24, 24])
}

function summarySheet(wb: ExcelJS.Workbook, a: Assessment, round: EvalRoundDoc, branchName: string): void {
  const ws = wb.addWorksheet('汇总表', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
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
  titleRows(ws, header.length, `${round.title} 民主测评汇总表`, subtitleOf(a, branchName))
  table(ws, header, rows, [6, 10, ...grades.flatMap(() => [8, 9]), 9, 16, 10, 12])
  ws.addRow([])
  ws.addRow([`评定为优秀${excellent}人（上限${a.settings.excellentQuota}人）；预备党员${a.probationary.length}人参加测评，不评定等次。`])
  ws.addRow(['测评表不记名：系统只记录谁已投票，不记录每张测评表由谁填写。'])
}

/** The workbook for `kind`, as a base64 string with its file name. */
export async function buildWorkbook(kind: ExportKind, a: Assessment, round: EvalRoundDoc, branchName: string): Promise<{ fileName: string; base64: string }> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '支部助手'
  // The workbook's own timestamps are irrelevant to the form; a fixed one keeps exports reproducible.
  wb.created = new Date(Date.UTC(round.year, 11, 31))
  wb.modified = wb.created
  if (kind === 'register') registerSheet(wb, a, round, branchName)
  else summarySheet(wb, a, round, branchName)
  const buffer = await wb.xlsx.writeBuffer()
  return { fileName: `${round.title}${EXPORT_KIND_LABELS[kind]}.xlsx`, base64: Buffer.from(buffer as ArrayBuffer).toString('base64') }
}
