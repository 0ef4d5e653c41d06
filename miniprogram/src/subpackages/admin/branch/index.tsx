/**
 * 支部设置 (书记; 上级 admins): the branch's name and rule-set profile, the 主题党日 fixed-day rule
 * (docs/DOMAIN.md §2: 每月相对固定1天), the committee's term (§1), the monthly dues day and the 党小组.
 * Saved with `org.updateBranch`; the server audits every change. The 减负 switches (积分排名, 积分申报需上传证明;
 * docs/COMPLIANCE.md) are the 书记's and save at once with `points.updateSettings`, audited too.
 */
import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, Switch } from '@nutui/nutui-react-taro'
import { org } from '@shared/contract/org'
import { points } from '@shared/contract/points'
import { PROFILE_IDS } from '@shared/profiles/ids'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { ChoiceField, DateField, SelectField, SwitchField, TextField } from '@/components/Fields'
import { Icon } from '@/components/Icon'
import { PROFILE_LABELS, WEEKDAY_LABELS, lunarDayLabel, themeDayRuleLabel } from '@/features/org/labels'
import { checkBranchForm, formFromBranch, ruleFromForm, type BranchForm, type NthWeek, type RuleKind } from '@/features/org/branch-form'
import { loadMe } from '@/features/org/me-store'
import { can } from '@/features/org/permissions'
import { useSchemeInfo } from '@/features/points/use-points'
import { useUpdateSettings } from '@/features/points/use-update-settings'
import { useBranch, useMembers } from '@/features/org/use-org'
import '@/styles/nutui-forms'
import { useSaveBranch } from '@/features/org/use-save-branch'
import './index.scss'

const RULE_KINDS: { value: RuleKind; label: string }[] = [
  { value: 'day-of-month', label: '固定日期' },
  { value: 'nth-weekday', label: '按星期' },
  { value: 'lunar-day', label: '按农历' },
]
const PROFILE_OPTIONS = PROFILE_IDS.map((p) => ({ value: p, label: PROFILE_LABELS[p] }))
const DAY_OPTIONS = Array.from({ length: 31 }, (_, i) => ({ value: i + 1, label: `${i + 1}日` }))
const DUES_DAY_OPTIONS = Array.from({ length: 28 }, (_, i) => ({ value: i + 1, label: `每月${i + 1}日` }))
const N_OPTIONS: { value: NthWeek; label: string }[] = [
  { value: 1, label: '第一个' },
  { value: 2, label: '第二个' },
  { value: 3, label: '第三个' },
  { value: 4, label: '第四个' },
  { value: -1, label: '最后一个' },
]
const WEEKDAY_OPTIONS = WEEKDAY_LABELS.map((label, i) => ({ value: i + 1, label }))
const LUNAR_OPTIONS = Array.from({ length: 30 }, (_, i) => ({ value: i + 1, label: lunarDayLabel(i + 1) }))
const NO_LEADER = '__none__'

let draftSeq = 0

