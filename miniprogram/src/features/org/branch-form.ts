/**
 * The 支部设置 form: editable state for a branch's profile, 主题党日 rule, term, dues day and 党小组,
 * conversion to the `org.updateBranch` input, and validation with that action's own contract schema.
 */
import { org, type BranchView } from '@shared/contract/org'
import type { InputOf } from '@shared/contract/define'
import type { ProfileId } from '@shared/profiles/ids'
import type { ThemeDayRule } from '@shared/rules/theme-day-rule'

export type UpdateBranchInput = InputOf<typeof org.actions.updateBranch>

export type RuleKind = ThemeDayRule['kind']
export type NthWeek = 1 | 2 | 3 | 4 | 5 | -1

export interface GroupDraft {
  /** Stable key for the list (the id for saved groups). */
  key: string
  id?: string
  name: string
  leaderId: string | null
}

export interface BranchForm {
  name: string
  profileId: ProfileId
  ruleKind: RuleKind
  day: number
  n: NthWeek
  weekday: number
  lunarDay: number
  shiftIfHoliday: boolean
  termStartedAt: string
  termEndsAt: string
  duesDay: number
  groups: GroupDraft[]
}

export function formFromBranch(b: BranchView): BranchForm {
  const r = b.themeDayRule
  return {
    name: b.name,
    profileId: b.profileId,
    ruleKind: r.kind,
    day: r.kind === 'day-of-month' ? r.day : 26,
    n: r.kind === 'nth-weekday' ? r.n : 2,
    weekday: r.kind === 'nth-weekday' ? r.weekday : 5,
    lunarDay: r.kind === 'lunar-day' ? r.day : 8,
    shiftIfHoliday: r.shiftIfHoliday ?? false,
    termStartedAt: b.termStartedAt ?? '',
    termEndsAt: b.termEndsAt ?? '',
    duesDay: b.duesDay,
    groups: b.groups.map((g) => ({ key: g.id, id: g.id, name: g.name, leaderId: g.leaderId })),
  }
}

export function ruleFromForm(f: BranchForm): ThemeDayRule {
  const shift = f.shiftIfHoliday
  if (f.ruleKind === 'nth-weekday') return { kind: 'nth-weekday', n: f.n, weekday: f.weekday, shiftIfHoliday: shift }
  if (f.ruleKind === 'lunar-day') return { kind: 'lunar-day', day: f.lunarDay, shiftIfHoliday: shift }
  return { kind: 'day-of-month', day: f.day, shiftIfHoliday: shift }
}

export function inputFromForm(f: BranchForm): UpdateBranchInput {
  return {
    name: f.name.trim(),
    profileId: f.profileId,
    themeDayRule: ruleFromForm(f),
    termStartedAt: f.termStartedAt === '' ? null : f.termStartedAt,
    termEndsAt: f.termEndsAt === '' ? null : f.termEndsAt,
    duesDay: f.duesDay,
    groups: f.groups.map((g) => (g.id ? { id: g.id, name: g.name.trim(), leaderId: g.leaderId } : { name: g.name.trim(), leaderId: g.leaderId })),
  }
}

const FIELD_LABELS: Record<string, string> = {
  name: '支部名称',
  profileId: '规则版本',
  themeDayRule: '主题党日',
  termStartedAt: '任期开始日期',
  termEndsAt: '任期届满日期',
  duesDay: '党费缴纳日',
  groups: '党小组',
}

const hasChinese = (s: string): boolean => /[\u4e00-\u9fff]/.test(s)

/** `null` if the server would accept the input, else one Chinese sentence naming the field. */
export function checkBranchForm(f: BranchForm): string | null {
  if (f.termStartedAt && f.termEndsAt && f.termEndsAt <= f.termStartedAt) return '任期届满日期应晚于开始日期'
  const names = f.groups.map((g) => g.name.trim())
  if (new Set(names).size !== names.length) return '党小组名称不能重复'
  const parsed = org.actions.updateBranch.input.safeParse(inputFromForm(f))
  if (parsed.success) return null
  const issue = parsed.error.issues[0]
  if (!issue) return '填写的内容有误'
  const head = String(issue.path[0] ?? '')
  const label = FIELD_LABELS[head] ?? ''
  if (head === 'groups' && typeof issue.path[1] === 'number') {
    return `第${issue.path[1] + 1}个党小组：${hasChinese(issue.message) ? issue.message : '名称有误'}`
  }
  return hasChinese(issue.message) ? `${label}${label ? '：' : ''}${issue.message}` : `${label || '填写的内容'}有误，请检查`
}
