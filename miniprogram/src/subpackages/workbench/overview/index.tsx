/**
 * 各支部工作概况 (上级党委 admins): every branch below the caller's 党委 side by side — 三会一课 达标率 and
 * gaps, attendance, 党费 collected vs due and arrears, 民主评议 and 换届 — sortable by any column (tap the
 * header; again to reverse). A row opens that branch's 工作台 read-only. One API call.
 */
import { useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { workbench, type OverviewRow } from '@shared/contract/workbench'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { EVALUATION_LABELS, pct, yuan } from '@/features/workbench/format'
import { WB } from '@/features/workbench/fix-route'
import { OVERVIEW_COLUMNS, nextSort, sortOverview, type OverviewSort } from '@/features/workbench/overview-sort'
import { useOverview } from '@/features/workbench/use-workbench'
import { go } from '@/utils/nav'
import { WorkbenchGate } from '../Gate'
import { YearSwitch, beijingYear } from '@/components/YearSwitch'
import '../shared.scss'
import './index.scss'

const REELECTION_SHORT: Record<OverviewRow['reelection']['status'], string> = { ok: '任期内', 'due-soon': '即将届满', overdue: '已到期', 'hard-overdue': '超期一年', 'no-term': '请设置' }

const reelectionText = (r: OverviewRow['reelection']): string =>
  r.daysLeft === null ? '未设任期' : r.daysLeft < 0 ? `超期${-r.daysLeft}天` : `${r.daysLeft}天`

function Overview(): React.ReactElement {
  const thisYear = beijingYear()
  const [year, setYear] = useState(thisYear)
  const [sort, setSort] = useState<OverviewSort>({ key: 'complianceRate', dir: 'asc' })
  const { data, error, reload } = useOverview(year)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  const rows = useMemo(() => sortOverview(data?.rows ?? [], sort), [data, sort])
  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (!data) return <View className='page'><PageLoading cards={3} /></View>
  const members = data.rows.reduce((s, r) => s + r.members, 0)
  const overdue = data.rows.filter((r) => r.overdue > 0).length
  return (
    <View className='page wb-overview' data-testid='wb-overview'>
      <View className='card'>
        <Text className='wb-head__name'>{data.orgs.map((o) => o.name).join('、') || '上级党组织'}</Text>
        <Text className='wb-head__sub'>
          {data.rows.length}个党支部 · {members}名党员 · {overdue}个支部有逾期未开的会议
        </Text>
      </View>
      <YearSwitch testId='wb-year' year={year} max={thisYear} onChange={setYear} />
      {rows.length === 0 ? (
        <EmptyState text='您管理的党组织下还没有党支部' />
      ) : (
        <View className='card wb-ov'>
          <View className='wb-ov__row wb-ov__row--head'>
            {OVERVIEW_COLUMNS.map((c) => (
              <Text key={c.key} className={`wb-ov__c wb-ov__c--${c.key}${sort.key === c.key ? ' wb-ov__c--sorted' : ''}`} data-testid={`wb-sort-${c.key}`} onClick={() => setSort((s) => nextSort(s, c.key))}>
                {c.label}
                {sort.key === c.key ? (sort.dir === 'asc' ? ' ↑' : ' ↓') : ''}
              </Text>
            ))}
          </View>
          {rows.map((r) => (
            <View key={r.branchId} className='wb-ov__row' data-testid='wb-overview-row' data-branch={r.branchId} onClick={() => go(WB.dashboard, { branchId: r.branchId, year: String(year) })}>
              <View className='wb-ov__c wb-ov__c--name'>
                <Text className='wb-ov__name'>{r.name}</Text>
                <Text className='wb-ov__small'>
                  {r.members}人 · 评议{EVALUATION_LABELS[r.evaluation]}
                </Text>
              </View>
              <View className='wb-ov__c wb-ov__c--complianceRate'>
                <Text className={r.overdue > 0 ? 'wb-ov__bad' : ''}>{pct(r.complianceRate)}</Text>
                <Text className='wb-ov__small'>{r.overdue > 0 ? `逾期${r.overdue}` : '无逾期'}</Text>
              </View>
              <View className='wb-ov__c wb-ov__c--attendanceRate'>
                <Text>{pct(r.attendanceRate)}</Text>
              </View>
              <View className='wb-ov__c wb-ov__c--duesRate'>
                <Text>{pct(r.duesRate)}</Text>
                <Text className='wb-ov__small'>{r.arrears > 0 ? `欠交${r.arrears}人` : yuan(r.paidFen)}</Text>
              </View>
              <View className='wb-ov__c wb-ov__c--reelection'>
                <Text className={r.reelection.status === 'ok' ? '' : 'wb-ov__bad'}>{reelectionText(r.reelection)}</Text>
                <Text className='wb-ov__small'>{REELECTION_SHORT[r.reelection.status]}</Text>
              </View>
            </View>
          ))}
          <Text className='wb-note'>点击表头排序；点击一行查看该支部工作台（只读）。三会一课为已结束周期的达标比例。</Text>
        </View>
      )}
    </View>
  )
}

export default function OverviewPage(): React.ReactElement {
  return <WorkbenchGate action={workbench.actions.overview}>{() => <Overview />}</WorkbenchGate>
}
