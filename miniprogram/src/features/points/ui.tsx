/** Small pieces the 积分 pages share: status tag, an entry row, the monthly bar chart */
import { View, Text } from '@tarojs/components'
import type { EntryView } from '@shared/contract/points'
import { barChart } from './chart'
import { entryPoints, STATUS_TONES, statusLabel } from './labels'
import './points.scss'

export function StatusTag({ status, testId }: { status: EntryView['status']; testId?: string }): React.ReactElement {
  return (
    <Text className={`tag tag--${STATUS_TONES[status]}`} data-testid={testId}>
      {statusLabel(status)}
    </Text>
  )
}

export function EntryRow({ e, onClick, showMember = false }: { e: EntryView; onClick?: () => void; showMember?: boolean }): React.ReactElement {
  const p = entryPoints(e)
  return (
    <View className='pts-entry' data-testid='entry-row' data-entry-id={e.id} data-status={e.status} onClick={onClick}>
      <View className='pts-entry__main'>
        <Text className='pts-entry__item'>
          {showMember ? `${e.memberName} · ` : ''}
          {e.itemName}
          {e.count > 1 ? ` ×${e.count}` : ''}
        </Text>
        {e.description ? <Text className='pts-entry__desc'>{e.description}</Text> : null}
        {e.capNote ? <Text className='pts-entry__note'>{e.capNote}</Text> : null}
      </View>
      <View className='pts-entry__side'>
        <Text className={`pts-entry__points${p.counts ? '' : ' pts-entry__points--muted'}${e.kind === 'deduct' && p.counts ? ' pts-entry__points--minus' : ''}`}>{p.text}</Text>
        {e.status === 'approved' && e.origin === 'auto' ? <Text className='pts-entry__auto'>自动</Text> : <StatusTag status={e.status} />}
      </View>
    </View>
  )
}

/** Twelve bars of net points per month; the current month highlighted. */
export function MonthBars({ months, current, testId }: { months: { month: string; net: number }[]; current?: string; testId?: string }): React.ReactElement {
  const chart = barChart(months.map((m) => ({ month: m.month, value: m.net })))
  return (
    <View className='pts-chart' data-testid={testId}>
      <View className='pts-chart__plot'>
        <View className='pts-chart__axis' style={{ top: `${chart.axisPct}%` }} />
        {chart.bars.map((b) => (
          <View key={b.month} className='pts-chart__col'>
            {b.value !== 0 ? (
              // Negative values sit just above the axis, so they never run into the month labels.
              <Text className='pts-chart__value' style={{ bottom: `${100 - chart.axisPct + (b.negative ? 0 : b.heightPct)}%` }}>
                {Math.round(b.value * 10) / 10}
              </Text>
            ) : null}
            <View
              className={`pts-chart__bar${b.negative ? ' pts-chart__bar--neg' : ''}${b.month === current ? ' pts-chart__bar--current' : ''}`}
              style={b.negative ? { top: `${chart.axisPct}%`, height: `${b.heightPct}%` } : { bottom: `${100 - chart.axisPct}%`, height: `${b.heightPct}%` }}
            />
          </View>
        ))}
      </View>
      <View className='pts-chart__labels'>
        {chart.bars.map((b) => (
          <Text key={b.month} className={`pts-chart__label${b.month === current ? ' pts-chart__label--current' : ''}`}>
            {Number(b.month.slice(5))}
          </Text>
        ))}
      </View>
    </View>
  )
}
