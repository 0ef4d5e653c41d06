/**
 * 积分申报: pick the month (this month, or last month until its deadline), an item of the scheme, how many
 * times, what was done and photos as evidence; submit for review. With `?id=` the member edits a 申报 not
 * yet reviewed, or withdraws it (after a confirmation).
 */
import { useEffect, useRef, useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { points, type EntryView, type SchemeInfo } from '@shared/contract/points'
import { declarableItems } from '@shared/rules/points/branch-scheme'
import { AccessGate } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { monthLabel } from '@/features/points/labels'
import { itemSummary } from '@/features/points/scheme-form'
import { useSchemeInfo } from '@/features/points/use-points'
import { PhotoGrid } from '@/components/PhotoGrid'
import { back } from '@/utils/nav'
import { formatDate } from '@/utils/format'
import '@/styles/nutui-forms'
import '@/features/points/points.scss'
import { usePointsEntry, useSubmitEntry, useUpdateEntry, useUploadEntryPhoto, useWithdrawEntry } from '@/features/points/use-declare'
import './index.scss'

const MAX_PHOTOS = 9
const newKey = (): string => `k${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

function Form({ info, editing }: { info: SchemeInfo; editing: EntryView | null }): React.ReactElement {
  const scheme = info.current?.scheme
  const items = scheme ? declarableItems(scheme) : []
  const months = [info.declare.open ? { month: info.declare.month, deadline: info.declare.deadline } : null, info.declare.previousOpen].filter(
    (m): m is { month: string; deadline: string } => m !== null && m.deadline !== null,
  )
  const [month, setMonth] = useState(editing?.month ?? months[0]?.month ?? info.declare.month)
  const [code, setCode] = useState(editing?.itemCode ?? items[0]?.code ?? '')
  const [count, setCount] = useState(editing?.count ?? 1)
  const [description, setDescription] = useState(editing?.description ?? '')
  const [photos, setPhotos] = useState<{ fileId: string; url: string | null }[]>(editing?.photos ?? [])
  const clientKey = useRef(newKey())
  const submit = useSubmitEntry()
  const update = useUpdateEntry()
  const withdraw = useWithdrawEntry()
  const upload = useUploadEntryPhoto()
  const item = items.find((i) => i.code === code)
  // A photo is required only when the 书记 has turned on 积分申报需上传证明 and the item asks for one.
  const photoRequired = !!item?.evidenceRequired && info.settings.requireEvidence

  const addPhoto = async (): Promise<void> => {
    const r = await upload.add()
    if (r) setPhotos((p) => [...p, r])
  }

  const send = async (): Promise<void> => {
    if (!item) {
      void Taro.showToast({ title: '请选择申报项目', icon: 'none' })
      return
    }
    if (description.trim() === '') {
      void Taro.showToast({ title: '请写明做了什么', icon: 'none' })
      return
    }
    if (photoRequired && photos.length === 0) {
      void Taro.showToast({ title: '该项目需要上传照片作为佐证', icon: 'none' })
      return
    }
    const fileIds = photos.map((p) => p.fileId)
    const r = editing
      ? await update.run({ entryId: editing.id, itemCode: code, count, description: description.trim(), photos: fileIds })
      : await submit.run({ clientKey: clientKey.current, month, itemCode: code, count, description: description.trim(), photos: fileIds })
    if (!r) return
    void Taro.showToast({ title: editing ? '已保存' : '已提交，等待审核', icon: 'success' })
    setTimeout(back, 600)
  }

  const remove = async (): Promise<void> => {
    if (!editing) return
    const { confirm } = await Taro.showModal({ title: '撤回申报', content: `撤回“${editing.itemName}”的申报？撤回后需重新申报。`, confirmText: '撤回', confirmColor: '#c8161d' })
    if (!confirm) return
    const r = await withdraw.run({ entryId: editing.id })
    if (r) {
      void Taro.showToast({ title: '已撤回', icon: 'success' })
      setTimeout(back, 600)
    }
  }

  if (!scheme) return <View className='page'><PageError message='支部尚未发布积分方案' /></View>
  if (!editing && months.length === 0) return <View className='page'><PageError message='本月的积分申报已截止' /></View>

  return (
    <View className='page page--with-bar declare' data-testid='declare-page'>
      <View className='card'>
        <Text className='pts-label declare__first'>申报月份</Text>
        {editing ? (
          <Text className='declare__fixed'>{monthLabel(editing.month, true)}</Text>
        ) : (
          <View className='pts-chips'>
            {months.map((m) => (
              <Text key={m.month} className={`pts-chip${m.month === month ? ' pts-chip--on' : ''}`} data-testid='declare-month' onClick={() => setMonth(m.month)}>
                {monthLabel(m.month, true)}（截止{formatDate(m.deadline).slice(5)}）
              </Text>
            ))}
          </View>
        )}

        <Text className='pts-label'>申报项目</Text>
        {items.map((i) => (
          <View key={i.code} className={`pts-option${i.code === code ? ' pts-option--on' : ''}`} data-testid='declare-item' data-code={i.code} onClick={() => setCode(i.code)}>
            <Text className='pts-option__name'>{i.name}</Text>
            <Text className='pts-option__desc'>{itemSummary(i)}</Text>
          </View>
        ))}

        <Text className='pts-label'>次数</Text>
        <View className='declare__count'>
          <Button size='large' disabled={count <= 1} onClick={() => setCount((c) => Math.max(1, c - 1))}>
            −
          </Button>
          <Text className='declare__count-value' data-testid='declare-count'>
            {count}
          </Text>
          <Button size='large' disabled={count >= 31} onClick={() => setCount((c) => Math.min(31, c + 1))}>
            +
          </Button>
          {item ? <Text className='pts-hint'>共 {Math.round(item.points * count * 100) / 100} 分（封顶后以审核计入为准）</Text> : null}
        </View>

        <Text className='pts-label'>做了什么</Text>
        <Textarea
          className='pts-input pts-textarea'
          data-testid='declare-description'
          value={description}
          maxlength={500}
          placeholder='时间、地点、做了什么、效果如何'
          onInput={(e) => setDescription(e.detail.value)}
        />

        <Text className='pts-label'>照片{photoRequired ? '（必传）' : '（选填）'}</Text>
        <PhotoGrid
          photos={photos}
          onAdd={() => void addPhoto()}
          onRemove={(id) => setPhotos((list) => list.filter((x) => x.fileId !== id))}
          uploading={upload.pending}
          max={MAX_PHOTOS}
          photoTestId='declare-photo'
          addTestId='declare-add-photo'
        />
      </View>

      {editing ? (
        <View className='card'>
          <Button className='btn-block' size='large' type='danger' fill='outline' loading={withdraw.pending} data-testid='declare-withdraw' onClick={() => void remove()}>
            撤回申报
          </Button>
        </View>
      ) : null}

      <View className='bottom-bar'>
        <Button type='primary' size='large' loading={submit.pending || update.pending} disabled={upload.pending} data-testid='declare-submit' onClick={() => void send()}>
          {editing ? '保存修改' : '提交申报'}
        </Button>
      </View>
    </View>
  )
}

function Declare({ entryId }: { entryId: string | undefined }): React.ReactElement {
  const info = useSchemeInfo()
  const entry = usePointsEntry(entryId ? entryId : null)
  useEffect(() => {
    if (entryId) void Taro.setNavigationBarTitle({ title: '修改申报' })
  }, [entryId])
  const error = info.error ?? entry.error
  if (error) return <View className='page'><PageError message={error.message} onRetry={() => void Promise.all([info.reload(), entry.reload()])} /></View>
  if (!info.data || (entryId && !entry.data)) return <View className='page'><PageLoading /></View>
  if (entry.data && !entry.data.canEdit) return <View className='page'><PageError message='该申报已审核或已过截止日期，不能再修改' /></View>
  return <Form info={info.data} editing={entry.data ?? null} />
}

export default function DeclarePage(): React.ReactElement {
  const entryId = useRouter().params.id
  return <AccessGate action={points.actions.submitEntry}>{() => <Declare entryId={entryId} />}</AccessGate>
}
