/** The scheme editor's form logic: validation with readable messages, new items, one-line item summaries. */
import { POINTS_BAND_LABELS } from '@shared/rules/points/scheme'
import { BranchSchemeSchema, SCHEME_AUTO_SOURCE_LABELS, type BranchScheme, type SchemeItem } from '@shared/rules/points/branch-scheme'

const FIELD_LABELS: Record<string, string> = {
  name: '方案名称',
  base: '基础分',
  max: '最高分',
  floor: '最低分',
  items: '积分项目',
  bands: '积分等次',
  publication: '公示',
  declareDeadlineDay: '申报截止日',
  points: '分值',
  capPerMonth: '每月上限',
  capPerYear: '年度上限',
  code: '项目编码',
}

/** The first problem with a draft scheme as one sentence, or null when it is valid. */
export function schemeError(s: BranchScheme): string | null {
  const r = BranchSchemeSchema.safeParse(s)
  if (r.success) return null
  const issue = r.error.issues[0]
  if (!issue) return '方案设置有误'
  const path = issue.path.map(String)
  const itemIndex = path[0] === 'items' && path[1] !== undefined ? Number(path[1]) : null
  const where = itemIndex !== null && !Number.isNaN(itemIndex) ? `第${itemIndex + 1}个项目（${s.items[itemIndex]?.name || '未命名'}）` : ''
  const field = FIELD_LABELS[path[path.length - 1] ?? ''] ?? FIELD_LABELS[path[0] ?? ''] ?? ''
  const hasCjk = /[\u4e00-\u9fff]/.test(issue.message)
  return `${where}${hasCjk ? issue.message : `${field || '设置'}不正确`}`
}

/** A new credit item with a code not used yet. */
export function newItem(s: BranchScheme): SchemeItem {
  let n = s.items.length + 1
  while (s.items.some((i) => i.code === `item-${n}`)) n++
  return {
    code: `item-${n}`,
    name: '',
    kind: 'add',
    points: 1,
    capPerMonth: null,
    capPerYear: null,
    needsApproval: true,
    evidenceRequired: false,
    declarable: true,
    auto: null,
    veto: false,
  }
}

/** "每次+2分 · 每月最多4分 · 党员申报 · 需照片" */
export function itemSummary(i: SchemeItem): string {
  const parts = [`每次${i.kind === 'add' ? '+' : '−'}${i.points}分`]
  if (i.capPerMonth !== null) parts.push(`每月最多${i.capPerMonth}分`)
  if (i.capPerYear !== null) parts.push(`每年最多${i.capPerYear}分`)
  if (i.auto) parts.push(`自动：${SCHEME_AUTO_SOURCE_LABELS[i.auto.source]}`)
  if (i.declarable) parts.push('党员申报')
  if (i.evidenceRequired) parts.push('需照片')
  if (i.veto) parts.push('一票否决')
  return parts.join(' · ')
}

export const bandsSummary = (s: BranchScheme): string => s.bands.map((b) => `${POINTS_BAND_LABELS[b.band]}≥${b.min}`).join('，')
