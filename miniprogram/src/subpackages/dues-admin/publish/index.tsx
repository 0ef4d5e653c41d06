/**
 * 收缴公示: publish the 公示 of a closed period (每半年, from the profile) after previewing it; earlier
 * 公示 listed. Members see it under 党费公示; no base is shown to anyone.
 */
import { useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { dues, type Publication } from '@shared/contract/dues'
import { lastClosedDuesPeriod } from '@shared/rules/dues/publication'
import { beijingDate, type Period } from '@shared/rules/time'
import { ROUTES } from '@/constants/routes'
import { AccessGate } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { yuan } from '@/features/dues/labels'
import { PublicationTable } from '@/features/dues/PublicationTable'
import { usePublications } from '@/features/dues/use-dues'
import { formatInstant } from '@/utils/format'
import { go } from '@/utils/nav'
import '@/features/dues/dues.scss'
import { usePublishDues } from '@/features/dues/use-publish-dues'
import './index.scss'

function Publisher(): React.ReactElement {
  const list = usePublications()
  const periods = useMemo(() => {
    const today = beijingDate(new Date())
    const last = lastClosedDuesPeriod(today, 'half-year')
    const before = lastClosedDuesPeriod(last.start, 'half-year')
    return [last, before]
  }, [])
  const [period, setPeriod] = useState<Period>(periods[0] as Period)
  const [draft, setDraft] = useState<Publication | null>(null)
  const preview = usePublishDues()
  const publish = usePublishDues()

  if (list.error && !list.data) return <View className='page'><PageError message={list.error.message} onRetry={() => void list.reload()} /></View>
  if (!list.data) return <View className='page'><PageLoading /></View>
  const published = new Set(list.data.items.map((i) => i.period))
  const already = published.has(period.key)

  const show = async (p: Period): Promise<void> => {
    setPeriod(p)
    setDraft(null)
    const d = await preview.run({ period: p.key, dryRun: true })
    if (d) setDraft(d)
  }

  const go2 = async (): Promise<void> => {
    const { confirm } = await Taro.showModal({
      title: already ? '重新公示' : '发布公示',
      content: already ? `${period.label}已公示过，重新公示将以当前数据替换。` : `向全支部党员公示${period.label}党费收缴情况（不含任何人的基数）。`,
      confirmText: '发布',
      confirmColor: '#c8161d',
    })
    if (!confirm) return
    const r = await publish.run({ period: period.key, ...(already ? { replace: true } : {}) })
    if (!r) return
    void Taro.showToast({ title: '已公示', icon: 'success' })
    setDraft(r)
    void list.reload()
  }

  return (
    <View className='page page--with-bar publish' data-testid='publish-page'>
      <View className='card'>
        <View className='card__title'>选择公示期间</View>
        <View className='dues-chips'>
          {periods.map((p) => (
            <View key={p.key} className={`dues-chip${period.key === p.key ? ' dues-chip--on' : ''}`} data-testid={`period-${p.key}`} onClick={() => void show(p)}>
              <Text>
                {p.label}
                {published.has(p.key) ? '（已公示）' : ''}
              </Text>
            </View>
          ))}
        </View>
        <Text className='dues-hint publish__hint'>按规定每半年公布一次党费收缴情况。公示内容为每名党员应交、实交金额和合计，不含基数。</Text>
        {!draft ? (
          <Button size='large' block fill='outline' type='primary' loading={preview.pending} data-testid='publish-preview' onClick={() => void show(period)}>
            预览{period.label}公示
          </Button>
        ) : null}
      </View>

      {draft ? <PublicationTable p={draft} /> : null}

      {list.data.items.length > 0 ? (
        <View className='card'>
          <View className='card__title'>已发布</View>
          {list.data.items.map((i) => (
            <View key={i.id} className='publish__item' onClick={() => go(ROUTES.duesPublication, { id: i.id })}>
              <Text className='publish__item-title'>{i.label}</Text>
              <Text className='dues-hint'>
                实交 {yuan(i.totals.paidFen)} 元 · {formatInstant(i.publishedAt)}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className='bottom-bar'>
        <Button type='primary' size='large' block disabled={!draft} loading={publish.pending} data-testid='publish-submit' onClick={() => void go2()}>
          {already ? '重新公示' : '发布公示'}
        </Button>
      </View>
    </View>
  )
}

export default function PublishPage(): React.ReactElement {
  return <AccessGate action={dues.actions.publish}>{() => <Publisher />}</AccessGate>
}
