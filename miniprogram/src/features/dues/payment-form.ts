/**
 * The 预交 / 补交 dialog and the "我已缴纳" page: which months can be chosen (owed, within the window),
 * the total, and the checks before sending. The server checks again; this only helps the member.
 */
import type { DuesMethod, MemberDues } from '@shared/contract/dues'

export interface MonthChoice {
  month: string
  dueFen: number
  /** Past the collection day (补交) / a future month (预交). */
  kind: 'overdue' | 'current' | 'ahead'
  /** Already reported by the member (the manager may still record it). */
  reported: boolean
}

/** Months the caller may pick: owed months in the window; `includeReported` for the 党费管理员. */
export function monthChoices(d: Pick<MemberDues, 'reportable' | 'history' | 'currentMonth' | 'window'>, includeReported: boolean): MonthChoice[] {
  const kind = (m: string): MonthChoice['kind'] => (m < d.currentMonth ? 'overdue' : m === d.currentMonth ? 'current' : 'ahead')
  const out: MonthChoice[] = d.reportable.map((r) => ({ month: r.month, dueFen: r.dueFen, kind: kind(r.month), reported: false }))
  if (includeReported) {
    for (const h of d.history) {
      if (h.status === 'reported' && h.dueFen !== null && h.month >= d.window.earliest && h.month <= d.window.latest) {
        out.push({ month: h.month, dueFen: h.dueFen, kind: kind(h.month), reported: true })
      }
    }
  }
  return out.sort((a, b) => (a.month < b.month ? -1 : 1))
}

/** The months selected first: every overdue month and the current one (what a member usually pays). */
export function defaultSelection(choices: readonly MonthChoice[]): string[] {
  const due = choices.filter((c) => c.kind !== 'ahead' && !c.reported).map((c) => c.month)
  return due.length ? due : choices.slice(0, 1).map((c) => c.month)
}

export const totalFen = (choices: readonly MonthChoice[], selected: readonly string[]): number =>
  choices.filter((c) => selected.includes(c.month)).reduce((s, c) => s + c.dueFen, 0)

export interface PaymentDraft {
  months: string[]
  method: DuesMethod | ''
  paidOn: string
  payerName: string
  note: string
}

/** The first problem with a draft, in Chinese, or null. */
export function checkDraft(d: PaymentDraft, today: string): string | null {
  if (d.months.length === 0) return '请选择要交纳的月份'
  if (d.method === '') return '请选择交纳方式'
  if (d.paidOn === '') return '请选择交纳日期'
  if (d.paidOn > today) return '交纳日期不能晚于今天'
  if (d.payerName.trim() !== '' && /[\d<>]/.test(d.payerName)) return '代交人姓名格式不正确'
  return null
}
