/**
 * 积分方案 (书记, 副书记, 组织委员 edit; 支委 read): start from a preset (the branch profile's scheme, 百分制
 * 按季, 基础分60 …), edit items (加分 / 扣分, points, caps per month and year, evidence, approval, who
 * declares, automatic source), bands, the 申报 deadline and the 公示 days; save the draft, then publish it as a
 * new version in force from a date. Published versions never change; entries keep the version they used.
 */
import { useEffect, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Popup, Switch } from '@nutui/nutui-react-taro'
import { points, type SchemeEditor } from '@shared/contract/points'
import { POINTS_BAND_LABELS, POINTS_EXCLUSION_LABELS, POINTS_EXCLUSIONS, type PointsExclusion } from '@shared/rules/points/scheme'
import { SCHEME_AUTO_SOURCE_LABELS, type BranchScheme, type SchemeItem } from '@shared/rules/points/branch-scheme'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { can } from '@/features/org/permissions'
import { bandsSummary, itemSummary, newItem, schemeError } from '@/features/points/scheme-form'
import { useSchemeEditor } from '@/features/points/use-points'
import { formatDate, formatInstant } from '@/utils/format'
import '@/styles/nutui-forms'
import '@/features/points/points.scss'
import { usePublishScheme, useSaveSchemeDraft } from '@/features/points/use-scheme-actions'
import './index.scss'
import { beijingDate } from '@shared/rules/time'

/** A number field that keeps what is typed and reports a number (or null when empty and allowed). */
function NumField({ value, onChange, nullable = false, testId, placeholder }: { value: number | null; onChange: (n: number | null) => void; nullable?: boolean; testId?: string; placeholder?: string }): React.ReactElement {
  const [text, setText] = useState(value === null ? '' : String(value))
  useEffect(() => setText(value === null ? '' : String(value)), [value])
  return (
    <Input
      className='pts-input sch-num'
      type='digit'
      data-testid={testId}
      value={text}
      placeholder={placeholder ?? (nullable ? '不限' : '')}
      onInput={(e) => {
        const t = e.detail.value
        setText(t)
        if (t.trim() === '') {
          if (nullable) onChange(null)
          return
        }
        const n = Number(t)
        if (Number.isFinite(n)) onChange(n)
      }}
    />
  )
}

function Toggle({ label, hint, checked, onChange }: { label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void }): React.ReactElement {
  return (
    <View className='pts-row'>
      <View className='sch-toggle'>
        <Text className='pts-row__label'>{label}</Text>
        {hint ? <Text className='pts-hint'>{hint}</Text> : null}
      </View>
      <Switch checked={checked} onChange={onChange} />
    </View>
  )
}

