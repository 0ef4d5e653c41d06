/**
 * 党费管理 (党费管理员 / 书记): this month at a glance, entries to 核定, 收缴登记, 待确认, 欠交 and 公示,
 * and the .xlsx exports (登记表, 半年汇总, 核算表) with progress.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { dues } from '@shared/contract/dues'
import { lastClosedDuesPeriod } from '@shared/rules/dues/publication'
import { beijingDate, beijingMonth } from '@shared/rules/time'
import { ROUTES } from '@/constants/routes'
import { AccessGate } from '@/components/AccessGate'
import { EntryGrid, type Entry } from '@/components/EntryGrid'
import { monthCN, yuan } from '@/features/dues/labels'
import { PHASE_LABELS } from '@/features/dues/use-export'
import { useCollection, useDuesTodos } from '@/features/dues/use-dues'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import { go } from '@/utils/nav'
import '@/features/dues/dues.scss'
import { useDuesFileExport, type DuesExportInput } from '@/features/dues/use-dues-file-export'
import './index.scss'

function Hub(): React.ReactElement {
  // The phone's clock in Beijing time picks the month shown; the server decides what is due.
  const [month] = useState(() => beijingMonth(new Date()))
  const col = useCollection(month)
  const todos = useDuesTodos()
  const exporter = useDuesFileExport()
  useReloadOnReturn(todos.reload, col.reload)
  const reports = todos.data?.items.find((i) => i.kind === 'review-reports')
  const t = col.data?.totals
  const today = beijingDate(new Date())
  const year = Number(today.slice(0, 4))
  const half = lastClosedDuesPeriod(today, 'half-year')

  const entries: Entry[] = [
    { key: 'collection', label: '收缴登记', icon: 'wallet', onClick: () => go(ROUTES.duesCollection) },
    { key: 'reports', label: reports ? `待确认(${reports.title.replace(/\D+/g, '')})` : '待确认', icon: 'check', onClick: () => go(ROUTES.duesReports) },
    { key: 'arrears', label: '欠交提醒', icon: 'bell', onClick: () => go(ROUTES.duesArrears) },
    { key: 'base-review', label: '基数核定', icon: 'clipboard', onClick: () => go(ROUTES.duesBaseReview) },
    { key: 'import', label: '导入核算', icon: 'plus', onClick: () => go(ROUTES.duesImport) },
    { key: 'publish', label: '收缴公示', icon: 'flag', onClick: () => go(ROUTES.duesPublish) },
  ]

  const exportKinds: { key: string; label: string; input: DuesExportInput }[] = [
    { key: 'ledger', label: `${year}年党费交纳登记表`, input: { kind: 'ledger', year } },
    { key: 'summary', label: `${half.label}收缴汇总`, input: { kind: 'summary', year, period: half.key } },
    { key: 'base-review', label: `${year}年党费核算表`, input: { kind: 'base-review', year } },
  ]
  const s = exporter.state

  return (
    <View className='page dues-hub' data-testid='dues-admin-page'>
      <View className='card dues-hub__month' onClick={() => go(ROUTES.duesCollection)}>
        <View className='card__title'>
          <Text>{monthCN(month)}收缴情况</Text>
          <Text className='card__title-extra'>登记 ›</Text>
        </View>
        <View className='dues-hub__stats'>
          <View className='dues-hub__stat'>
            <Text className='dues-hub__stat-value'>{t ? yuan(t.paidFen) : '—'}</Text>
            <Text className='dues-hub__stat-label'>已收（元）</Text>
          </View>
          <View className='dues-hub__stat'>
            <Text className='dues-hub__stat-value'>{t ? yuan(t.dueFen) : '—'}</Text>
            <Text className='dues-hub__stat-label'>应收（元）</Text>
          </View>
          <View className='dues-hub__stat'>
            <Text className='dues-hub__stat-value'>{t ? `${t.paid}/${t.members - t.untracked}` : '—'}</Text>
            <Text className='dues-hub__stat-label'>已交（人）</Text>
          </View>
        </View>
      </View>

      {todos.data && todos.data.items.filter((i) => i.target !== 'mine').length > 0 ? (
        <View className='card'>
          <View className='card__title'>待办</View>
          {todos.data.items
            .filter((i) => i.target !== 'mine')
            .map((i) => (
              <View key={i.key} className='dues-hub__todo' onClick={() => go(i.target === 'reports' ? ROUTES.duesReports : i.target === 'arrears' ? ROUTES.duesArrears : ROUTES.duesBaseReview)}>
                <Text className={`dues-hub__todo-title${i.kind === 'arrears-flag' ? ' dues-hub__todo-title--flag' : ''}`}>{i.title}</Text>
                <Text className='dues-hint'>{i.detail}</Text>
              </View>
            ))}
        </View>
      ) : null}

      <View className='card'>
        <EntryGrid entries={entries} />
      </View>

      <View className='card' data-testid='exports'>
        <View className='card__title'>导出 Excel</View>
        {exportKinds.map((k) => {
          const mine = s.key === k.key
          return (
            <View key={k.key} className='dues-hub__export'>
              <View className='dues-hub__export-main'>
                <Text className='dues-hub__export-label'>{k.label}</Text>
                {mine && s.phase !== 'idle' ? (
                  <View className='dues-hub__progress' data-testid={`export-progress-${k.key}`} data-phase={s.phase}>
                    <View className='dues-hub__bar'>
                      <View className={`dues-hub__bar-fill${s.phase === 'error' ? ' dues-hub__bar-fill--error' : ''}`} style={{ width: `${s.phase === 'error' ? 100 : s.percent}%` }} />
                    </View>
                    <Text className={`dues-hint${s.phase === 'error' ? ' dues-hub__err' : ''}`}>{s.phase === 'error' ? s.error : `${PHASE_LABELS[s.phase]} ${s.percent}%`}</Text>
                  </View>
                ) : null}
              </View>
              <Button
                size='small'
                type='primary'
                fill='outline'
                loading={mine && (s.phase === 'generating' || s.phase === 'downloading')}
                disabled={s.phase === 'generating' || s.phase === 'downloading'}
                data-testid={`export-${k.key}`}
                onClick={() =>
                  void exporter.run(k.key, k.input).then((ok) => {
                    if (ok) void Taro.showToast({ title: '已导出', icon: 'success' })
                  })
                }
              >
                导出
              </Button>
            </View>
          )
        })}
        <Text className='dues-hint'>登记表含各党员基数，仅供党费管理员和书记使用，请妥善保管。</Text>
      </View>
    </View>
  )
}

export default function DuesAdminPage(): React.ReactElement {
  return <AccessGate action={dues.actions.collection}>{() => <Hub />}</AccessGate>
}