/** The 书记's 减负 switches: each one off by default, saved at once through points.updateSettings. */
function ComplianceSwitches(): React.ReactElement | null {
  const info = useSchemeInfo()
  const update = useUpdateSettings()
  const s = info.data?.settings
  if (!s) return null
  const change = async (patch: { publishRanking?: boolean; requireEvidence?: boolean }, title: string, content: string): Promise<void> => {
    const { confirm } = await Taro.showModal({ title, content, confirmText: '确定', confirmColor: '#c8161d' })
    if (!confirm) return
    const r = await update.run({ publishRanking: patch.publishRanking ?? s.publishRanking, requireEvidence: patch.requireEvidence ?? s.requireEvidence })
    if (r && info.data) info.setData({ ...info.data, settings: r })
  }
  return (
    <>
      <View className='form-group__title'>减负设置（不搞指尖上的形式主义）</View>
      <View className='form-group' data-testid='compliance-switches'>
        <View className='branch-settings__switch' data-testid='switch-ranking'>
          <View className='branch-settings__switch-text'>
            <Text className='branch-settings__switch-label'>积分排名</Text>
            <Text className='branch-settings__switch-hint'>默认关闭：党员只看到本人积分和等次；开启后党员可在积分页查看排名，系统不推送排名</Text>
          </View>
          <Switch
            checked={s.publishRanking}
            disabled={update.pending}
            onChange={(v) =>
              void change({ publishRanking: v }, v ? '公开积分排名' : '取消公开排名', v ? '全体党员将能看到支部积分排名。积分排名容易流于形式，请慎重。确定公开？' : '党员将只能看到本人的积分和等次。')
            }
          />
        </View>
        <View className='branch-settings__switch' data-testid='switch-evidence'>
          <View className='branch-settings__switch-text'>
            <Text className='branch-settings__switch-label'>积分申报需上传证明</Text>
            <Text className='branch-settings__switch-hint'>默认关闭：申报照片均为选填；开启后，方案中标为“需照片”的项目须上传照片</Text>
          </View>
          <Switch
            checked={s.requireEvidence}
            disabled={update.pending}
            onChange={(v) =>
              void change({ requireEvidence: v }, v ? '要求上传证明' : '照片改为选填', v ? '标为“需照片”的积分项目，党员申报时须上传照片。确定开启？' : '党员申报积分时照片均为选填。')
            }
          />
        </View>
        <Text className='branch-settings__none'>签到只在会议前后30分钟内进行，可由记录人代签；会议纪实照片选填；不统计在线时长、学习时长和点赞。</Text>
      </View>
    </>
  )
}

