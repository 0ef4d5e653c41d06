/**
 * 我的积分 (我的 → 积分): the year's total and band, this month (counted, waiting for review, the 申报
 * deadline), the monthly trend, the quarters' 公示 (with an objection while it runs) and every entry.
 * With `?memberId=` a 支委 or 党小组长 sees a member's page (read only). New sign-ins are caught up first.
 */
import { useEffect, useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Popup } from '@nutui/nutui-react-taro'
import { points, type Overview } from '@shared/contract/points'
import { ROUTES } from '@/constants/routes'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { groupByMonth, pendingDeclared } from '@/features/points/entries'
import { monthLabel, signed } from '@/features/points/labels'
import { EntryRow, MonthBars } from '@/features/points/ui'
import { useEntries, useOverview, useSchemeInfo, useSync } from '@/features/points/use-points'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import { formatDate } from '@/utils/format'
import { go } from '@/utils/nav'
import '@/styles/nutui-forms'
import '@/features/points/points.scss'
import { useObjectPublication } from '@/features/points/use-object-publication'
import './index.scss'

type MyPublication = Overview['publications'][number]

function Publications({ list, own, onObject }: { list: MyPublication[]; own: boolean; onObject: (p: MyPublication) => void }): React.ReactElement {
  if (list.length === 0) return <EmptyState compact text='本年度还没有公示的季度积分' />
  return (
    <View>
      {list.map((p) => (
        <View key={p.key} className='pub-row' data-testid='my-publication' data-key={p.key}>
          <View className='pub-row__head'>
            <Text className='pub-row__label'>{p.label}</Text>
            <Text className={`tag ${p.status === 'publicity' ? 'tag--orange' : 'tag--green'}`}>{p.status === 'publicity' ? `公示中 至${formatDate(p.endsOn).slice(5)}` : '已确定'}</Text>
          </View>
          <View className='pub-row__nums'>
            <Text className='pub-row__score' data-testid='publication-score'>
              {p.score}分
            </Text>
            <Text className='pub-row__detail'>
              本季 {signed(p.net)}（加{p.adds} 扣{p.deducts}）· {p.bandLabel}
            </Text>
          </View>
          {p.objection ? (
            <View className='pts-review'>
              <Text>我的异议：{p.objection.text}</Text>
              {p.objection.answer ? (
                <View>
                  <Text>支委答复：{p.objection.answer}</Text>
                  <Text className='pts-review__by'>（{p.objection.answeredByName}）</Text>
                </View>
              ) : (
                <Text className='pts-review__by'>等待支委答复</Text>
              )}
            </View>
          ) : null}
          {own && p.canObject ? (
            <Button className='pub-row__object' size='small' fill='outline' type='primary' data-testid='object-button' onClick={() => onObject(p)}>
              {p.objection ? '修改异议' : '提出异议'}
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  )
}

function PointsHome({ me, memberId }: { me: BoundMe; memberId: string | undefined }): React.ReactElement {
  const own = memberId === undefined || memberId === me.member.id
  const scheme = useSchemeInfo()
  const thisYear = Number((scheme.data?.declare.month ?? new Date().toISOString()).slice(0, 4))
  const [year, setYear] = useState<number | null>(null)
  const y = year ?? thisYear
  const overview = useOverview(y, own ? undefined : memberId)
  const entries = useEntries(y, own ? undefined : memberId)
  const reloadAll = async (): Promise<void> => {
    await Promise.all([overview.reload(), entries.reload(), scheme.reload()])
  }
  useSync(() => void Promise.all([overview.reload(), entries.reload()]))
  useReloadOnReturn(overview.reload, entries.reload)
  usePullDownRefresh(() => {
    void reloadAll().finally(() => Taro.stopPullDownRefresh())
  })
  const [objecting, setObjecting] = useState<MyPublication | null>(null)
  const [text, setText] = useState('')
  const object = useObjectPublication()

  const name = overview.data?.memberName
  useEffect(() => {
    if (!own && name) void Taro.setNavigationBarTitle({ title: `${name}的积分` })
  }, [own, name])

  const sendObjection = async (): Promise<void> => {
    if (!objecting) return
    if (text.trim() === '') {
      void Taro.showToast({ title: '请写明异议内容', icon: 'none' })
      return
    }
    const r = await object.run({ periodKey: objecting.key, text: text.trim() })
    if (r) {
      setObjecting(null)
      setText('')
      void Taro.showToast({ title: '已提交，等待支委答复', icon: 'none' })
      void overview.reload()
    }
  }

  const error = overview.error ?? entries.error
  if (error && !overview.data) return <View className='page'><PageError message={error.message} onRetry={() => void reloadAll()} /></View>
  if (!overview.data || !entries.data || !scheme.data) return <View className='page'><PageLoading cards={3} /></View>

  const o = overview.data
  const info = scheme.data
  const month = info.declare.month
  const inYear = y === thisYear
  const thisMonth = o.months.find((m) => m.month === month)
  const waiting = pendingDeclared(entries.data.entries, month).length
  const groups = groupByMonth(entries.data.entries)

  return (
    <View className='page page--with-bar points-home' data-testid='points-page'>
      <View className='pts-hero'>
        <Text className='pts-hero__label'>{y}年度积分{o.schemeName ? ` · ${o.schemeName}` : ''}</Text>
        <View className='pts-hero__row'>
          <Text className='pts-hero__total' data-testid='year-total'>
            {o.total ?? '—'}
          </Text>
          {o.bandLabel ? <Text className='pts-hero__band' data-testid='year-band'>{o.bandLabel}</Text> : null}
        </View>
        <View className='pts-hero__foot'>
          <Text>
            加分 {o.adds} · 扣分 {o.deducts}
          </Text>
          {o.vetoed ? <Text>存在一票否决事项</Text> : null}
        </View>
      </View>

      <View className='year-switch'>
        {[thisYear, thisYear - 1].map((yy) => (
          <Text key={yy} className={`pts-chip${yy === y ? ' pts-chip--on' : ''}`} onClick={() => setYear(yy)}>
            {yy}年
          </Text>
        ))}
      </View>

      {!info.current ? (
        <View className='card'>
          <View className='pts-warn'>支部尚未发布积分方案，发布后即可申报积分。</View>
        </View>
      ) : null}

      {inYear && info.current ? (
        <View className='card' data-testid='this-month'>
          <View className='card__title'>
            <Text>本月（{monthLabel(month)}）</Text>
            {own && info.declare.deadline ? <Text className='card__title-extra'>申报截止 {formatDate(info.declare.deadline).slice(5)}</Text> : null}
          </View>
          <View className='pts-facts'>
            <View className='pts-fact'>
              <Text className='pts-fact__value pts-fact__value--add' data-testid='month-net'>
                {signed(thisMonth?.net ?? 0)}
              </Text>
              <Text className='pts-fact__label'>已计入</Text>
            </View>
            <View className='pts-fact'>
              <Text className='pts-fact__value' data-testid='month-waiting'>
                {waiting}
              </Text>
              <Text className='pts-fact__label'>条申报待审核</Text>
            </View>
          </View>
          {own && info.declare.previousOpen ? (
            <Text className='pts-hint'>
              {monthLabel(info.declare.previousOpen.month)}的积分可补报至{formatDate(info.declare.previousOpen.deadline).slice(5)}。
            </Text>
          ) : null}
        </View>
      ) : null}

      <View className='card'>
        <View className='card__title'>
          <Text>月度积分</Text>
          <Text className='card__title-extra'>每月加分减扣分</Text>
        </View>
        <MonthBars months={o.months} current={inYear ? month : undefined} testId='month-chart' />
      </View>

      <View className='card' data-testid='publications'>
        <View className='card__title'>
          <Text>季度公示</Text>
        </View>
        <Publications list={o.publications} own={own} onObject={(p) => {
          setText(p.objection?.text ?? '')
          setObjecting(p)
        }} />
      </View>

      <View className='card' data-testid='history'>
        <View className='card__title'>
          <Text>积分明细</Text>
          <Text className='card__title-extra'>{entries.data.entries.length}条</Text>
        </View>
        {groups.length === 0 ? (
          <EmptyState compact text='本年度还没有积分记录' />
        ) : (
          groups.map((g) => (
            <View key={g.month}>
              <View className='pts-month-head'>
                <Text>{monthLabel(g.month, true)}</Text>
                <Text>
                  计入 {signed(g.net)}
                  {g.pending ? ` · ${g.pending}条待审` : ''}
                </Text>
              </View>
              {g.entries.map((e) => (
                <EntryRow key={e.id} e={e} onClick={() => go(ROUTES.pointsEntry, { id: e.id })} />
              ))}
            </View>
          ))
        )}
      </View>

      {info.settings.publishRanking && own ? (
        <View className='card'>
          <Button className='btn-block' size='large' fill='outline' onClick={() => go(ROUTES.pointsRanking, { year: y })}>
            查看支部积分排名
          </Button>
        </View>
      ) : null}

      {own && info.current && (info.declare.open || info.declare.previousOpen) ? (
        <View className='bottom-bar'>
          <Button type='primary' size='large' data-testid='declare-button' onClick={() => go(ROUTES.pointsDeclare)}>
            积分申报
          </Button>
        </View>
      ) : null}

      <Popup visible={objecting !== null} position='bottom' round onClose={() => setObjecting(null)}>
        <View className='pts-sheet' data-testid='object-sheet'>
          <Text className='pts-sheet__title'>对{objecting?.label}积分提出异议</Text>
          <View className='pts-sheet__sub'>请写明哪一项有出入，支委核实后会答复您。公示期满前可以修改。</View>
          <Textarea className='pts-input pts-textarea' data-testid='object-text' value={text} maxlength={300} placeholder='如：10月党课我参加了，没有计分' onInput={(e) => setText(e.detail.value)} />
          <View className='pts-actions'>
            <Button size='large' onClick={() => setObjecting(null)}>
              取消
            </Button>
            <Button type='primary' size='large' loading={object.pending} data-testid='object-submit' onClick={() => void sendObjection()}>
              提交异议
            </Button>
          </View>
        </View>
      </Popup>
    </View>
  )
}

export default function PointsPage(): React.ReactElement {
  const memberId = useRouter().params.memberId
  return <AccessGate action={points.actions.overview}>{(me) => <PointsHome me={me} memberId={memberId} />}</AccessGate>
}
