/**
 * 组织评定 (`?roundId=`, 支委, after close): for each 正式党员 the 测评 tally, 自评 (and its picture), yearly
 * 积分 and attendance side by side, the rule-based proposal with its flags, and the grade the 支委会
 * decides — a reason where it differs. The 优秀 count is shown against the cap; the server enforces it with the rule's
 * own message, shown here. After 公示 the page is read-only and 不合格 members link to 限期改正.
 */
import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { evaluation, type Assessment, type AssessmentRow } from '@shared/contract/evaluation'
import { ratioLabel } from '@shared/rules/evaluation/grades'
import { ROUTES } from '@/constants/routes'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { can } from '@/features/org/permissions'
import { draftInput, draftStatus, initialDraft, type Draft } from '@/features/evaluation/assess'
import { GRADE_LABELS } from '@/features/evaluation/labels'
import { useTally } from '@/features/evaluation/use-evaluation'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import { formatDate, formatInstant } from '@/utils/format'
import { go } from '@/utils/nav'
import { useSetFinalGrades } from '@/features/evaluation/use-final-grades'
import { AttachmentThumb } from '../components/AttachmentThumb'
import { GradeButtons, TallyChips } from '../components/GradeButtons'
import '../nutui'
import '../evaluation.scss'
import './index.scss'

