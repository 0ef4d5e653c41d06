/**
 * 民主测评表 (`?roundId=`): every member to grade, with their 自评 (and its picture), and big grade buttons; a live counter
 * of 优秀 given against the per-ballot limit when the branch set one; confirmation before the one and only
 * submission; then "已投票". The ballot is stored without the voter (the page says so).
 */
import { useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { evaluation, type MemberRound } from '@shared/contract/evaluation'
import type { EvaluationGrade } from '@shared/rules/evaluation/grades'
import { AccessGate } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { Icon } from '@/components/Icon'
import { ballotStatus, choose, fillRemaining, type Selections } from '@/features/evaluation/ballot'
import { GRADE_LABELS } from '@/features/evaluation/labels'
import { useMyRound } from '@/features/evaluation/use-evaluation'
import { back } from '@/utils/nav'
import { useVote } from '@/features/evaluation/use-vote'
import { AttachmentThumb } from '../components/AttachmentThumb'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { GradeButtons } from '../components/GradeButtons'
import '../nutui'
import '../evaluation.scss'
import './index.scss'

function Voted({ round }: { round: MemberRound }): React.ReactElement {
  return (
    <View className='page ballot-done' data-testid='ballot-voted'>
      <View className='card ballot-done__card'>
        <View className='ballot-done__icon'>
          <Icon name='check' size={40} color='#1f9d55' />
        </View>
        <Text className='ballot-done__title'>已投票</Text>
        <Text className='ballot-done__text'>感谢您参加{round.title}的民主测评。测评表不记名，系统只记录您已投票；测评结束前任何人都看不到得票情况。</Text>
        <Button type='primary' fill='outline' block onClick={back}>
          返回
        </Button>
      </View>
    </View>
  )
}

function Ballot({ round, onDone }: { round: MemberRound; onDone: () => void }): React.ReactElement {
  const ids = useMemo(() => round.ballot.map((r) => r.memberId), [round])
  const limit = round.settings.ballotExcellentLimit
  const [sel, setSel] = useState<Selections>({})
  const [open, setOpen] = useState<Record<string, boolean>>({})
  const [confirming, setConfirming] = useState(false)
  const status = ballotStatus(ids, sel, limit)
  const submit = useVote(round.id, ids, sel)

  const pick = (memberId: string, grade: EvaluationGrade): void => {
    const next = choose(sel, memberId, grade, ids, limit)
    if (next.refused) {
      void Taro.showToast({ title: `每张测评表最多评${limit ?? 0}名优秀`, icon: 'none' })
      return
    }
    setSel(next.selections)
  }

  const ask = (): void => {
    if (!status.complete) {
      void Taro.showToast({ title: `还有${status.total - status.chosen}名党员未选择等次`, icon: 'none' })
      return
    }
    setConfirming(true)
  }

  const send = async (): Promise<void> => {
    setConfirming(false)
    const done = await submit.run()
    if (done) {
      void Taro.showToast({ title: '投票成功', icon: 'success', duration: 1500 })
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
      onDone()
    }
  }

  const grades = round.settings.grades
  return (
    <View className='page page--with-bar ballot' data-testid='ballot-page'>
      <View className='ballot__bar' data-testid='ballot-counter'>
        <Text className='ballot__progress'>
          已选 <Text className='ballot__num'>{status.chosen}</Text>/{status.total}
        </Text>
        {grades.includes('excellent') ? (
          <Text className={`ballot__excellent${status.overLimit ? ' ballot__excellent--over' : ''}`} data-testid='excellent-counter'>
            优秀 {status.excellent}
            {limit !== null ? ` / 最多${limit}` : ''}
          </Text>
        ) : null}
      </View>
      <View className='ev-note ballot__intro'>请对以下党员逐一评定等次。测评表不记名，提交后不能修改。</View>
      {round.ballot.map((row, i) => {
        const expanded = open[row.memberId] === true
        const excellentFull = limit !== null && status.excellent >= limit && sel[row.memberId] !== 'excellent'
        return (
          <View className={`card ballot-row${sel[row.memberId] ? '' : ' ballot-row--todo'}`} key={row.memberId} data-testid='ballot-row' data-member-id={row.memberId}>
            <View className='ballot-row__head'>
              <Text className='ballot-row__index'>{i + 1}</Text>
              <Text className='ballot-row__name'>{row.name}</Text>
              {sel[row.memberId] ? <Text className='ballot-row__chosen'>{GRADE_LABELS[sel[row.memberId] as EvaluationGrade]}</Text> : null}
            </View>
            {row.selfAssessment ? (
              <View onClick={() => setOpen((o) => ({ ...o, [row.memberId]: !expanded }))}>
                <Text className={`ev-self${expanded ? '' : ' ev-self--clamp'}`}>自评：{row.selfAssessment}</Text>
                {row.selfAssessment.length > 40 ? <Text className='ev-link'>{expanded ? '收起' : '展开自评'}</Text> : null}
              </View>
            ) : (
              <Text className='ev-self muted'>未提交自评</Text>
            )}
            <AttachmentThumb attachment={row.attachment} testId='ballot-attachment' />
            <GradeButtons
              grades={grades}
              value={sel[row.memberId]}
              disabledGrades={excellentFull ? ['excellent'] : []}
              testId={`grade-${row.memberId}`}
              onChange={(g) => pick(row.memberId, g)}
            />
          </View>
        )
      })}
      {submit.error ? <View className='ev-error'>{submit.error}</View> : null}
      <View className='bottom-bar'>
        {!status.complete ? (
          <Button size='large' data-testid='fill-rest' onClick={() => setSel(fillRemaining(sel, ids))}>
            其余评为合格
          </Button>
        ) : null}
        <Button type='primary' size='large' loading={submit.pending} disabled={submit.pending} data-testid='ballot-submit' onClick={ask}>
          提交测评表
        </Button>
      </View>
      <ConfirmDialog visible={confirming} title='确认提交测评表？' okText='确认提交' testId='ballot-confirm' onOk={() => void send()} onCancel={() => setConfirming(false)}>
        <Text className='ballot-confirm__line'>共评定 {status.total} 名党员：</Text>
        <Text className='ballot-confirm__line'>{grades.map((g) => `${GRADE_LABELS[g]} ${status.counts[g]} 人`).join('，')}</Text>
        <Text className='ballot-confirm__warn'>每人只能投一次，提交后不能修改。</Text>
      </ConfirmDialog>
    </View>
  )
}

function BallotPage({ roundId }: { roundId?: string }): React.ReactElement {
  const { data, loading, error, reload } = useMyRound(roundId)
  const [justVoted, setJustVoted] = useState(false)
  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading && !data) return <View className='page'><PageLoading cards={3} /></View>
  const round = data?.round ?? null
  if (!round) return <View className='page'><PageError message='没有正在进行的民主评议' /></View>
  if (justVoted || round.me.voted) return <Voted round={round} />
  if (!round.me.canVote) {
    const why = !round.me.isVoter ? '您不在本次评议的名单中' : round.status !== 'open' ? '测评已结束' : round.votingState === 'before' ? '测评尚未开始' : '测评时间已过'
    return <View className='page'><PageError message={why} /></View>
  }
  return <Ballot round={round} onDone={() => setJustVoted(true)} />
}

export default function BallotRoute(): React.ReactElement {
  const { params } = useRouter()
  return <AccessGate action={evaluation.actions.vote}>{() => <BallotPage roundId={params.roundId || undefined} />}</AccessGate>
}
