/**
 * 民主评议 (member): this year's round — my 个人自评, my 民主测评 ballot (or "已投票"), and after 公示 my
 * own grade and the 优秀 list; earlier rounds below. 支委 get the entry to 评议管理. `?roundId=` shows one round.
 */
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { evaluation, type MemberRound } from '@shared/contract/evaluation'
import { ROUTES } from '@/constants/routes'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { can } from '@/features/org/permissions'
import { GRADE_LABELS, roundStatusText, windowText } from '@/features/evaluation/labels'
import { useMyRound, useRounds } from '@/features/evaluation/use-evaluation'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import { formatDate, formatInstant } from '@/utils/format'
import { go } from '@/utils/nav'
import { TallyChips } from '../components/GradeButtons'
import '../nutui'
import '../evaluation.scss'
import './index.scss'

function Tasks({ round }: { round: MemberRound }): React.ReactElement {
  const { me } = round
  const open = round.status === 'open'
  const self = me.selfAssessment
  return (
    <View className='card' data-testid='my-tasks'>
      <View className='card__title'>我的评议</View>
      <View className='ev-task' data-testid='task-self'>
        <View className='ev-task__main'>
          <Text className='ev-task__title'>个人自评</Text>
          <Text className='ev-task__desc'>{self
              ? `已提交 ${formatInstant(self.submittedAt)}`
              : !open
                ? '未提交'
                : round.votingState === 'before'
                  ? '请在测评开始前提交，对照党员标准总结一年表现'
                  : '请尽快提交，自评会显示在其他党员的测评表上'}</Text>
        </View>
        {open && me.isVoter ? (
          <Button type={self ? 'default' : 'primary'} size='small' data-testid='go-self' onClick={() => go(ROUTES.evaluationSelf, { roundId: round.id })}>
            {self ? '修改' : '填写'}
          </Button>
        ) : self ? (
          <Text className='ev-pill ev-pill--done'>已提交</Text>
        ) : null}
      </View>
      <View className='ev-task' data-testid='task-vote'>
        <View className='ev-task__main'>
          <Text className='ev-task__title'>民主测评</Text>
          <Text className='ev-task__desc'>
            {me.voted
              ? '您已投票。测评表不记名，提交后不能修改'
              : !me.isVoter
                ? '您不在本次评议的名单中'
                : open
                  ? `${windowText(round.votingFrom, round.votingTo)}，对${round.ballot.length}名正式党员评定等次`
                  : '测评已结束'}
          </Text>
        </View>
        {me.voted ? (
          <Text className='ev-pill ev-pill--done' data-testid='voted'>
            已投票
          </Text>
        ) : me.canVote ? (
          <Button type='primary' size='small' data-testid='go-ballot' onClick={() => go(ROUTES.evaluationBallot, { roundId: round.id })}>
            去投票
          </Button>
        ) : open && round.votingState === 'before' ? (
          <Text className='ev-pill ev-pill--muted'>{formatDate(round.votingFrom).replace(/^\d{4}年/, '')}开始</Text>
        ) : null}
      </View>
    </View>
  )
}

function Result({ round }: { round: MemberRound }): React.ReactElement | null {
  const r = round.result
  if (!r) return null
  return (
    <View className='card ev-result' data-testid='my-result'>
      <View className='card__title'>评议结果</View>
      {r.grade ? (
        <View className='ev-result__grade'>
          <Text className='ev-result__label'>我的等次</Text>
          <Text className={`ev-result__value ev-result__value--${r.grade}`} data-testid='my-grade'>
            {GRADE_LABELS[r.grade]}
          </Text>
        </View>
      ) : (
        <Text className='ev-head__line'>预备党员参加民主评议，但不评定等次。</Text>
      )}
      {r.reason ? <Text className='ev-head__line'>支委会意见：{r.reason}</Text> : null}
      {r.tally ? (
        <View className='ev-result__tally'>
          <Text className='ev-head__line'>我的测评得票（共{r.tally.ballots}票）</Text>
          <TallyChips grades={round.settings.grades} counts={r.tally} />
        </View>
      ) : null}
      {r.followUpDeadline ? <Text className='ev-head__line'>支部已为您确定限期改正，期限至{formatDate(r.followUpDeadline)}，请与书记联系。</Text> : null}
      {round.settings.grades.includes('excellent') ? (
        <View className='ev-result__list'>
          <Text className='ev-result__list-title'>
            优秀党员名单{r.inPublicity ? `（公示至${formatDate(round.publicityEndsOn).replace(/^\d{4}年/, '')}）` : ''}
          </Text>
          <Text className='ev-result__names' data-testid='excellent-names'>
            {r.excellentNames.length ? r.excellentNames.join('、') : '无'}
          </Text>
        </View>
      ) : null}
    </View>
  )
}

function History({ currentId }: { currentId: string | undefined }): React.ReactElement | null {
  const { data } = useRounds()
  const past = (data?.rounds ?? []).filter((r) => r.id !== currentId)
  if (past.length === 0) return null
  return (
    <View className='card'>
      <View className='card__title'>往年评议</View>
      {past.map((r) => (
        <View key={r.id} className='ev-list-row' data-testid='past-round' onClick={() => go(ROUTES.evaluation, { roundId: r.id })}>
          <View className='ev-list-row__main'>
            <Text>{r.title}</Text>
          </View>
          <Text className='ev-list-row__extra'>{roundStatusText(r)} ›</Text>
        </View>
      ))}
    </View>
  )
}

function EvaluationHome({ me, roundId }: { me: BoundMe; roundId?: string }): React.ReactElement {
  const round$ = useMyRound(roundId)
  const { data, loading, error, reload } = round$
  useReloadOnReturn(round$.reload)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  const manage = can(me, evaluation.actions.getRoundAdmin)

  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading && !data) return <View className='page'><PageLoading cards={3} /></View>
  const round = data?.round ?? null

  return (
    <View className='page ev-home' data-testid='evaluation-page'>
      {round ? (
        <>
          <View className='card'>
            <Text className='ev-head__title' data-testid='round-title'>
              {round.title}
            </Text>
            <Text className='ev-head__line'>测评时间：{windowText(round.votingFrom, round.votingTo)}</Text>
            <View className='ev-home__status'>
              <Text className={`ev-pill${round.status === 'published' ? ' ev-pill--done' : ''}`} data-testid='round-status'>
                {roundStatusText(round)}
              </Text>
            </View>
          </View>
          <Tasks round={round} />
          <Result round={round} />
        </>
      ) : (
        <View className='card'>
          <EmptyState text='支部还没有开展民主评议' icon='clipboard' />
        </View>
      )}
      {manage ? (
        <View className='card'>
          <Button type='primary' fill='outline' block data-testid='go-manage' onClick={() => go(ROUTES.evaluationManage)}>
            评议管理（支委）
          </Button>
        </View>
      ) : null}
      <History currentId={round?.id} />
      <View className='ev-note'>民主评议每年开展一次：个人自评、党员互评、民主测评、组织评定。测评表不记名，系统只记录谁已投票，测评结束前任何人都看不到得票情况。</View>
    </View>
  )
}

export default function EvaluationPage(): React.ReactElement {
  const { params } = useRouter()
  return <AccessGate action={evaluation.actions.getRound}>{(me) => <EvaluationHome me={me} roundId={params.roundId || undefined} />}</AccessGate>
}
