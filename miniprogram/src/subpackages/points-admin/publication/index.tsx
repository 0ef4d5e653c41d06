/**
 * One quarter's 公示 (支委): publish a finished quarter (every member's points are snapshotted and shown to
 * members for the scheme's days), answer members' objections, and finalise once the days are over and every
 * objection is answered.
 */
import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { points, type Publication } from '@shared/contract/points'
import { POINTS_EXCLUSION_LABELS } from '@shared/rules/points/scheme'
import { periodFromKey } from '@shared/rules/points/calendar'
import { AccessGate } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { signed } from '@/features/points/labels'
import { usePublication } from '@/features/points/use-points'
import { formatDate, formatInstant } from '@/utils/format'
import '@/styles/nutui-forms'
import '@/features/points/points.scss'
import { useAnswerObjection, useFinalisePeriod, usePublishPeriod } from '@/features/points/use-period-publication'
import './index.scss'

function Objection({ o, onAnswer, busy }: { o: Publication['objections'][number]; onAnswer: (text: string) => void; busy: boolean }): React.ReactElement {
  const [text, setText] = useState('')
  return (
    <View className='pub-objection' data-testid='objection' data-member-id={o.memberId}>
      <Text className='pub-objection__who'>
        {o.name} · {formatInstant(o.at)}
      </Text>
      <Text className='pub-objection__text'>{o.text}</Text>
      {o.answer ? (
        <View className='pts-review'>
          <Text>答复：{o.answer}</Text>
          <Text className='pts-review__by'>（{o.answeredByName}）</Text>
        </View>
      ) : (
        <>
          <Textarea className='pts-input pts-textarea' data-testid='answer-text' value={text} maxlength={300} placeholder='核实情况后答复，如需更正请在审核或记分中处理' onInput={(e) => setText(e.detail.value)} />
          <Button className='pub-objection__send' type='primary' size='large' loading={busy} data-testid='answer-submit' onClick={() => onAnswer(text.trim())}>
            答复
          </Button>
        </>
      )}
    </View>
  )
}

function PublicationView({ periodKey }: { periodKey: string }): React.ReactElement {
  const { data, error, reload, setData } = usePublication(periodKey)
  const publish = usePublishPeriod()
  const answer = useAnswerObjection()
  const finalise = useFinalisePeriod()
  const period = periodFromKey(periodKey)
  const label = period?.label ?? periodKey

  const doPublish = async (): Promise<void> => {
    const { confirm } = await Taro.showModal({ title: `公示${label}积分`, content: '将全体党员本季度的积分向党员公示，公示期内党员可以提出异议。确定公示？', confirmText: '公示', confirmColor: '#c8161d' })
    if (!confirm) return
    const r = await publish.run({ periodKey })
    if (r) {
      setData(r)
      void Taro.showToast({ title: '已公示', icon: 'success' })
    }
  }
  const doAnswer = async (memberId: string, text: string): Promise<void> => {
    if (text === '') {
      void Taro.showToast({ title: '请填写答复', icon: 'none' })
      return
    }
    const r = await answer.run({ periodKey, memberId, answer: text })
    if (r) setData(r)
  }
  const doFinalise = async (): Promise<void> => {
    const { confirm } = await Taro.showModal({ title: '确定本季度积分', content: '公示期满、异议均已答复。确定后本季度积分不再变动。', confirmText: '确定', confirmColor: '#c8161d' })
    if (!confirm) return
    const r = await finalise.run({ periodKey })
    if (r) {
      setData(r)
      void Taro.showToast({ title: '已确定', icon: 'success' })
    }
  }

  if (error && !data) {
    if (error.code === 'NOT_FOUND') {
      return (
        <View className='page' data-testid='publication-page' data-status='unpublished'>
          <View className='card'>
            <View className='card__title'>
              <Text>{label}</Text>
              <Text className='tag tag--red'>待公示</Text>
            </View>
            <Text className='pts-hint'>本季度已结束。公示前请先审核完本季度的全部积分申报；公示期内党员可以对本人积分提出异议。</Text>
            <Button className='btn-block pub-publish' type='primary' size='large' loading={publish.pending} data-testid='publish-period' onClick={() => void doPublish()}>
              公示本季度积分
            </Button>
          </View>
        </View>
      )
    }
    return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  }
  if (!data) return <View className='page'><PageLoading /></View>

  const open = data.objections.filter((o) => !o.answer).length
  return (
    <View className='page' data-testid='publication-page' data-status={data.status}>
      <View className='card'>
        <View className='card__title'>
          <Text>{data.label}</Text>
          <Text className={`tag ${data.status === 'final' ? 'tag--green' : 'tag--orange'}`} data-testid='publication-status'>
            {data.status === 'final' ? '已确定' : '公示中'}
          </Text>
        </View>
        <Text className='pts-hint'>
          {data.publishedByName}于{formatInstant(data.publishedAt)}发布，公示至{formatDate(data.endsOn)}
          {data.finalisedAt ? `；${formatInstant(data.finalisedAt)}确定` : ''}。
        </Text>
        {data.status === 'publicity' ? (
          data.canFinalise ? (
            <Button className='btn-block pub-publish' type='primary' size='large' loading={finalise.pending} data-testid='finalise-period' onClick={() => void doFinalise()}>
              确定本季度积分
            </Button>
          ) : (
            <View className='pts-warn pub-publish'>{open > 0 ? `还有${open}条异议待答复。` : ''}公示期满后即可确定本季度积分。</View>
          )
        ) : null}
      </View>

      <View className='card' data-testid='objections'>
        <View className='card__title'>
          <Text>党员异议</Text>
          <Text className='card__title-extra'>{data.objections.length}条</Text>
        </View>
        {data.objections.length === 0 ? <Text className='pts-hint'>暂无异议</Text> : data.objections.map((o) => <Objection key={o.memberId} o={o} busy={answer.pending} onAnswer={(t) => void doAnswer(o.memberId, t)} />)}
      </View>

      <View className='card' data-testid='publication-rows'>
        <View className='card__title'>
          <Text>公示名单</Text>
          <Text className='card__title-extra'>{data.rows.length}人</Text>
        </View>
        <View className='pub-table__head'>
          <Text className='pub-table__name'>姓名</Text>
          <Text className='pub-table__num'>本季</Text>
          <Text className='pub-table__num'>积分</Text>
          <Text className='pub-table__band'>等次</Text>
        </View>
        {data.rows.map((r) => (
          <View key={r.memberId} className='pub-table__row' data-testid='publication-row' data-member-id={r.memberId}>
            <Text className='pub-table__name'>
              {r.name}
              {r.excluded ? <Text className='pub-table__why'> {POINTS_EXCLUSION_LABELS[r.excluded]}</Text> : null}
            </Text>
            <Text className='pub-table__num'>{signed(r.net)}</Text>
            <Text className='pub-table__num pub-table__score'>{r.score}</Text>
            <Text className='pub-table__band'>{r.bandLabel}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

export default function PublicationPage(): React.ReactElement {
  const key = useRouter().params.key ?? ''
  return <AccessGate action={points.actions.getPublication}>{() => <PublicationView periodKey={key} />}</AccessGate>
}
