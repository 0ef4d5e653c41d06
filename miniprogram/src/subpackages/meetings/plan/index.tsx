/**
 * 年度组织生活计划 [HN: 年初制定、向全体党员公布]. 支委 generate a draft from the branch's rule set
 * (主题党日 on the fixed day, each kind at its required frequency), edit topics, dates and times or remove
 * items, save, and publish — publishing sets up the meetings. Members see the published plan by month.
 */
import { useEffect, useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import type { Plan } from '@shared/contract/meetings'
import { ROUTES } from '@/constants/routes'
import { useRequireBound } from '@/features/org/use-me'
import { isCommittee } from '@/features/org/permissions'
import { MEETING_KIND_SHORT_LABELS, meetingWhen } from '@/features/meetings/labels'
import { usePlan } from '@/features/meetings/use-meetings'
import { Chip } from '@/features/meetings/components/MeetingCard'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { formatInstant } from '@/utils/format'
import { go } from '@/utils/nav'
import { YearSwitch, beijingYear } from '@/components/YearSwitch'
import { useDraftPlan, usePublishPlan, useSavePlan } from '@/features/meetings/use-plan-actions'
import '../shared.scss'
import './index.scss'

type Item = Plan['items'][number]

const byMonth = (items: Item[]): [string, Item[]][] => {
  const out = new Map<string, Item[]>()
  for (const i of items) out.set(i.date.slice(0, 7), [...(out.get(i.date.slice(0, 7)) ?? []), i])
  return [...out]
}

export default function PlanPage(): React.ReactElement {
  const { me, loading: meLoading } = useRequireBound()
  const thisYear = beijingYear()
  const [year, setYear] = useState(thisYear)
  const { data, loading, error, reload, setData } = usePlan(year)
  const [items, setItems] = useState<Item[]>([])
  const [dirty, setDirty] = useState(false)
  const [editing, setEditing] = useState<string | null>(null)
  const committee = isCommittee(me)
  useEffect(() => {
    setItems(data?.items ?? [])
    setDirty(false)
  }, [data])
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const draft = useDraftPlan(year)
  const save = useSavePlan(year, items)
  const publish = usePublishPlan(year)
  const months = useMemo(() => byMonth(items), [items])

  if (meLoading || !me?.bound) return <View className='page'><PageLoading /></View>

  const onDraft = async (): Promise<void> => {
    if (data?.status === 'draft') {
      const res = await Taro.showModal({ title: '重新生成草稿', content: '将按支部规则重新生成，当前草稿的修改会被替换。', confirmText: '重新生成' })
      if (!res.confirm) return
    }
    const p = await draft.run()
    if (p) setData(p)
  }
  const onSave = async (): Promise<void> => {
    const p = await save.run()
    if (p) {
      setData(p)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    }
  }
  const onPublish = async (): Promise<void> => {
    if (dirty) {
      void Taro.showToast({ title: '请先保存修改', icon: 'none' })
      return
    }
    const res = await Taro.showModal({ title: '公布年度计划', content: `公布后全体党员可以看到${year}年计划，今天及以后的各项会议将自动建立。确定公布吗？`, confirmText: '公布' })
    if (!res.confirm) return
    const p = await publish.run()
    if (p) {
      setData(p)
      void Taro.showToast({ title: '已公布', icon: 'success' })
    }
  }
  const change = (key: string, patch: Partial<Item>): void => {
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)))
    setDirty(true)
  }
  const remove = (key: string): void => {
    setItems((list) => list.filter((i) => i.key !== key))
    setDirty(true)
  }

  const status = data?.status ?? 'none'
  const editable = committee && status === 'draft'
  const groupName = new Map((me.branch?.groups ?? []).map((g) => [g.id, g.name]))

  return (
    <View className={`page plan${editable ? ' page--with-bar' : ''}`} data-testid='plan-page'>
      <YearSwitch year={year} max={thisYear + 1} onChange={setYear} />
      {error && !data ? (
        <PageError message={error.message} onRetry={() => void reload()} />
      ) : loading && !data ? (
        <PageLoading cards={3} />
      ) : (
        <>
          <View className='card'>
            <View className='card__title'>
              {year}年组织生活计划
              <Chip tone={status === 'published' ? 'green' : status === 'draft' ? 'gold' : 'grey'} testId='plan-status'>
                {status === 'published' ? '已公布' : status === 'draft' ? '草稿' : '未制定'}
              </Chip>
            </View>
            {status === 'published' && data?.publishedAt ? <Text className='mt-note'>{formatInstant(data.publishedAt)} 公布，共{items.length}项。</Text> : null}
            {status === 'none' ? <Text className='mt-note'>{committee ? '可按支部规则（三会一课、主题党日、组织生活会等）一键生成草稿，修改后公布。' : '支部尚未公布本年度计划。'}</Text> : null}
            {status === 'draft' ? <Text className='mt-note'>草稿仅支委可见。点任一项可修改主题、日期和时间。</Text> : null}
            {committee && status !== 'published' ? (
              <View className='mt-actions'>
                <Button fill='outline' block loading={draft.pending} data-testid='plan-draft' onClick={() => void onDraft()}>
                  {status === 'draft' ? '重新生成草稿' : '按支部规则生成草稿'}
                </Button>
              </View>
            ) : null}
          </View>

          {items.length === 0 && status !== 'none' ? (
            <View className='card'>
              <EmptyState text='计划中还没有会议' icon='calendar' compact />
            </View>
          ) : null}
          {months.map(([month, list]) => (
            <View key={month}>
              <View className='section-label'>{Number(month.slice(5, 7))}月</View>
              <View className='plan__list'>
                {list.map((i) => (
                  <View key={i.key} className='plan__item' data-testid='plan-item'>
                    <View
                      className='plan__row'
                      onClick={() => {
                        if (editable) setEditing(editing === i.key ? null : i.key)
                        else if (i.meetingId) go(ROUTES.meetingDetail, { meetingId: i.meetingId })
                      }}
                    >
                      <View className='plan__main'>
                        <Text className='plan__topic'>
                          <Text className='plan__kind'>{MEETING_KIND_SHORT_LABELS[i.kind]}</Text>
                          {i.topic}
                        </Text>
                        <Text className='plan__when'>
                          {meetingWhen(i.date, i.time)}
                          {i.groupId ? ` · ${groupName.get(i.groupId) ?? ''}` : ''}
                          {i.bySecretary ? ' · 书记讲' : ''}
                        </Text>
                      </View>
                      {editable ? <Text className='plan__edit'>{editing === i.key ? '收起' : '修改'}</Text> : i.meetingId ? <Text className='plan__arrow'>›</Text> : null}
                    </View>
                    {editable && editing === i.key ? (
                      <View className='plan__editor'>
                        <Input className='mt-input' value={i.topic} maxLength={60} placeholder='主题' onChange={(v) => change(i.key, { topic: v })} />
                        <View className='plan__editor-row'>
                          <Input className='mt-input plan__date' value={i.date} maxLength={10} placeholder='YYYY-MM-DD' onChange={(v) => change(i.key, { date: v })} />
                          <Input className='mt-input plan__time' value={i.time} maxLength={5} placeholder='HH:mm' onChange={(v) => change(i.key, { time: v })} />
                        </View>
                        <Button size='small' fill='outline' onClick={() => remove(i.key)}>
                          删除此项
                        </Button>
                      </View>
                    ) : null}
                  </View>
                ))}
              </View>
            </View>
          ))}
        </>
      )}
      {editable ? (
        <View className='bottom-bar'>
          <Button fill='outline' size='large' loading={save.pending} disabled={!dirty} data-testid='plan-save' onClick={() => void onSave()}>
            保存修改
          </Button>
          <Button type='primary' size='large' loading={publish.pending} data-testid='plan-publish' onClick={() => void onPublish()}>
            公布计划
          </Button>
        </View>
      ) : null}
    </View>
  )
}
