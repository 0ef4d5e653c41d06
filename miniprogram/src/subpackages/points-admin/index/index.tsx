/**
 * 积分管理 (支委): the year at a glance — band distribution, the branch's monthly average, each quarter's
 * 公示 state, and the ranking with ties (visible to the 支委 only; 离退休 / 长期卧病 / 长期外出 shown apart).
 * Links to the review queue, the scheme editor and recording 志愿服务. The 书记 may publish the ranking.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Switch } from '@nutui/nutui-react-taro'
import { points, type YearView } from '@shared/contract/points'
import { ROUTES } from '@/constants/routes'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { Icon, type IconName } from '@/components/Icon'
import { can } from '@/features/org/permissions'
import { MonthBars } from '@/features/points/ui'
import { useYearView } from '@/features/points/use-points'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import { formatDate } from '@/utils/format'
import { go } from '@/utils/nav'
import '@/styles/nutui-forms'
import '@/features/points/points.scss'
import { useUpdateSettings } from '@/features/points/use-update-settings'
import './index.scss'
import { beijingYear } from '@shared/rules/time'

const PERIOD_STATES: Record<YearView['periods'][number]['status'], { text: string; tone: string }> = {
  open: { text: '未结束', tone: 'grey' },
  ready: { text: '待公示', tone: 'red' },
  publicity: { text: '公示中', tone: 'orange' },
  final: { text: '已确定', tone: 'green' },
}

function Tile({ icon, title, testId, onClick }: { icon: IconName; title: string; testId: string; onClick: () => void }): React.ReactElement {
  return (
    <View className='pa-tile' data-testid={testId} onClick={onClick}>
      <Icon name={icon} size={26} color='#c8161d' />
      <Text className='pa-tile__text'>{title}</Text>
    </View>
  )
}

function RankRow({ r }: { r: YearView['ranked'][number] }): React.ReactElement {
  return (
    <View className='pa-rank' data-testid='rank-row' data-member-id={r.memberId} onClick={() => go(ROUTES.pointsHome, { memberId: r.memberId })}>
      <Text className='pa-rank__rank'>{r.rank ?? '—'}</Text>
      <Text className='pa-rank__name'>
        {r.name}
        {r.excludedLabel ? <Text className='pa-rank__why'> {r.excludedLabel}</Text> : null}
      </Text>
      <Text className={`tag tag--${r.band === 'unqualified' ? 'red' : r.band === 'excellent' ? 'green' : 'grey'}`}>{r.bandLabel}</Text>
      <Text className='pa-rank__total'>{r.total}</Text>
    </View>
  )
}

function Admin({ me }: { me: BoundMe }): React.ReactElement {
  const thisYear = beijingYear(Date.now())
  const [year, setYear] = useState(thisYear)
  const { data, error, reload, setData } = useYearView(year)
  const settings = useUpdateSettings()
  useReloadOnReturn(reload)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const toggleRanking = async (on: boolean): Promise<void> => {
    if (!data) return
    const { confirm } = await Taro.showModal({
      title: on ? '公开积分排名' : '取消公开排名',
      content: on ? '全体党员将能看到支部积分排名。积分排名容易流于形式，请慎重。确定公开？' : '党员将只能看到本人的积分和等次。',
      confirmText: '确定',
      confirmColor: '#c8161d',
    })
    if (!confirm) return
    const r = await settings.run({ publishRanking: on })
    if (r) setData({ ...data, settings: r })
  }

  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (!data) return <View className='page'><PageLoading cards={3} /></View>

  return (
    <View className='page points-admin' data-testid='points-admin-page'>
      <View className='pa-years'>
        {[thisYear, thisYear - 1].map((y) => (
          <Text key={y} className={`pts-chip${y === year ? ' pts-chip--on' : ''}`} onClick={() => setYear(y)}>
            {y}年
          </Text>
        ))}
      </View>

      <View className='card pa-tiles'>
        <Tile icon='check' title='审核申报' testId='go-review' onClick={() => go(ROUTES.pointsReview)} />
        <Tile icon='sliders' title='积分方案' testId='go-scheme' onClick={() => go(ROUTES.pointsScheme)} />
        <Tile icon='plus' title='登记记分' testId='go-record' onClick={() => go(ROUTES.pointsRecord)} />
      </View>

      {!data.schemeName ? (
        <View className='card'>
          <View className='pts-warn'>支部尚未发布积分方案。请在“积分方案”中从预设方案开始编辑并发布。</View>
        </View>
      ) : (
        <>
          <View className='card'>
            <View className='card__title'>
              <Text>等次分布</Text>
              <Text className='card__title-extra'>{data.schemeName}</Text>
            </View>
            <View className='pts-facts'>
              {data.bands.map((b) => (
                <View key={b.band} className='pts-fact'>
                  <Text className='pts-fact__value'>{b.count}</Text>
                  <Text className='pts-fact__label'>{b.label}</Text>
                </View>
              ))}
            </View>
          </View>

          <View className='card'>
            <View className='card__title'>
              <Text>月度积分</Text>
              <Text className='card__title-extra'>参加排名党员人均</Text>
            </View>
            <MonthBars months={data.months} testId='branch-chart' />
          </View>

          <View className='card' data-testid='periods'>
            <View className='card__title'>
              <Text>季度评定公示</Text>
            </View>
            {data.periods.map((p) => {
              const st = PERIOD_STATES[p.status]
              return (
                <View
                  key={p.key}
                  className='pts-row pa-period'
                  data-testid='period-row'
                  data-key={p.key}
                  data-status={p.status}
                  onClick={() => (p.status === 'open' ? undefined : go(ROUTES.pointsPublication, { key: p.key }))}
                >
                  <Text className='pts-row__label'>{p.label}</Text>
                  <View className='pa-period__side'>
                    {p.endsOn && p.status === 'publicity' ? <Text className='pts-hint'>至{formatDate(p.endsOn).slice(5)}</Text> : null}
                    <Text className={`tag tag--${st.tone}`}>{st.text}</Text>
                  </View>
                </View>
              )
            })}
          </View>

          <View className='card' data-testid='ranking'>
            <View className='card__title'>
              <Text>积分排名</Text>
              <Text className='card__title-extra'>仅支委可见</Text>
            </View>
            {data.ranked.length === 0 ? <EmptyState compact text='暂无积分' /> : data.ranked.map((r) => <RankRow key={r.memberId} r={r} />)}
            {data.excluded.length > 0 ? (
              <>
                <Text className='pa-apart'>不参加排名（{data.excluded.length}人）</Text>
                {data.excluded.map((r) => (
                  <RankRow key={r.memberId} r={r} />
                ))}
              </>
            ) : null}
          </View>

          {can(me, points.actions.updateSettings) ? (
            <View className='card'>
              <View className='pts-row'>
                <View className='pa-setting'>
                  <Text className='pts-row__label'>向全体党员公开排名</Text>
                  <Text className='pts-hint'>默认不公开：党员只看到本人积分和等次</Text>
                </View>
                <Switch checked={data.settings.publishRanking} disabled={settings.pending} onChange={(v) => void toggleRanking(v)} />
              </View>
            </View>
          ) : null}
        </>
      )}
      <View className='card pa-foot'>
        <Button className='btn-block' size='large' fill='outline' onClick={() => go(ROUTES.pointsHome)}>
          我的积分
        </Button>
      </View>
    </View>
  )
}

export default function PointsAdminPage(): React.ReactElement {
  return <AccessGate action={points.actions.yearView}>{(me) => <Admin me={me} />}</AccessGate>
}
