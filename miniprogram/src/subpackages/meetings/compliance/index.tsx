/**
 * 达标情况 (支委): for each requirement of the branch's rule set, every period of the year — held vs
 * required — with the periods still missing and those overdue called out first.
 */
import { useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { meetings as contract, type Compliance } from '@shared/contract/meetings'
import { AccessGate } from '@/components/AccessGate'
import { Chip } from '@/features/meetings/components/MeetingCard'
import { PageError, PageLoading } from '@/components/PageState'
import { COMPLIANCE_STATUS } from '@/features/meetings/labels'
import { useCompliance } from '@/features/meetings/use-meetings'
import { YearSwitch, beijingYear } from '@/components/YearSwitch'
import '../shared.scss'
import './index.scss'

type Row = Compliance['rows'][number]

function Report(): React.ReactElement {
  const thisYear = beijingYear()
  const [year, setYear] = useState(thisYear)
  const { data, loading, error, reload } = useCompliance(year)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  const groups = useMemo(() => {
    const out = new Map<string, Row[]>()
    for (const r of data?.rows ?? []) out.set(r.requirement, [...(out.get(r.requirement) ?? []), r])
    return [...out]
  }, [data])
  const attention = (data?.rows ?? []).filter((r) => r.status === 'overdue' || r.status === 'missing')

  return (
    <View className='page compliance' data-testid='compliance-page'>
      <YearSwitch year={year} max={thisYear + 1} onChange={setYear} />
      {error && !data ? (
        <PageError message={error.message} onRetry={() => void reload()} />
      ) : loading && !data ? (
        <PageLoading cards={3} />
      ) : !data ? null : (
        <>
          <View className='card'>
            <View className='card__title'>
              {data.profileName}
              <Text className='card__title-extra'>截至{data.today}</Text>
            </View>
            <View className='mt-counts'>
              {(['held', 'missing', 'overdue', 'upcoming'] as const).map((k) => (
                <View key={k}>
                  <Text className={`mt-count__num compliance__num--${k}`}>{data.summary[k]}</Text>
                  <Text className='mt-count__label'>{COMPLIANCE_STATUS[k].label}</Text>
                </View>
              ))}
            </View>
          </View>
          {attention.length > 0 ? (
            <View className='card' data-testid='compliance-attention'>
              <View className='card__title'>需要安排</View>
              {attention.map((r) => (
                <View key={`${r.requirement}-${r.periodKey}`} className='compliance__line'>
                  <Text className='compliance__period'>
                    {r.periodLabel} · {r.requirement}
                  </Text>
                  <Chip tone={COMPLIANCE_STATUS[r.status].tone}>
                    {COMPLIANCE_STATUS[r.status].label} {r.held}/{r.required}
                  </Chip>
                </View>
              ))}
            </View>
          ) : null}
          {groups.map(([requirement, rows]) => (
            <View className='card' key={requirement} data-testid='compliance-group'>
              <View className='card__title'>{requirement}</View>
              <View className='compliance__periods'>
                {rows.map((r) => (
                  <View key={r.periodKey} className={`compliance__cell compliance__cell--${r.status}`}>
                    <Text className='compliance__cell-label'>{r.periodLabel.replace(`${year}年`, '')}</Text>
                    <Text className='compliance__cell-count'>
                      {r.held}/{r.required}
                    </Text>
                  </View>
                ))}
              </View>
            </View>
          ))}
        </>
      )}
    </View>
  )
}

export default function CompliancePage(): React.ReactElement {
  return <AccessGate action={contract.actions.compliance}>{() => <Report />}</AccessGate>
}
