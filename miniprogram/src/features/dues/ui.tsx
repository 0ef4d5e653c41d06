/**
 * Small display pieces shared by the 党费 pages: the status tag, a month row of the ledger, and the
 * method chips. Styles in `dues.scss`.
 */
import { View, Text } from '@tarojs/components'
import type { DuesMethod, DuesMonth, DuesMonthStatus } from '@shared/contract/dues'
import { DUES_METHODS } from '@shared/contract/dues'
import { formatDate } from '@/utils/format'
import { DUES_METHOD_LABELS, STATUS_LABELS, STATUS_TONE, monthCN, yuan } from './labels'
import './dues.scss'

export function StatusTag({ status, testId }: { status: DuesMonthStatus; testId?: string }): React.ReactElement {
  return (
    <Text className={`tag tag--${STATUS_TONE[status]}`} data-testid={testId}>
      {STATUS_LABELS[status]}
    </Text>
  )
}

/** One ledger month: month, amount, status and how it was paid. */
export function MonthRow({ m }: { m: DuesMonth }): React.ReactElement {
  const detail =
    m.status === 'paid'
      ? `${formatDate(m.paidOn)} · ${m.method ? DUES_METHOD_LABELS[m.method] : ''}${m.payerName ? ` · ${m.payerName}代交` : ''}`
      : m.status === 'reported' && m.report
        ? `您于${formatDate(m.report.paidOn)}报告已${DUES_METHOD_LABELS[m.report.method]}，等待确认`
        : m.status === 'rejected' && m.rejection
          ? `退回原因：${m.rejection.reason}`
          : ''
  return (
    <View className='dues-month' data-testid='dues-month' data-month={m.month} data-status={m.status}>
      <View className='dues-month__main'>
        <Text className='dues-month__month'>{monthCN(m.month)}</Text>
        {detail ? <Text className={`dues-month__detail${m.status === 'rejected' ? ' dues-month__detail--warn' : ''}`}>{detail}</Text> : null}
        {m.shortFen > 0 ? <Text className='dues-month__detail dues-month__detail--warn'>基数调整后需补交 {yuan(m.shortFen)} 元</Text> : null}
      </View>
      <View className='dues-month__side'>
        <Text className='dues-month__amount'>{m.dueFen === null ? '—' : `${yuan(m.status === 'paid' ? m.paidFen : m.dueFen)} 元`}</Text>
        <StatusTag status={m.status} />
      </View>
    </View>
  )
}

export function MethodChips({ value, onChange, name = 'method' }: { value: DuesMethod | ''; onChange: (m: DuesMethod) => void; name?: string }): React.ReactElement {
  return (
    <View className='dues-chips'>
      {DUES_METHODS.map((m) => (
        <View
          key={m}
          className={`dues-chip${m === value ? ' dues-chip--on' : ''}`}
          data-testid={`${name}-${m}`}
          role='radio'
          aria-checked={m === value}
          onClick={() => onChange(m)}
        >
          <Text>{DUES_METHOD_LABELS[m]}</Text>
        </View>
      ))}
    </View>
  )
}

/** Month chips for choosing what a payment covers; shows each month's amount. */
export function MonthPicker({
  choices,
  selected,
  onToggle,
}: {
  choices: readonly { month: string; dueFen: number; kind: 'overdue' | 'current' | 'ahead'; reported?: boolean }[]
  selected: readonly string[]
  onToggle: (month: string) => void
}): React.ReactElement {
  return (
    <View className='dues-months-pick' data-testid='month-picker'>
      {choices.map((c) => {
        const on = selected.includes(c.month)
        return (
          <View
            key={c.month}
            className={`dues-month-chip${on ? ' dues-month-chip--on' : ''} dues-month-chip--${c.kind}`}
            data-testid={`pick-${c.month}`}
            role='checkbox'
            aria-checked={on}
            onClick={() => onToggle(c.month)}
          >
            <Text className='dues-month-chip__month'>{monthCN(c.month)}</Text>
            <Text className='dues-month-chip__amount'>
              {yuan(c.dueFen)}元{c.kind === 'overdue' ? ' · 补交' : c.kind === 'ahead' ? ' · 预交' : ''}
              {c.reported ? ' · 已报告' : ''}
            </Text>
          </View>
        )
      })}
    </View>
  )
}
