import type { EntryView, Overview } from '@shared/contract/points'
import { pointsTasks } from './index'

const pub = (over: Partial<Overview['publications'][number]>): Overview['publications'][number] => ({
  key: '2026-Q3',
  label: '2026年第3季度',
  status: 'publicity',
  publishedAt: '2026-10-08T01:00:00Z',
  endsOn: '2026-10-14',
  finalisedAt: null,
  adds: 5,
  deducts: 0,
  net: 5,
  score: 78,
  bandLabel: '合格',
  objection: null,
  canObject: true,
  ...over,
})

describe('pointsTasks', () => {
  it('lists a running 公示 and the reviews waiting, nothing else', () => {
    const overview = { publications: [pub({}), pub({ key: '2026-Q2', status: 'final' })] } as unknown as Overview
    const queue = [{ canReview: true }, { canReview: false }, { canReview: true }] as EntryView[]
    expect(pointsTasks(overview, queue, false).map((t) => `${t.title}|${t.detail}`)).toEqual([
      '2026年第3季度积分公示中|本人78分，有异议请于10月14日前提出',
      '2条积分申报待审核|党小组初审',
    ])
    expect(pointsTasks({ publications: [pub({ objection: { text: 'x', at: '', answer: null, answeredAt: null, answeredByName: null } })] } as unknown as Overview, null, true)[0]?.detail).toBe('本人78分，异议已提交')
    expect(pointsTasks(null, [], true)).toEqual([])
  })

  it('a 支委 sees every pending 申报 of the branch, as the 工作台 counts them (own ones included)', () => {
    const queue = [{ canReview: true }, { canReview: false }, { canReview: true }] as EntryView[]
    expect(pointsTasks(null, queue, true).map((t) => `${t.title}|${t.detail}`)).toEqual(['3条积分申报待审核|支委审定（其中本人申报1条由其他支委审核）'])
    expect(pointsTasks(null, queue.filter((e) => e.canReview), true).map((t) => `${t.title}|${t.detail}`)).toEqual(['2条积分申报待审核|支委审定'])
  })
})
