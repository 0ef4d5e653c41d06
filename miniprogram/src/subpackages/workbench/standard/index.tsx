/**
 * 五化达标自评: the 100-point table by area. Items the app can judge are scored from the records with the
 * evidence listed and a link to it; the others are scored by hand (扣分 in steps of 0.5, a note, photos of
 * the 佐证材料). Total, deductions and what is still to score on top; a printable summary.
 */
import { useState } from 'react'
import { View, Text, Image } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { workbench, type StandardItemView, type StandardView } from '@shared/contract/workbench'
import type { EvidencePage } from '@shared/profiles/assessment-standards'
import { SelectField } from '@/components/Fields'
import { FormField } from '@/components/FormField'
import { PageError, PageLoading } from '@/components/PageState'
import { pickImage, previewImage } from '@/platform/files'
import { ITEM_STATUS_LABELS, MODE_LABELS, deductionChoices, readableSource } from '@/features/workbench/format'
import { WB, fixRoute } from '@/features/workbench/fix-route'
import { useStandard, useScoreItem, useUploadAttachment } from '@/features/workbench/use-workbench'
import { go } from '@/utils/nav'
import { WorkbenchGate } from '../Gate'
import { YearSwitch, beijingYear } from '@/components/YearSwitch'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import '../shared.scss'
import './index.scss'

const EVIDENCE_LABELS: Record<EvidencePage, string> = {
  branch: '支部设置',
  members: '党员名册',
  meetings: '组织生活记录',
  evaluation: '民主评议',
  dues: '党费收缴',
  points: '党员积分',
  talks: '谈心谈话',
  study: '学时登记',
}
const EVIDENCE_FIX: Record<EvidencePage, Parameters<typeof fixRoute>[0]['page']> = {
  branch: 'branch-settings',
  members: 'members',
  meetings: 'meetings',
  evaluation: 'evaluation',
  dues: 'dues',
  points: 'points-review',
  talks: 'talks',
  study: 'study',
}

const fmt = (n: number | null) => (n === null ? '—' : String(n))

function HandForm({ item, branchId, year, onSaved }: { item: StandardItemView; branchId: string; year: number; onSaved: () => void }): React.ReactElement {
  const [deduction, setDeduction] = useState<number | null>(item.handDeduction)
  const [note, setNote] = useState(item.note)
  const [attachments, setAttachments] = useState(item.attachments)
  const score = useScoreItem()
  const upload = useUploadAttachment()

  const add = async (): Promise<void> => {
    const picked = await pickImage()
    if (!picked) return
    const saved = await upload.run({ branchId, name: `佐证材料${attachments.length + 1}`, ext: picked.type, base64: picked.base64 })
    if (saved) setAttachments((a) => [...a, saved])
  }
  const save = async (clear = false): Promise<void> => {
    if (!clear && deduction === null) {
      void Taro.showToast({ title: '请选择扣分', icon: 'none' })
      return
    }
    const saved = await score.run({
      branchId,
      year,
      code: item.code,
      deduction: clear ? null : deduction,
      note: note.trim() || undefined,
      attachments: attachments.map((a) => ({ fileId: a.fileId, name: a.name })),
    })
    if (!saved) return
    void Taro.showToast({ title: clear ? '已清除评分' : '已保存', icon: 'success', duration: 1000 })
    onSaved()
  }
  return (
    <View className='wb-hand' data-testid={`wb-hand-${item.code}`}>
      <SelectField
        name={`deduction-${item.code}`}
        label='扣分'
        required
        value={deduction}
        options={deductionChoices(item.max).map((v) => ({ value: v, label: v === 0 ? '不扣分' : `扣${v}分` }))}
        onChange={(v) => setDeduction(v)}
      />
      <FormField label='说明' stacked testId={`field-note-${item.code}`}>
        <TextArea className='wb-input' value={note} maxLength={500} placeholder='评分依据、存在的不足' onChange={(v) => setNote(v)} />
      </FormField>
      <View className='wb-atts'>
        {attachments.map((a) => (
          <View key={a.fileId} className='wb-att'>
            {a.url ? <Image className='wb-att__img' src={a.url} mode='aspectFill' onClick={() => a.url && previewImage(a.url)} /> : <Text className='wb-att__name'>{a.name}</Text>}
            <Text className='wb-att__remove' onClick={() => setAttachments((list) => list.filter((x) => x.fileId !== a.fileId))}>
              移除
            </Text>
          </View>
        ))}
        {attachments.length < 9 ? (
          <Text className='wb-att__add' onClick={() => void add()}>
            {upload.pending ? '上传中…' : '+ 佐证照片'}
          </Text>
        ) : null}
      </View>
      <View className='wb-actions'>
        {item.handDeduction !== null ? (
          <Button fill='outline' onClick={() => void save(true)}>
            清除评分
          </Button>
        ) : null}
        <Button type='primary' loading={score.pending} disabled={score.pending} data-testid={`wb-score-save-${item.code}`} onClick={() => void save()}>
          保存评分
        </Button>
      </View>
    </View>
  )
}