function ItemSheet({ item, onSave, onDelete, onClose }: { item: SchemeItem | null; onSave: (i: SchemeItem) => void; onDelete: () => void; onClose: () => void }): React.ReactElement {
  const [draft, setDraft] = useState<SchemeItem | null>(item)
  useEffect(() => setDraft(item), [item])
  const d = draft
  const set = (patch: Partial<SchemeItem>) => setDraft((x) => (x ? { ...x, ...patch } : x))
  return (
    <Popup visible={item !== null} position='bottom' round onClose={onClose}>
      {d ? (
        <View className='pts-sheet' data-testid='item-sheet'>
          <Text className='pts-sheet__title'>积分项目</Text>
          <Text className='pts-label'>名称</Text>
          <Input className='pts-input' data-testid='item-name' value={d.name} maxlength={30} placeholder='如：参加志愿服务' onInput={(e) => set({ name: e.detail.value })} />
          <Text className='pts-label'>类型</Text>
          <View className='pts-chips'>
            {(['add', 'deduct'] as const).map((k) => (
              <Text key={k} className={`pts-chip${d.kind === k ? ' pts-chip--on' : ''}`} onClick={() => set({ kind: k, declarable: k === 'add' && d.declarable, veto: k === 'deduct' && d.veto })}>
                {k === 'add' ? '加分' : '扣分'}
              </Text>
            ))}
          </View>
          <Text className='pts-label'>每次分值</Text>
          <NumField value={d.points} testId='item-points' onChange={(n) => set({ points: n ?? 0 })} />
          <View className='sch-caps'>
            <View className='sch-caps__col'>
              <Text className='pts-label'>每月上限</Text>
              <NumField value={d.capPerMonth} nullable onChange={(n) => set({ capPerMonth: n })} />
            </View>
            <View className='sch-caps__col'>
              <Text className='pts-label'>每年上限</Text>
              <NumField value={d.capPerYear} nullable onChange={(n) => set({ capPerYear: n })} />
            </View>
          </View>
          {d.auto ? <Text className='pts-hint'>自动记分来源：{SCHEME_AUTO_SOURCE_LABELS[d.auto.source]}</Text> : null}
          {d.kind === 'add' ? <Toggle label='党员可申报' checked={d.declarable} onChange={(v) => set({ declarable: v })} /> : null}
          {d.declarable ? <Toggle label='申报需审核' checked={d.needsApproval} onChange={(v) => set({ needsApproval: v })} /> : null}
          {d.declarable ? <Toggle label='需上传照片佐证' checked={d.evidenceRequired} onChange={(v) => set({ evidenceRequired: v })} /> : null}
          {d.kind === 'deduct' ? <Toggle label='一票否决' hint='有此项的党员年度积分等次为最低' checked={d.veto} onChange={(v) => set({ veto: v })} /> : null}
          <View className='pts-actions'>
            {d.auto ? null : (
              <Button size='large' type='danger' fill='outline' onClick={onDelete}>
                删除
              </Button>
            )}
            <Button type='primary' size='large' data-testid='item-save' onClick={() => onSave(d)}>
              完成
            </Button>
          </View>
        </View>
      ) : null}
    </Popup>
  )
}

