/**
 * 纪实: the minutes editor for the host, recorder and 支委 — 会议内容, 决议, non-members who came — saved
 * as a draft, then submitted: the record is locked (应到 / 实到 / 请假 / 缺席 and the quorum fixed,
 * absentees owe 补学). Afterwards the page shows the locked record and adds corrections as new entries.
 */
import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { CORRECTION_FIELDS, CORRECTION_FIELD_LABELS, MAX_MINUTES_PHOTOS, type MeetingDetail } from '@shared/contract/meetings'
import { useRequireBound } from '@/features/org/use-me'
import { useMeeting } from '@/features/meetings/use-meetings'
import { Chip } from '@/features/meetings/components/MeetingCard'
import { PhotoGrid, type GridPhoto } from '@/components/PhotoGrid'
import { PageError, PageLoading } from '@/components/PageState'
import { formatInstant } from '@/utils/format'
import { useAddCorrection, useSaveMinutes, useUploadMinutesPhoto } from '@/features/meetings/use-minutes'
import '../shared.scss'
import './index.scss'

type Field = (typeof CORRECTION_FIELDS)[number]

function Editor({ m, onSaved }: { m: MeetingDetail; onSaved: (m: MeetingDetail) => void }): React.ReactElement {
  const [content, setContent] = useState(m.minutes?.content ?? '')
  const [resolutions, setResolutions] = useState<string[]>(m.minutes?.resolutions.length ? m.minutes.resolutions : [])
  const [guests, setGuests] = useState(String(m.minutes?.inviteesPresent ?? 0))
  const [photos, setPhotos] = useState<(GridPhoto & { name: string })[]>(m.minutes?.photos ?? [])
  const upload = useUploadMinutesPhoto(m.id)
  const addPhoto = async (): Promise<void> => {
    const r = await upload.add()
    if (r) setPhotos((p) => [...p, r])
  }
  const save = useSaveMinutes(m.id, { content, resolutions, photos, guests })

  const onSave = async (submit: boolean): Promise<void> => {
    if (submit) {
      if (content.trim() === '') {
        void Taro.showToast({ title: '请先填写会议内容', icon: 'none' })
        return
      }
      const res = await Taro.showModal({
        title: '提交会议记录',
        content: '提交后记录将锁定，应到、实到、请假、缺席人数随之确定，不能再修改，只能添加更正记录。确定提交吗？',
        confirmText: '提交锁定',
      })
      if (!res.confirm) return
    }
    const done = await save.run(submit)
    if (!done) return
    void Taro.showToast({ title: submit ? '已提交锁定' : '已保存草稿', icon: 'success' })
    onSaved(done)
  }

  return (
    <View className='page page--with-bar minutes' data-testid='minutes-editor'>
      <View className='card'>
        <Text className='mt-head__topic'>{m.topic}</Text>
        <Text className='mt-note'>
          {m.minutes?.savedAt ? `草稿已保存（${m.minutes.savedByName ?? ''}，${formatInstant(m.minutes.savedAt)}）。` : '尚未保存。'}
          会议开始后可提交记录；提交前可多次保存。
        </Text>
      </View>
      <View className='form-group__title'>会议内容</View>
      <View className='card'>
        <TextArea className='mt-input minutes__content' data-testid='minutes-content' value={content} placeholder='记录会议议程、发言要点、学习内容等' maxLength={5000} autoSize onChange={(v) => setContent(v)} />
      </View>
      <View className='form-group__title'>决议事项</View>
      <View className='card'>
        {resolutions.map((r, i) => (
          <View className='minutes__resolution' key={i}>
            <Text className='mt-list-item__no'>{i + 1}.</Text>
            <Input className='minutes__resolution-input' value={r} placeholder='决议内容' maxLength={200} onChange={(v) => setResolutions((rs) => rs.map((x, k) => (k === i ? v : x)))} />
            <Text className='minutes__remove' onClick={() => setResolutions((rs) => rs.filter((_, k) => k !== i))}>
              删除
            </Text>
          </View>
        ))}
        <Button fill='dashed' block onClick={() => setResolutions((rs) => [...rs, ''])}>
          添加一条决议
        </Button>
      </View>
      <View className='form-group__title'>会议照片（选填，最多{MAX_MINUTES_PHOTOS}张）</View>
      <View className='card'>
        <PhotoGrid
          photos={photos}
          onAdd={() => void addPhoto()}
          onRemove={(id) => setPhotos((list) => list.filter((p) => p.fileId !== id))}
          uploading={upload.pending}
          max={MAX_MINUTES_PHOTOS}
          testId='minutes-photos'
          photoTestId='minutes-photo'
          addTestId='minutes-add-photo'
        />
        <Text className='mt-note'>上传后请保存草稿或提交，照片才会记入会议记录。</Text>
      </View>
      {m.invitees.length > 0 ? (
        <>
          <View className='form-group__title'>列席的非党员（积极分子、群众）</View>
          <View className='card minutes__guests'>
            <Text>实际到会人数</Text>
            <Input className='minutes__guests-input' type='number' value={guests} maxLength={3} onChange={(v) => setGuests(v.replace(/\D/g, ''))} />
          </View>
        </>
      ) : null}
      <View className='bottom-bar'>
        <Button fill='outline' size='large' loading={save.pending} disabled={upload.pending} data-testid='minutes-save' onClick={() => void onSave(false)}>
          保存草稿
        </Button>
        <Button type='primary' size='large' loading={save.pending} disabled={upload.pending} data-testid='minutes-submit' onClick={() => void onSave(true)}>
          提交并锁定
        </Button>
      </View>
    </View>
  )
}