function Item({ item, view, readOnly, onSaved }: { item: StandardItemView; view: StandardView; readOnly: boolean; onSaved: () => void }): React.ReactElement {
  const [open, setOpen] = useState(false)
  const tone = item.status === 'pending' ? 'grey' : item.score !== null && item.score < item.max ? 'gold' : 'green'
  return (
    <View className='wb-item' data-testid='wb-assess-item' data-code={item.code}>
      <View className='wb-row' onClick={() => setOpen((o) => !o)}>
        <View className='wb-row__main'>
          <Text className='wb-row__title'>
            {item.code} {item.title}
          </Text>
          <Text className='wb-row__detail'>
            {MODE_LABELS[item.mode]} · {ITEM_STATUS_LABELS[item.status]}
            {item.autoDeduction > 0 ? ` · 系统扣${item.autoDeduction}分` : ''}
            {item.handDeduction ? ` · 手工扣${item.handDeduction}分` : ''}
          </Text>
        </View>
        <Text className={`tag tag--${tone}`}>
          {fmt(item.score)}/{item.max}
        </Text>
        <Text className='wb-row__arrow'>{open ? '˅' : '›'}</Text>
      </View>
      {open ? (
        <View className='wb-item__body'>
          {item.points.map((p) => (
            <Text key={p.code} className='wb-note'>
              {p.code} {p.text}
            </Text>
          ))}
          <Text className='wb-line'>计分依据：{item.evidence}</Text>
          <Text className='wb-line'>扣分标准：{item.deduction}</Text>
          {item.auto.map((a) => (
            <View key={a.label} className='wb-auto'>
              <Text className='wb-line wb-auto__title'>
                {a.label}：扣{a.points}分
              </Text>
              {a.evidence.map((e) => (
                <Text key={e} className='wb-note'>
                  · {e}
                </Text>
              ))}
            </View>
          ))}
          {item.mode !== 'manual' && item.auto.length === 0 ? <Text className='wb-line'>记录显示本项无扣分。</Text> : null}
          {item.links.length > 0 && !readOnly ? (
            <View className='wb-links'>
              {item.links.map((l) => (
                <Text
                  key={l}
                  className='wb-link'
                  onClick={() => {
                    const t = fixRoute({ page: EVIDENCE_FIX[l], params: {} })
                    go(t.route, t.query)
                  }}
                >
                  查看{EVIDENCE_LABELS[l]} ›
                </Text>
              ))}
            </View>
          ) : null}
          {item.mode !== 'auto' && view.canScore ? (
            <HandForm item={item} branchId={view.branchId} year={view.year} onSaved={onSaved} />
          ) : item.note ? (
            <Text className='wb-line'>说明：{item.note}</Text>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

function Standard({ branchId, initialYear }: { branchId: string | undefined; initialYear: number | undefined }): React.ReactElement {
  const thisYear = beijingYear()
  const [year, setYear] = useState(initialYear ?? thisYear)
  const { data, error, reload } = useStandard(branchId, year)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  // Back from a page holding the evidence (a meeting recorded, dues collected): rescore.
  useReloadOnReturn(reload)
  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (!data) return <View className='page'><PageLoading cards={4} /></View>
  const a = data
  return (
    <View className='page wb-assess' data-testid='wb-standard'>
      <View className='card'>
        <Text className='wb-head__name'>{a.branchName}</Text>
        <Text className='wb-head__sub'>{a.standardName}</Text>
        <View className='wb-figures wb-assess__figures'>
          <View>
            <Text className='wb-figure__num wb-figure__num--red' data-testid='wb-assess-total'>
              {a.total}
            </Text>
            <Text className='wb-figure__label'>已得分</Text>
          </View>
          <View>
            <Text className='wb-figure__num'>{a.autoDeduction + a.handDeduction}</Text>
            <Text className='wb-figure__label'>已扣分</Text>
          </View>
          <View>
            <Text className='wb-figure__num wb-figure__num--gold'>{a.pending}</Text>
            <Text className='wb-figure__label'>待评（{a.pendingMax}分）</Text>
          </View>
        </View>
        <Text className='wb-note'>满分{a.max}分。系统评分项依据本系统中的会议、党费、民主评议、支部设置等记录自动计算；其余由书记、副书记或组织委员对照佐证材料评分。</Text>
      </View>
      <YearSwitch testId='wb-year' year={year} max={thisYear} onChange={setYear} />
      {a.areas.map((area) => (
        <View key={area.code} className='card' data-testid='wb-assess-area'>
          <View className='card__title'>
            {area.code}. {area.title}
            <Text className='card__title-extra'>
              {area.score}/{area.max}分
            </Text>
          </View>
          {area.items.map((item) => (
            <Item key={item.code} item={item} view={a} readOnly={!a.canScore && branchId !== undefined} onSaved={() => void reload()} />
          ))}
        </View>
      ))}
      <View className='card'>
        <Button type='primary' size='large' block data-testid='wb-open-summary' onClick={() => go(WB.summary, { year: String(year), ...(branchId ? { branchId } : {}) })}>
          打印汇总表
        </Button>
        <Text className='wb-note'>来源：{readableSource(a.source)}</Text>
        <Text className='wb-note'>条目编号沿用原标准（原标准“支持保障”部分即为5.1、5.4、5.5）。</Text>
      </View>
    </View>
  )
}

export default function StandardPage(): React.ReactElement {
  const { params } = useRouter()
  const year = params.year && /^\d{4}$/.test(params.year) ? Number(params.year) : undefined
  return <WorkbenchGate action={workbench.actions.standard}>{() => <Standard branchId={params.branchId || undefined} initialYear={year} />}</WorkbenchGate>
}