function Editor({ me }: { me: BoundMe }): React.ReactElement {
  const { data, error, reload, setData } = useSchemeEditor()
  const canEdit = can(me, points.actions.saveDraft)
  const [draft, setDraft] = useState<BranchScheme | null>(null)
  const [editing, setEditing] = useState<{ index: number; item: SchemeItem } | null>(null)
  const [publishing, setPublishing] = useState(false)
  const [effectiveFrom, setEffectiveFrom] = useState(beijingDate(Date.now()))
  const save = useSaveSchemeDraft()
  const publish = usePublishScheme()
  useEffect(() => {
    if (data && draft === null) setDraft(data.draft)
  }, [data, draft])

  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (!data) return <View className='page'><PageLoading cards={3} /></View>

  const set = (patch: Partial<BranchScheme>) => setDraft((d) => (d ? { ...d, ...patch } : d))
  const pickPreset = async (p: SchemeEditor['presets'][number]): Promise<void> => {
    if (draft) {
      const { confirm } = await Taro.showModal({ title: '使用预设方案', content: `用“${p.name}”替换当前草稿？`, confirmText: '替换', confirmColor: '#c8161d' })
      if (!confirm) return
    }
    setDraft(structuredCloneSafe(p.scheme))
  }
  const doSave = async (): Promise<boolean> => {
    if (!draft) return false
    const problem = schemeError(draft)
    if (problem) {
      void Taro.showToast({ title: problem, icon: 'none', duration: 3000 })
      return false
    }
    const r = await save.run({ scheme: draft })
    if (r) {
      setData(r)
      void Taro.showToast({ title: '草稿已保存', icon: 'success' })
    }
    return !!r
  }
  const doPublish = async (): Promise<void> => {
    if (!(await doSave())) return
    const r = await publish.run({ effectiveFrom, expectVersion: data.current?.version ?? 0 })
    if (r) {
      setData(r)
      setPublishing(false)
      void Taro.showToast({ title: `已发布第${r.current?.version}版`, icon: 'success' })
    }
  }

  return (
    <View className={`page scheme-editor${canEdit ? ' page--with-bar' : ''}`} data-testid='scheme-page'>
      <View className='card'>
        <View className='card__title'>
          <Text>现行方案</Text>
          {data.current ? <Text className='card__title-extra'>第{data.current.version}版</Text> : null}
        </View>
        {data.current ? (
          <>
            <Text className='sch-current' data-testid='current-scheme'>
              {data.current.scheme.name}
            </Text>
            <Text className='pts-hint'>
              {formatDate(data.current.effectiveFrom)}起生效 · {data.current.publishedByName}发布于{formatInstant(data.current.publishedAt)}
            </Text>
            {data.versions.length > 1 ? (
              <Text className='pts-hint'>历史版本：{data.versions.slice(1).map((v) => `第${v.version}版（${v.effectiveFrom}起）`).join('、')}</Text>
            ) : null}
          </>
        ) : (
          <Text className='pts-hint'>尚未发布。请从下面的预设方案开始，按本支部实际修改后发布。</Text>
        )}
      </View>

      {canEdit ? (
        <View className='card'>
          <View className='card__title'>
            <Text>从预设方案开始</Text>
          </View>
          {data.presets.map((p) => (
            <View key={p.id} className={`pts-option${draft?.presetId === p.id ? ' pts-option--on' : ''}`} data-testid='preset' data-id={p.id} onClick={() => void pickPreset(p)}>
              <Text className='pts-option__name'>{p.name}</Text>
              <Text className='pts-option__desc'>{p.description}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {draft ? (
        <>
          <View className='form-group__title'>草稿{data.draftUpdatedAt ? `（保存于${formatInstant(data.draftUpdatedAt)}）` : ''}</View>
          <View className='card sch-basics'>
            <Text className='pts-label sch-first'>方案名称</Text>
            <Input className='pts-input' data-testid='scheme-name' value={draft.name} disabled={!canEdit} maxlength={30} onInput={(e) => set({ name: e.detail.value })} />
            <View className='sch-caps'>
              <View className='sch-caps__col'>
                <Text className='pts-label'>基础分</Text>
                <NumField value={draft.base} onChange={(n) => set({ base: n ?? 0 })} />
              </View>
              <View className='sch-caps__col'>
                <Text className='pts-label'>最高分</Text>
                <NumField value={draft.max} nullable onChange={(n) => set({ max: n })} />
              </View>
            </View>
            <Text className='pts-label'>评定周期</Text>
            <View className='pts-chips'>
              {(['quarter', 'half-year', 'year'] as const).map((p) => (
                <Text key={p} className={`pts-chip${draft.scorePeriod === p ? ' pts-chip--on' : ''}`} onClick={() => set({ scorePeriod: p })}>
                  {p === 'quarter' ? '按季（年度取平均）' : p === 'half-year' ? '按半年' : '按年度累计'}
                </Text>
              ))}
            </View>
            <View className='sch-caps'>
              <View className='sch-caps__col'>
                <Text className='pts-label'>每月申报截止（次月几日）</Text>
                <NumField value={draft.declareDeadlineDay} testId='deadline-day' onChange={(n) => set({ declareDeadlineDay: n ?? 0 })} />
              </View>
              <View className='sch-caps__col'>
                <Text className='pts-label'>公示天数（≥7）</Text>
                <NumField value={draft.publication.days} onChange={(n) => set({ publication: { ...draft.publication, days: n ?? 0 } })} />
              </View>
            </View>
            <Toggle label='党小组长先审核' hint='党员申报先由所在党小组长初审，再由支委审定' checked={draft.groupReview} onChange={(v) => set({ groupReview: v })} />
          </View>

          <View className='form-group__title'>积分项目（{draft.items.length}）</View>
          <View className='card'>
            {draft.items.map((i, index) => (
              <View key={i.code} className='sch-item' data-testid='scheme-item' data-code={i.code} onClick={() => (canEdit ? setEditing({ index, item: i }) : undefined)}>
                <Text className={`sch-item__name${i.kind === 'deduct' ? ' sch-item__name--minus' : ''}`}>{i.name || '（未命名）'}</Text>
                <Text className='pts-hint'>{itemSummary(i)}</Text>
              </View>
            ))}
            {canEdit ? (
              <Button className='btn-block sch-add' size='large' fill='outline' data-testid='add-item' onClick={() => setEditing({ index: draft.items.length, item: newItem(draft) })}>
                添加项目
              </Button>
            ) : null}
          </View>

          <View className='form-group__title'>积分等次</View>
          <View className='card'>
            <Text className='pts-hint'>{bandsSummary(draft)}</Text>
            {draft.bands.map((b, i) => (
              <View key={b.band} className='pts-row'>
                <Text className='pts-row__label'>{POINTS_BAND_LABELS[b.band]} 不低于</Text>
                <View className='sch-band'>
                  <NumField value={b.min} onChange={(n) => set({ bands: draft.bands.map((x, j) => (j === i ? { ...x, min: n ?? 0 } : x)) })} />
                </View>
              </View>
            ))}
            <Text className='pts-label'>不参加排名的党员</Text>
            <View className='pts-chips'>
              {POINTS_EXCLUSIONS.map((x: PointsExclusion) => {
                const on = draft.exclusions.includes(x)
                return (
                  <Text key={x} className={`pts-chip${on ? ' pts-chip--on' : ''}`} onClick={() => set({ exclusions: on ? draft.exclusions.filter((y) => y !== x) : [...draft.exclusions, x] })}>
                    {POINTS_EXCLUSION_LABELS[x]}
                  </Text>
                )
              })}
            </View>
          </View>
        </>
      ) : null}

      {canEdit && draft ? (
        <View className='bottom-bar'>
          <Button size='large' loading={save.pending && !publishing} data-testid='save-draft' onClick={() => void doSave()}>
            保存草稿
          </Button>
          <Button type='primary' size='large' data-testid='open-publish' onClick={() => setPublishing(true)}>
            发布
          </Button>
        </View>
      ) : null}

      <ItemSheet
        item={editing?.item ?? null}
        onClose={() => setEditing(null)}
        onDelete={() => {
          if (!editing || !draft) return
          set({ items: draft.items.filter((_, j) => j !== editing.index) })
          setEditing(null)
        }}
        onSave={(item) => {
          if (!editing || !draft) return
          const items = [...draft.items]
          items[editing.index] = item
          set({ items })
          setEditing(null)
        }}
      />

      <Popup visible={publishing} position='bottom' round onClose={() => setPublishing(false)}>
        <View className='pts-sheet' data-testid='publish-sheet'>
          <Text className='pts-sheet__title'>发布积分方案</Text>
          <View className='pts-sheet__sub'>发布后生成第{(data.current?.version ?? 0) + 1}版，不可修改；此前的积分仍按原版本计算。建议经支委会研究、党员大会通过后发布。</View>
          <Text className='pts-label'>生效日期（YYYY-MM-DD）</Text>
          <Input className='pts-input' data-testid='effective-from' value={effectiveFrom} onInput={(e) => setEffectiveFrom(e.detail.value.trim())} />
          <View className='pts-actions'>
            <Button size='large' onClick={() => setPublishing(false)}>
              取消
            </Button>
            <Button type='primary' size='large' loading={publish.pending || save.pending} data-testid='confirm-publish' onClick={() => void doPublish()}>
              确认发布
            </Button>
          </View>
        </View>
      </Popup>
    </View>
  )
}

/** A deep copy of plain data (presets are frozen objects). */
const structuredCloneSafe = <T,>(x: T): T => JSON.parse(JSON.stringify(x)) as T

export default function SchemePage(): React.ReactElement {
  return <AccessGate action={points.actions.schemeEditor}>{(me) => <Editor me={me} />}</AccessGate>
}
