import type { MemberRound } from '@shared/contract/evaluation'
import { evaluationTasks } from '.'

const round = (over: { status?: MemberRound['status']; me?: Partial<MemberRound['me']>; result?: MemberRound['result'] } = {}): MemberRound =>
  ({
    id: 'ev_b1_2026',
    status: over.status ?? 'open',
    votingTo: '2026-12-05',
    publicityEndsOn: '2026-12-07',
    me: { memberId: 'm1', isVoter: true, isGraded: true, voted: false, canVote: true, selfAssessment: null, ...over.me },
    result: over.result ?? null,
  }) as MemberRound

describe('首页 民主评议 tasks', () => {
  it('asks to vote and to write the 自评 while they are open', () => {
    expect(evaluationTasks(round()).map((t) => [t.key, t.title, t.route])).toEqual([
      ['vote', '民主评议：请参加民主测评', '/subpackages/evaluation/ballot/index?roundId=ev_b1_2026'],
      ['self', '民主评议：请填写个人自评', '/subpackages/evaluation/self/index?roundId=ev_b1_2026'],
    ])
    expect(evaluationTasks(round()).at(0)?.detail).toBe('12月5日前完成投票')
  })

  it('has nothing once done; shows the result during 公示', () => {
    expect(evaluationTasks(round({ me: { voted: true, canVote: false, selfAssessment: { text: 'x', attachment: null, submittedAt: '' } } }))).toEqual([])
    expect(evaluationTasks(null)).toEqual([])
    const published = round({
      status: 'published',
      me: { canVote: false },
      result: { grade: 'qualified', reason: null, tally: null, followUpDeadline: null, excellentNames: [], inPublicity: true },
    })
    expect(evaluationTasks(published).map((t) => t.key)).toEqual(['result'])
  })
})
