/**
 * 出勤统计 (支委): every member's year month by month (到 / 假 / 缺 / 免), and, at the top, members with a
 * run of months without taking part — neutral prompts for the 支部 to study, never acted on by the app.
 */
import { useState } from 'react'
import { View, Text, ScrollView } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { meetings as contract } from '@shared/contract/meetings'
import { ROUTES } from '@/constants/routes'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { GRID_CELL } from '@/features/meetings/labels'
import { useGrid } from '@/features/meetings/use-meetings'
import { go } from '@/utils/nav'
import { YearSwitch, beijingYear } from '@/components/YearSwitch'
import '../shared.scss'
import './index.scss'

function Grid({ me }: { me: BoundMe }): React.ReactElement {
  const thisYear = beijingYear()
  const [year, setYear] = useState(thisYear)
  const { data, loading, error, reload } = useGrid(year)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  const groupName = new Map(me.branch.groups.map((g) => [g.id, g.name]))
  const flagged = (data?.rows ?? []).filter((r) => r.flag !== 'none').sort((a, b) => b.run - a.run)

  return (
    <View className='page grid-page' data-testid='grid-page'>
      <YearSwitch year={year} max={thisYear} onChange={setYear} />
      {error && !data ? (
        <PageError message={error.message} onRetry={() => void reload()} />
      ) : loading && !data ? (
        <PageLoading cards={3} />
      ) : !data ? null : (
        <>
          <View className='card' data-testid='flags'>
            <View className='card__title'>需要关注</View>
            {flagged.length === 0 ? (
              <Text className='mt-note'>没有连续缺席的党员。</Text>
            ) : (
              flagged.map((r) => (
                <View key={r.memberId} className='grid-flag' data-testid='flag-row' data-flag={r.flag} onClick={() => go(ROUTES.meetingMember, { memberId: r.memberId, year })}>
                  <View className={`grid-flag__dot grid-flag__dot--${r.flag}`} />
                  <View className='grid-flag__main'>
                    <Text className='grid-flag__name'>
                      {r.name}
                      <Text className='grid-flag__run'> 连续{r.run}个月未参加</Text>
                    </Text>
                    <Text className='grid-flag__text'>{r.flagText}</Text>
                  </View>
                  <Text className='grid-flag__arrow'>›</Text>
                </View>
              ))
            )}
            <Text className='mt-note'>{data.note}</Text>
          </View>

          <View className='card grid-card'>
            <View className='card__title'>
              月度出勤<Text className='card__title-extra'>到 参加 · 假 请假 · 缺 缺席 · 免 免于参会</Text>
            </View>
            {data.rows.length === 0 ? (
              <EmptyState text='暂无党员' icon='users' compact />
            ) : (
              <ScrollView scrollX className='grid-scroll'>
                <View className='grid-table'>
                  <View className='grid-tr grid-tr--head'>
                    <Text className='grid-th grid-th--name'>姓名</Text>
                    {Array.from({ length: 12 }, (_, i) => (
                      <Text key={i} className='grid-th'>
                        {i + 1}月
                      </Text>
                    ))}
                  </View>
                  {data.rows.map((r) => (
                    <View key={r.memberId} className='grid-tr' data-testid='grid-row' onClick={() => go(ROUTES.meetingMember, { memberId: r.memberId, year })}>
                      <View className='grid-td grid-td--name'>
                        <Text className='grid-name'>{r.name}</Text>
                        <Text className='grid-group'>{r.groupId ? (groupName.get(r.groupId) ?? '') : ''}</Text>
                      </View>
                      {r.cells.map((c, i) => (
                        <Text key={i} className={`grid-td grid-cell grid-cell--${GRID_CELL[c].tone}`}>
                          {GRID_CELL[c].short}
                        </Text>
                      ))}
                    </View>
                  ))}
                </View>
              </ScrollView>
            )}
          </View>
        </>
      )}
    </View>
  )
}

export default function AttendanceGridPage(): React.ReactElement {
  return <AccessGate action={contract.actions.attendanceGrid}>{(me) => <Grid me={me} />}</AccessGate>
}