function Locked({ m, onSaved }: { m: MeetingDetail; onSaved: (m: MeetingDetail) => void }): React.ReactElement {
  const [field, setField] = useState<Field>('content')
  const [text, setText] = useState('')
  const [reason, setReason] = useState('')
  const add = useAddCorrection(m.id, field, text, reason)
  const onAdd = async (): Promise<void> => {
    if (text.trim() === '' || reason.trim() === '') {
      void Taro.showToast({ title: '请填写更正内容和原因', icon: 'none' })
      return
    }
    const res = await Taro.showModal({ title: '添加更正', content: '更正将作为新的记录附在会议记录后，并记入操作日志，不能删除。', confirmText: '添加' })
    if (!res.confirm) return
    const done = await add.run()
    if (!done) return
    setText('')
    setReason('')
    void Taro.showToast({ title: '已添加更正', icon: 'success' })
    onSaved(done)
  }
  const f = m.final
  return (
    <View className='page minutes' data-testid='minutes-locked'>
      <View className='card'>
        <View className='card__title'>
          {m.topic}
          <Chip tone='grey'>已锁定</Chip>
        </View>
        {f ? (
          <Text className='mt-note'>
            应到{f.due}人，实到{f.present}人，请假{f.leave}人，缺席{f.absent}人{f.observers ? `，列席${f.observers}人` : ''}
            {f.quorum ? `；有表决权应到${f.voting.due}人、实到${f.voting.present}人，${f.quorum.quorate ? '符合' : '未达'}法定人数` : ''}。
          </Text>
        ) : null}
        <Text className='mt-text'>{m.minutes?.content}</Text>
        {(m.minutes?.resolutions ?? []).map((r, i) => (
          <View className='mt-list-item' key={i}>
            <Text className='mt-list-item__no'>{i + 1}.</Text>
            <Text>{r}</Text>
          </View>
        ))}
        <PhotoGrid photos={m.minutes?.photos ?? []} testId='minutes-photos' photoTestId='minutes-photo' />
        {m.corrections.map((c) => (
          <View className='mt-correction' key={c.id} data-testid='correction'>
            <Text className='mt-correction__meta'>
              更正（{CORRECTION_FIELD_LABELS[c.field]}）· {c.byName} · {formatInstant(c.at)}
            </Text>
            <Text className='mt-text'>{c.text}</Text>
            <Text className='mt-correction__meta'>原因：{c.reason}</Text>
          </View>
        ))}
      </View>
      <View className='form-group__title'>添加更正</View>
      <View className='card'>
        <View className='minutes__fields'>
          {CORRECTION_FIELDS.map((k) => (
            <View key={k} className={`mt-choice${field === k ? ' mt-choice--on' : ''}`} onClick={() => setField(k)}>
              <Text>{CORRECTION_FIELD_LABELS[k]}</Text>
            </View>
          ))}
        </View>
        <TextArea className='mt-input' data-testid='correction-text' value={text} placeholder='更正内容' maxLength={1000} onChange={(v) => setText(v)} />
        <View style={{ height: '10px' }} />
        <TextArea className='mt-input' data-testid='correction-reason' value={reason} placeholder='更正原因' maxLength={200} onChange={(v) => setReason(v)} />
        <View className='mt-actions'>
          <Button type='primary' block loading={add.pending} data-testid='correction-add' onClick={() => void onAdd()}>
            添加更正记录
          </Button>
        </View>
      </View>
    </View>
  )
}

export default function MinutesPage(): React.ReactElement {
  const { params } = useRouter()
  const meetingId = params.meetingId
  const { me } = useRequireBound()
  const meeting = useMeeting(me?.bound ? meetingId : undefined)
  const [current, setCurrent] = useState<MeetingDetail | null>(null)
  useEffect(() => {
    if (meeting.data) setCurrent(meeting.data)
  }, [meeting.data])
  if (!meetingId) return <View className='page'><PageError message='没有找到该会议' /></View>
  if (meeting.error && !current) return <View className='page'><PageError message={meeting.error.message} onRetry={() => void meeting.reload()} /></View>
  if (!current) return <View className='page'><PageLoading cards={2} /></View>
  if (!current.canHost) return <View className='page'><PageError message='只有主持人、记录人和支委可以填写会议记录' /></View>
  return current.lockedAt ? <Locked m={current} onSaved={setCurrent} /> : <Editor m={current} onSaved={setCurrent} />
}
