import type { MemberDues } from '@shared/contract/dues'
import { checkDraft, defaultSelection, monthChoices, totalFen } from './payment-form'

const month = (m: string, status: string, dueFen: number | null) => ({ month: m, status, dueFen }) as MemberDues['history'][number]
const dues = {
  currentMonth: '2026-11',
  window: { earliest: '2026-05', latest: '2027-05', prepayMaxMonths: 6, backpayMaxMonths: 6 },
  reportable: [
    { month: '2026-09', dueFen: 9000 },
    { month: '2026-11', dueFen: 9000 },
    { month: '2026-12', dueFen: 9000 },
  ],
  history: [month('2026-12', 'unpaid', 9000), month('2026-11', 'unpaid', 9000), month('2026-10', 'reported', 9000), month('2026-09', 'overdue', 9000)],
} as Pick<MemberDues, 'reportable' | 'history' | 'currentMonth' | 'window'>

test('a member chooses owed months; the manager also sees reported ones', () => {
  expect(monthChoices(dues, false).map((c) => `${c.month}:${c.kind}`)).toEqual(['2026-09:overdue', '2026-11:current', '2026-12:ahead'])
  expect(monthChoices(dues, true).map((c) => `${c.month}:${c.reported}`)).toEqual(['2026-09:false', '2026-10:true', '2026-11:false', '2026-12:false'])
})

test('overdue and current months are selected first; the total follows the selection', () => {
  const choices = monthChoices(dues, true)
  const picked = defaultSelection(choices)
  expect(picked).toEqual(['2026-09', '2026-11'])
  expect(totalFen(choices, picked)).toBe(18000)
  expect(totalFen(choices, [...picked, '2026-12'])).toBe(27000)
})

test('draft checks', () => {
  const d = { months: ['2026-11'], method: 'cash' as const, paidOn: '2026-11-22', payerName: '', note: '' }
  expect(checkDraft(d, '2026-11-22')).toBeNull()
  expect(checkDraft({ ...d, months: [] }, '2026-11-22')).toBe('请选择要交纳的月份')
  expect(checkDraft({ ...d, method: '' }, '2026-11-22')).toBe('请选择交纳方式')
  expect(checkDraft({ ...d, paidOn: '2026-11-23' }, '2026-11-22')).toBe('交纳日期不能晚于今天')
  expect(checkDraft({ ...d, payerName: '张3' }, '2026-11-22')).toBe('代交人姓名格式不正确')
})
