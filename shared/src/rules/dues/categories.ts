/**
 * 党费 categories (中组发〔2008〕3号, docs/DOMAIN.md §3): their full and short Chinese names, what the base is
 * for each, which pay a rate on a base, and reading a category as typed in a 《党员缴纳党费核算表》.
 */
import { DUES_CATEGORIES, type DuesCategory } from '../../contract/org'

export { DUES_CATEGORIES, type DuesCategory }

export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  employed: '在职党员',
  'annual-salary': '实行年薪制的党员',
  'self-employed': '个体经营者等',
  retired: '离退休党员',
  farmer: '农民党员',
  student: '学生党员',
  unemployed: '下岗失业党员',
  relief: '依靠抚恤或救济生活的党员',
  'low-income': '领取低保的党员',
}

/** What the base is for each category (shown next to the input). */
export const DUES_BASE_LABELS: Partial<Record<DuesCategory, string>> = {
  employed: '每月工资收入（税后）',
  'annual-salary': '当月实际领取的薪酬（税后）',
  'self-employed': '上季度月平均纯收入（税后）',
  retired: '每月离退休费（养老金）总额',
}

/** Short category names as written in a 核算表 (and in our exports, so a file round-trips). */
export const DUES_CATEGORY_SHORT: Record<DuesCategory, string> = {
  employed: '在职',
  'annual-salary': '年薪制',
  'self-employed': '个体经营',
  retired: '离退休',
  farmer: '农民',
  student: '学生',
  unemployed: '下岗失业',
  relief: '抚恤救济',
  'low-income': '低保',
}

/** Categories whose monthly amount is a rate on a base (the others pay a fixed amount). */
export const RATE_DUES_CATEGORIES: readonly DuesCategory[] = ['employed', 'annual-salary', 'self-employed', 'retired']

export const isRateCategory = (c: DuesCategory): boolean => RATE_DUES_CATEGORIES.includes(c)

/** Extra words a 核算表 may use for a category, beyond the full and short names. */
const CATEGORY_ALIASES: Record<string, DuesCategory> = {
  在职人员: 'employed',
  在岗: 'employed',
  工资: 'employed',
  年薪: 'annual-salary',
  个体: 'self-employed',
  个体户: 'self-employed',
  个体经营者: 'self-employed',
  退休: 'retired',
  离休: 'retired',
  离退休人员: 'retired',
  农民党员: 'farmer',
  学生党员: 'student',
  下岗: 'unemployed',
  失业: 'unemployed',
  抚恤: 'relief',
  救济: 'relief',
  领取低保: 'low-income',
}

/** Reads a category as typed in a spreadsheet (`在职`, `离退休党员`, `低保` …); null when unknown. */
export function parseDuesCategory(text: string): DuesCategory | null {
  const t = text.replace(/\s+/g, '')
  if (t === '') return null
  for (const c of DUES_CATEGORIES) if (t === c || t === DUES_CATEGORY_SHORT[c] || t === DUES_CATEGORY_LABELS[c]) return c
  return CATEGORY_ALIASES[t] ?? CATEGORY_ALIASES[t.replace(/党员$/, '')] ?? null
}
