/**
 * 个人自评 (`?roundId=`): the member writes (or rewrites) their self-assessment while the round is open;
 * other members read it on their ballot. Up to 2000 characters, and optionally one picture (uploaded at
 * once to the member's own folder, sent with the 自评).
 */
import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { evaluation } from '@shared/contract/evaluation'
import { AccessGate } from '@/components/AccessGate'
import { PhotoGrid } from '@/components/PhotoGrid'
import { PageError, PageLoading } from '@/components/PageState'
import { useMyRound } from '@/features/evaluation/use-evaluation'
import { back } from '@/utils/nav'
import { useSubmitSelfAssessment, useUploadSelfAttachment } from '@/features/evaluation/use-self-assessment'
import '../nutui'
import '../evaluation.scss'
import './index.scss'

const MAX = 2000
const HINT = '可从以下方面总结：理论学习、参加组织生活、履行党员义务、发挥先锋模范作用、联系服务群众、存在的不足和努力方向。'

/** The picture attached to the 自评: its stored name and file id, and a link to show it. */
interface Attachment {
  name: string
  fileId: string
  url: string | null
}

function SelfForm({ roundId }: { roundId?: string }): React.ReactElement {
  const { data, loading, error, reload } = useMyRound(roundId)
  const [text, setText] = useState('')
  const [attachment, setAttachment] = useState<Attachment | null>(null)
  const [touched, setTouched] = useState(false)
  const round = data?.round ?? null
  useEffect(() => {
    if (round?.me.selfAssessment && !touched) {
      setText(round.me.selfAssessment.text)
      setAttachment(round.me.selfAssessment.attachment)
    }
  }, [round, touched])
  const upload = useUploadSelfAttachment(round?.id ?? '')
  const save = useSubmitSelfAssessment(round?.id ?? '', attachment)

  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading && !data) return <View className='page'><PageLoading /></View>
  if (!round || round.status !== 'open') return <View className='page'><PageError message='评议不在进行中，不能填写自评' /></View>

  const trimmed = text.trim()
  const addPicture = async (): Promise<void> => {
    const r = await upload.add()
    if (!r) return
    setTouched(true)
    setAttachment(r)
  }
  const submit = async (): Promise<void> => {
    if (trimmed === '') {
      void Taro.showToast({ title: '请填写自评内容', icon: 'none' })
      return
    }
    const saved = await save.run(trimmed)
    if (!saved) return
    void Taro.showToast({ title: '自评已提交', icon: 'success', duration: 1200 })
    setTimeout(back, 600)
  }

  return (
    <View className='page page--with-bar ev-self-page' data-testid='self-page'>
      <View className='card'>
        <Text className='ev-head__title'>{round.title}</Text>
        <Text className='ev-head__line'>{HINT}</Text>
      </View>
      <View className='card' data-testid='self-text'>
        <TextArea
          className='ev-self-page__input'
          value={text}
          placeholder='请输入个人自评'
          maxLength={MAX}
          autoSize
          onChange={(v) => {
            setTouched(true)
            setText(v)
          }}
        />
        <Text className='ev-self-page__count'>
          {text.length}/{MAX}
        </Text>
      </View>
      <View className='form-group__title'>附件（选填，1张图片）</View>
      <View className='card ev-self-page__attachment'>
        <PhotoGrid
          photos={attachment ? [attachment] : []}
          onAdd={() => void addPicture()}
          onRemove={() => {
            setTouched(true)
            setAttachment(null)
          }}
          uploading={upload.pending}
          max={1}
          testId='self-attachment'
          photoTestId='self-attachment-photo'
          addTestId='self-add-attachment'
        />
        <Text className='ev-self-page__hint'>如学习笔记、志愿服务照片等。提交自评后才会保存。</Text>
      </View>
      {save.error ? <View className='ev-error'>{save.error}</View> : null}
      <View className='ev-note'>自评和附件会显示在其他党员的测评表上，供大家参考。测评结束前可以修改。</View>
      <View className='bottom-bar'>
        <Button
          type='primary'
          size='large'
          block
          loading={save.pending}
          disabled={save.pending || upload.pending}
          data-testid='self-submit'
          onClick={() => void submit()}
        >
          {round.me.selfAssessment ? '保存修改' : '提交自评'}
        </Button>
      </View>
    </View>
  )
}

export default function SelfPage(): React.ReactElement {
  const { params } = useRouter()
  return <AccessGate action={evaluation.actions.submitSelfAssessment}>{() => <SelfForm roundId={params.roundId || undefined} />}</AccessGate>
}
