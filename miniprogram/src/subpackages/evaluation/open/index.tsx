/**
 * 开启民主评议 (书记, 副书记): year, grade scale (the branch profile's by default), voting window, whether
 * members grade themselves (off by default), an optional per-ballot 优秀 limit, the 不合格 review line
 * (more than 1/3 by default) and whether members may see their own tally after 公示.
 */
import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { evaluation } from '@shared/contract/evaluation'
import { beijingDate } from '@shared/rules/time'
import { ROUTES } from '@/constants/routes'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { ChoiceField, DateField, SwitchField, TextField } from '@/components/Fields'
import { FormField } from '@/components/FormField'
import { SHARE_CHOICES } from '@/features/evaluation/labels'
import { defaultOpenForm, validateOpenForm, type OpenForm, type OpenFormErrors, type ScaleChoice, type ShareChoice } from '@/features/evaluation/open-form'
import { ymdToDate } from '@/utils/format'
import { useOpenRound } from '@/features/evaluation/use-open-round'
import '../nutui'
import '../evaluation.scss'
import './index.scss'

const SCALES: { value: ScaleChoice; label: string }[] = [
  { value: 'four', label: '四个等次' },
  { value: 'three', label: '三个等次' },
]

function OpenRoundForm({ me }: { me: BoundMe }): React.ReactElement {
  const today = beijingDate(new Date())
  const [form, setForm] = useState<OpenForm>(() => defaultOpenForm(me.branch.profileId, today))
  const [errors, setErrors] = useState<OpenFormErrors>({})
  const [needReason, setNeedReason] = useState(false)
  const submit = useOpenRound()
  const set = <K extends keyof OpenForm>(key: K, value: OpenForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value }))
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }))
  }
  const thisYear = Number(today.slice(0, 4))
  const years = [
    { value: String(thisYear), label: `${thisYear}年度` },
    { value: String(thisYear - 1), label: `${thisYear - 1}年度` },
  ]

  const save = async (): Promise<void> => {
    const checked = validateOpenForm(form, today)
    if (!checked.ok) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' })
      return
    }
    const opened = await submit.run(checked.input)
    if (opened) {
      void Taro.showToast({ title: '已开启', icon: 'success', duration: 1200 })
      // Back to 评议管理 (it reloads on show); opened directly, go there.
      if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
      else void Taro.redirectTo({ url: ROUTES.evaluationManage })
    }
  }
  // A second round in the same year needs a reason: the server says so with CONFLICT.
  useEffect(() => {
    if (submit.errorCode === 'CONFLICT') setNeedReason(true)
  }, [submit.errorCode])

  return (
    <View className='page page--with-bar ev-open' data-testid='open-page'>
      <View className='form-group__title'>评议年度和时间</View>
      <View className='form-group'>
        <ChoiceField name='year' label='年度' required value={String(form.year)} choices={years} onChange={(v) => set('year', Number(v))} />
        <DateField
          name='votingFrom'
          label='测评开始'
          required
          value={form.votingFrom}
          error={errors.votingFrom}
          start={ymdToDate(today)}
          end={new Date(thisYear + 1, 11, 31)}
          onChange={(v) => set('votingFrom', v)}
        />
        <DateField
          name='votingTo'
          label='测评结束'
          required
          value={form.votingTo}
          error={errors.votingTo}
          hint='一般在民主评议大会当天投票；可留几天给请假的党员'
          start={ymdToDate(today)}
          end={new Date(thisYear + 1, 11, 31)}
          onChange={(v) => set('votingTo', v)}
        />
      </View>

      <View className='form-group__title'>评定规则</View>
      <View className='form-group'>
        <ChoiceField
          name='scale'
          label='等次'
          required
          value={form.scale}
          choices={SCALES}
          hint={form.scale === 'four' ? '优秀、合格、基本合格、不合格' : '合格、基本合格、不合格（村级等规范）'}
          onChange={(v) => set('scale', v)}
        />
        <SwitchField name='includeSelf' label='测评本人' hint='一般不对本人测评（默认关闭）' value={form.includeSelf} onChange={(v) => set('includeSelf', v)} />
        {form.scale === 'four' ? (
          <>
            <SwitchField name='limitOn' label='限制每张表优秀人数' hint='部分单位的做法，默认不限制' value={form.limitOn} onChange={(v) => set('limitOn', v)} />
            {form.limitOn ? (
              <TextField name='limit' label='每张表最多' type='number' required value={form.limit} error={errors.limit} placeholder='名优秀，如 10' maxLength={3} onChange={(v) => set('limit', v.replace(/\D/g, ''))} />
            ) : null}
          </>
        ) : null}
        <ChoiceField<ShareChoice>
          name='share'
          label='提示研究'
          value={form.share}
          choices={SHARE_CHOICES.map((c) => ({ value: c.value, label: `不合格票${c.label}` }))}
          hint='只提示支委会研究，不能简单以票取人'
          stacked
          onChange={(v) => set('share', v)}
        />
        <SwitchField name='showOwnTally' label='党员可看本人得票' hint='公示后，党员可以看到自己的测评得票' value={form.showOwnTally} onChange={(v) => set('showOwnTally', v)} />
      </View>

      {needReason || form.repeatReason ? (
        <>
          <View className='form-group__title'>重新开展</View>
          <View className='form-group'>
            <FormField label='理由' required error={errors.repeatReason} testId='field-repeatReason' stacked>
              <TextArea className='ev-textarea' value={form.repeatReason} placeholder='本年度已开展过民主评议，重新开展需说明理由' maxLength={200} onChange={(v) => set('repeatReason', v)} />
            </FormField>
          </View>
        </>
      ) : null}

      {submit.error ? (
        <View className='ev-error' data-testid='open-error'>
          {submit.error}
        </View>
      ) : null}
      <Text className='ev-note'>开启后，支部现有的正式党员和预备党员进入评议名单；预备党员参加测评，但不评定等次。</Text>

      <View className='bottom-bar'>
        <Button type='primary' size='large' block loading={submit.pending} disabled={submit.pending} data-testid='open-submit' onClick={() => void save()}>
          开启评议
        </Button>
      </View>
    </View>
  )
}

export default function OpenRoundPage(): React.ReactElement {
  return <AccessGate action={evaluation.actions.openRound}>{(me) => <OpenRoundForm me={me} />}</AccessGate>
}
