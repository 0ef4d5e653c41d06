/**
 * Chinese labels for the org domain's codes (status, gender, dues category, profile, 主题党日 rule).
 * Role labels come from the shared contract (`ROLE_LABELS`), so client and server say the same thing.
 */
import type { BranchRole, MemberStatus } from '@shared/contract/roles'
import { ROLE_LABELS, BRANCH_ROLES } from '@shared/contract/roles'
import type { DuesCategory } from '@shared/contract/org'
import type { ProfileId } from '@shared/profiles/ids'
import type { ThemeDayRule } from '@shared/rules/theme-day-rule'

export const STATUS_LABELS: Record<MemberStatus, string> = { formal: '正式党员', probationary: '预备党员' }
export const STATUS_SHORT: Record<MemberStatus, string> = { formal: '正式', probationary: '预备' }

export const GENDER_LABELS: Record<'male' | 'female', string> = { male: '男', female: '女' }

/** Categories of 中组发〔2008〕3号 (docs/DOMAIN.md §3). */
export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  employed: '在职',
  'annual-salary': '年薪制',
  'self-employed': '个体经营等',
  retired: '离退休',
  farmer: '农民',
  student: '学生',
  unemployed: '下岗失业',
  relief: '依靠抚恤或救济生活',
  'low-income': '领取最低生活保障金',
}

/** Rule-set profiles (docs/DOMAIN.md §0). */
export const PROFILE_LABELS: Record<ProfileId, string> = {
  'national-2018': '全国通用（支部工作条例）',
  'hunan-wuhua-2018': '湖南“五化”建设',
  'college-sany-2018': '高职院校“五化”方案',
  'college-zj-2019': '职业院校“两化一创”',
  'village-2019': '农村党支部规范化',
}

/** Roles in display order, with their labels. */
export const ROLE_OPTIONS: { value: BranchRole; label: string }[] = BRANCH_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))

export const roleLabels = (roles: readonly BranchRole[]): string[] => BRANCH_ROLES.filter((r) => roles.includes(r)).map((r) => ROLE_LABELS[r])

const WEEKDAYS = ['', '一', '二', '三', '四', '五', '六', '日']
const NTH = { 1: '第一个', 2: '第二个', 3: '第三个', 4: '第四个', 5: '第五个', [-1]: '最后一个' } as Record<number, string>
const LUNAR_DAYS = [
  '', '初一', '初二', '初三', '初四', '初五', '初六', '初七', '初八', '初九', '初十',
  '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十',
  '廿一', '廿二', '廿三', '廿四', '廿五', '廿六', '廿七', '廿八', '廿九', '三十',
]

export const WEEKDAY_LABELS = WEEKDAYS.slice(1).map((w) => `星期${w}`)
export const lunarDayLabel = (day: number): string => `农历${LUNAR_DAYS[day] ?? day}`

/** "每月26日（遇节假日顺延）" — how a branch's 主题党日 rule reads (docs/DOMAIN.md §2). */
export function themeDayRuleLabel(rule: ThemeDayRule): string {
  const base =
    rule.kind === 'day-of-month'
      ? `每月${rule.day}日`
      : rule.kind === 'nth-weekday'
        ? `每月${NTH[rule.n] ?? ''}星期${WEEKDAYS[rule.weekday] ?? ''}`
        : `每月${lunarDayLabel(rule.day)}`
  return rule.shiftIfHoliday ? `${base}（遇节假日顺延）` : base
}