function MemberCard({
  a,
  row,
  draft,
  editable,
  onGrade,
  onReason,
}: {
  a: Assessment
  row: AssessmentRow
  draft: Draft
  editable: boolean
  onGrade: (grade: AssessmentRow['proposed']) => void
  onReason: (reason: string) => void
}): React.ReactElement {
  const [open, setOpen] = useState(false)
  const d = draft[row.memberId]
  const differs = d !== undefined && d.grade !== row.proposed
  const published = a.status === 'published'
  return (
    <View className={`card assess-row${row.needsReview ? ' assess-row--review' : ''}`} data-testid='assess-row' data-member-id={row.memberId}>
      <View className='assess-row__head'>
        <Text className='assess-row__name'>{row.name}</Text>
        {row.needsReview ? <Text className='assess-row__flag'>请支委会研究</Text> : null}
      </View>
      <View className='assess-row__facts'>
        <Text className='assess-row__fact'>测评 {row.ballots} 票</Text>
        <Text className='assess-row__fact'>积分 {row.points ?? '—'}</Text>
        <Text className='assess-row__fact'>
          组织生活 {row.attendance && row.attendance.due > 0 ? `${row.attendance.attended}/${row.attendance.due}` : '无记录'}
          {row.attendance && row.attendance.leave > 0 ? `（请假${row.attendance.leave}）` : ''}
        </Text>
      </View>
      <TallyChips grades={a.settings.grades} counts={row.counts} />
      {row.selfAssessment ? (
        <View onClick={() => setOpen(!open)}>
          <Text className={`ev-self${open ? '' : ' ev-self--clamp'}`}>自评：{row.selfAssessment}</Text>
        </View>
      ) : (
        <Text className='ev-self muted'>未提交自评</Text>
      )}
      <AttachmentThumb attachment={row.attachment} testId='assess-attachment' />
      <View className='assess-row__proposal'>
        <Text>
          建议：<Text className='assess-row__proposed'>{GRADE_LABELS[row.proposed]}</Text>
        </Text>
        {row.flagLabels.length ? <Text className='assess-row__flags'>{row.flagLabels.join('；')}</Text> : null}
      </View>
      {editable ? (
        <GradeButtons grades={a.settings.grades} value={d?.grade} testId={`final-${row.memberId}`} onChange={onGrade} />
      ) : (
        <Text className='assess-row__final' data-testid='final-grade'>
          评定：{row.final ? GRADE_LABELS[row.final.grade] : '未评定'}
          {row.final?.reason ? `（${row.final.reason}）` : ''}
        </Text>
      )}
      {editable && differs ? (
        <View className='assess-row__reason' data-testid={`reason-${row.memberId}`}>
          <Input
            className='assess-row__reason-input'
            value={d?.reason ?? ''}
            placeholder='与建议不同，请填写理由（必填）'
            maxLength={200}
            onChange={onReason}
          />
        </View>
      ) : null}
      {published && row.final?.grade === 'unqualified' ? (
        <View className='assess-row__followup'>
          {row.followUp ? (
            <Text className='ev-head__line'>
              限期改正至{formatDate(row.followUp.deadline)}：{row.followUp.notes}
            </Text>
          ) : (
            <Text className='ev-head__line'>尚未记录限期改正。</Text>
          )}
          <Button size='small' data-testid={`followup-${row.memberId}`} onClick={() => go(ROUTES.evaluationFollowUp, { roundId: a.id, memberId: row.memberId })}>
            {row.followUp ? '修改限期改正' : '记录限期改正'}
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function Assess({ me, roundId }: { me: BoundMe; roundId: string }): React.ReactElement {
  const tally$ = useTally(roundId)
  const { data, loading, error, reload } = tally$
  useReloadOnReturn(tally$.reload)
  const [draft, setDraft] = useState<Draft>({})
  const [saved, setSaved] = useState(false)
  useEffect(() => {
    if (data) setDraft(initialDraft(data))
  }, [data])
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  const save = useSetFinalGrades()

  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading && !data) return <View className='page'><PageLoading cards={3} /></View>
  if (!data) return <View className='page'><PageError message='没有找到该评议' /></View>
  const a = data
  const editable = a.status === 'closed' && can(me, evaluation.actions.setFinalGrades)
  const st = draftStatus(a, draft)
  const hasExcellent = a.settings.grades.includes('excellent')

  const setGrade = (memberId: string, grade: AssessmentRow['proposed']): void => {
    setSaved(false)
    setDraft((d) => ({ ...d, [memberId]: { grade, reason: d[memberId]?.reason ?? '' } }))
  }
  const setReason = (memberId: string, reason: string): void => {
    setSaved(false)
    setDraft((d) => ({ ...d, [memberId]: { grade: d[memberId]?.grade ?? 'qualified', reason } }))
  }
  const submit = async (): Promise<void> => {
    const done = await save.run(draftInput(a.id, a, draft))
    if (done) {
      setSaved(true)
      void Taro.showToast({ title: '评定已保存', icon: 'success' })
      void reload()
    }
  }

  return (
    <View className={`page assess${editable ? ' page--with-bar' : ''}`} data-testid='assess-page'>
      <View className='card'>
        <Text className='ev-head__title'>{a.title}</Text>
        <Text className='ev-head__line'>
          收回测评表 {a.ballots} 张（应参加 {a.eligible} 人，已投票 {a.voted} 人）
        </Text>
        {a.inputsCapturedAt ? <Text className='ev-head__line'>积分和组织生活情况取自 {formatInstant(a.inputsCapturedAt)}（测评结束时）</Text> : null}
        <Text className='ev-head__line'>
          不合格票超过{ratioLabel(a.settings.unqualifiedReviewShare)}的，提示支委会研究；建议等次由规则给出，仅供参考，不能简单以票取人。
        </Text>
      </View>

      {hasExcellent ? (
        <View className={`assess__quota${st.overQuota ? ' assess__quota--over' : ''}`} data-testid='assess-quota'>
          <Text>
            优秀 <Text className='assess__quota-num'>{st.excellent}</Text> / 上限 {st.quota} 人
          </Text>
          {st.needReason.length > 0 && editable ? <Text className='assess__quota-hint'>{st.needReason.length} 人需填写理由</Text> : null}
        </View>
      ) : null}

      {save.error && !editable ? <View className='ev-error'>{save.error}</View> : null}
      {saved || (a.finalsSavedAt && a.status === 'closed' && !save.error) ? (
        <View className='ev-note' data-testid='assess-saved'>
          组织评定已保存{a.finalsSavedAt ? `（${formatInstant(a.finalsSavedAt)}）` : ''}，可在“评议管理”中公示。
        </View>
      ) : null}

      {a.rows.map((row) => (
        <MemberCard
          key={row.memberId}
          a={a}
          row={row}
          draft={draft}
          editable={editable}
          onGrade={(g) => setGrade(row.memberId, g)}
          onReason={(r) => setReason(row.memberId, r)}
        />
      ))}

      {a.probationary.length > 0 ? (
        <View className='card'>
          <View className='card__title'>预备党员（参加测评，不评定等次）</View>
          {a.probationary.map((p) => (
            <View className='ev-list-row' key={p.memberId}>
              <View className='ev-list-row__main'>
                <Text>{p.name}</Text>
                <AttachmentThumb attachment={p.attachment} testId='assess-attachment' />
              </View>
              <Text className='ev-list-row__extra'>{p.selfAssessment ? '已提交自评' : '未提交自评'}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {editable ? (
        <View className='bottom-bar assess__bar'>
          {save.error ? (
            <View className='assess__bar-error' data-testid='assess-error'>
              {save.error}
            </View>
          ) : null}
          <Button type='primary' size='large' block loading={save.pending} disabled={save.pending} data-testid='assess-save' onClick={() => void submit()}>
            保存组织评定
          </Button>
        </View>
      ) : null}
    </View>
  )
}

export default function AssessPage(): React.ReactElement {
  const { params } = useRouter()
  if (!params.roundId) return <View className='page'><PageError message='缺少评议编号' /></View>
  return <AccessGate action={evaluation.actions.getTally}>{(me) => <Assess me={me} roundId={params.roundId as string} />}</AccessGate>
}