function BranchEditor({ me }: { me: BoundMe }): React.ReactElement {
  const branch = useBranch()
  const roster = useMembers()
  const [form, setForm] = useState<BranchForm | null>(null)
  const save = useSaveBranch()

  useEffect(() => {
    if (branch.data) setForm(formFromBranch(branch.data))
  }, [branch.data])

  if (branch.error && !branch.data) return <View className='page'><PageError message={branch.error.message} onRetry={() => void branch.reload()} /></View>
  if (!form) return <View className='page'><PageLoading cards={3} /></View>

  const set = <K extends keyof BranchForm>(key: K, value: BranchForm[K]): void => setForm((f) => (f ? { ...f, [key]: value } : f))
  const setGroup = (key: string, patch: Partial<BranchForm['groups'][number]>): void =>
    setForm((f) => (f ? { ...f, groups: f.groups.map((g) => (g.key === key ? { ...g, ...patch } : g)) } : f))
  const addGroup = (): void =>
    setForm((f) => (f ? { ...f, groups: [...f.groups, { key: `new-${++draftSeq}`, name: '', leaderId: null }] } : f))
  const removeGroup = async (key: string, name: string): Promise<void> => {
    const { confirm } = await Taro.showModal({
      title: `删除“${name || '未命名党小组'}”？`,
      content: '保存后生效，原组内党员需要重新分组。',
      confirmText: '删除',
      confirmColor: '#c8161d',
    })
    if (confirm) setForm((f) => (f ? { ...f, groups: f.groups.filter((g) => g.key !== key) } : f))
  }

  const leaderOptions = [{ value: NO_LEADER, label: '暂不指定' }, ...(roster.data?.members ?? []).map((m) => ({ value: m.id, label: m.name }))]

  const submit = async (): Promise<void> => {
    const problem = checkBranchForm(form)
    if (problem) {
      void Taro.showToast({ title: problem, icon: 'none', duration: 3000 })
      return
    }
    const saved = await save.run(form)
    if (!saved) return
    branch.setData(saved)
    void loadMe()
    void Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 })
  }

  return (
    <View className='page page--with-bar branch-settings' data-testid='branch-page'>
      <View className='form-group__title'>基本信息</View>
      <View className='form-group'>
        <TextField name='branch-name' label='支部名称' required stacked value={form.name} maxLength={40} onChange={(v) => set('name', v)} />
        <SelectField name='profile' label='规则版本' value={form.profileId} options={PROFILE_OPTIONS} onChange={(v) => set('profileId', v)} />
      </View>

      <View className='form-group__title'>主题党日（每月相对固定一天）</View>
      <View className='form-group'>
        <ChoiceField name='rule-kind' label='方式' stacked value={form.ruleKind} choices={RULE_KINDS} onChange={(v) => set('ruleKind', v)} />
        {form.ruleKind === 'day-of-month' ? (
          <SelectField name='rule-day' label='日期' value={form.day} options={DAY_OPTIONS} onChange={(v) => set('day', v)} hint={form.day > 28 ? '小月没有该日时取当月最后一天' : undefined} />
        ) : null}
        {form.ruleKind === 'nth-weekday' ? (
          <>
            <SelectField name='rule-n' label='第几周' value={form.n} options={N_OPTIONS} onChange={(v) => set('n', v)} />
            <SelectField name='rule-weekday' label='星期' value={form.weekday} options={WEEKDAY_OPTIONS} onChange={(v) => set('weekday', v)} />
          </>
        ) : null}
        {form.ruleKind === 'lunar-day' ? (
          <SelectField name='rule-lunar' label='农历' value={form.lunarDay} options={LUNAR_OPTIONS} onChange={(v) => set('lunarDay', v)} />
        ) : null}
        <SwitchField name='rule-shift' label='节假日顺延' value={form.shiftIfHoliday} onChange={(v) => set('shiftIfHoliday', v)} />
        <View className='branch-settings__preview' data-testid='rule-preview'>
          <Icon name='calendar' size={18} color='#c8161d' />
          <Text className='branch-settings__preview-text'>{themeDayRuleLabel(ruleFromForm(form))}</Text>
        </View>
      </View>

      <View className='form-group__title'>支部委员会任期</View>
      <View className='form-group'>
        <DateField
          name='term-start'
          label='开始日期'
          value={form.termStartedAt}
          end={new Date(new Date().getFullYear() + 1, 11, 31)}
          onChange={(v) => set('termStartedAt', v)}
          onClear={() => set('termStartedAt', '')}
        />
        <DateField
          name='term-end'
          label='届满日期'
          value={form.termEndsAt}
          hint='一般为3年，村、社区为5年'
          start={new Date(2000, 0, 1)}
          end={new Date(new Date().getFullYear() + 6, 11, 31)}
          onChange={(v) => set('termEndsAt', v)}
          onClear={() => set('termEndsAt', '')}
        />
      </View>

      <View className='form-group__title'>党费</View>
      <View className='form-group'>
        <SelectField name='dues-day' label='缴纳日' value={form.duesDay} options={DUES_DAY_OPTIONS} onChange={(v) => set('duesDay', v)} />
      </View>

      {can(me, points.actions.updateSettings) ? <ComplianceSwitches /> : null}

      <View className='form-group__title'>党小组</View>
      <View className='form-group' data-testid='groups'>
        {form.groups.length === 0 ? <Text className='branch-settings__none'>尚未划分党小组</Text> : null}
        {form.groups.map((g, i) => (
          <View className='group-row' key={g.key} data-testid={`group-${i}`}>
            <View className='group-row__head'>
              <Text className='group-row__index'>{i + 1}</Text>
              <Input
                className='group-row__name'
                value={g.name}
                placeholder='党小组名称，如“第一党小组”'
                maxLength={20}
                onChange={(v) => setGroup(g.key, { name: v })}
              />
              <View className='group-row__remove' data-testid={`group-${i}-remove`} onClick={() => void removeGroup(g.key, g.name)}>
                <Text>删除</Text>
              </View>
            </View>
            <SelectField
              name={`group-${i}-leader`}
              label='党小组长'
              value={g.leaderId ?? NO_LEADER}
              options={leaderOptions}
              onChange={(v) => setGroup(g.key, { leaderId: v === NO_LEADER ? null : v })}
            />
          </View>
        ))}
        <View className='branch-settings__add' data-testid='group-add' onClick={addGroup}>
          <Icon name='plus' size={20} color='#c8161d' />
          <Text>添加党小组</Text>
        </View>
      </View>

      <View className='bottom-bar'>
        <Button type='primary' size='large' block loading={save.pending} data-testid='branch-save' onClick={() => void submit()}>
          保存设置
        </Button>
      </View>
    </View>
  )
}

export default function BranchSettingsPage(): React.ReactElement {
  return <AccessGate action={org.actions.updateBranch}>{(me) => <BranchEditor me={me} />}</AccessGate>
}
