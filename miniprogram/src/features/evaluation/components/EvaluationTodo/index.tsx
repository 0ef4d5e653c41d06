/**
 * 首页 to-do rows for 民主评议, from the member's own round state (`evaluation.getRound`): write the 个人自评,
 * fill in the 民主测评 ballot while voting runs, see the result during 公示. Renders nothing otherwise.
 */
import { View, Text } from '@tarojs/components'
import type { MemberRound } from '@shared/contract/evaluation'
import { ROUTES } from '@/constants/routes'
import { useMyRound } from '@/features/evaluation/use-evaluation'
import { formatDate } from '@/utils/format'
import { go } from '@/utils/nav'
import './index.scss'

export interface EvaluationTask {
  key: string
  title: string
  detail: string
  route: string
}

/** The member's open 民主评议 tasks, most urgent first. */
export function evaluationTasks(round: MemberRound | null): EvaluationTask[] {
  if (!round) return []
  const q = `?roundId=${encodeURIComponent(round.id)}`
  const out: EvaluationTask[] = []
  const shortDate = (d: string) => formatDate(d).replace(/^\d{4}年/, '')
  if (round.me.canVote) {
    out.push({ key: 'vote', title: '民主评议：请参加民主测评', detail: `${shortDate(round.votingTo)}前完成投票`, route: ROUTES.evaluationBallot + q })
  }
  if (round.status === 'open' && round.me.isVoter && !round.me.selfAssessment) {
    out.push({ key: 'self', title: '民主评议：请填写个人自评', detail: '自评会显示在测评表上供大家参考', route: ROUTES.evaluationSelf + q })
  }
  if (round.result?.inPublicity) {
    out.push({ key: 'result', title: '民主评议结果已公示', detail: `公示至${shortDate(round.publicityEndsOn ?? '')}，查看本人评定等次`, route: ROUTES.evaluation + q })
  }
  return out
}

export function EvaluationTodo(): React.ReactElement | null {
  const { data } = useMyRound()
  const tasks = evaluationTasks(data?.round ?? null)
  if (tasks.length === 0) return null
  return (
    <View className='evaluation-todo' data-testid='evaluation-todo'>
      {tasks.map((t) => (
        <View key={t.key} className='evaluation-todo__row' data-testid={`evaluation-todo-${t.key}`} onClick={() => go(t.route)}>
          <View className='evaluation-todo__dot' />
          <View className='evaluation-todo__main'>
            <Text className='evaluation-todo__title'>{t.title}</Text>
            <Text className='evaluation-todo__detail'>{t.detail}</Text>
          </View>
          <Text className='evaluation-todo__arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}
