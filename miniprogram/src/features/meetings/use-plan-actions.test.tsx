/** useSavePlan: the edited items are sent with their fields; a blank topic becomes the kind's short name. */
import { act, renderHook } from '@testing-library/react'
import { installFakeApi, ok } from '@/test-utils/fake-api'
import { MEETING_KIND_SHORT_LABELS } from './labels'
import { useSavePlan, type PlanItem } from './use-plan-actions'

let api: ReturnType<typeof installFakeApi>
afterEach(() => api.restore())

test('sends the items, topics trimmed and blank ones named after their kind', async () => {
  api = installFakeApi(() => ok({ year: 2026, items: [] }))
  const base = { date: '2026-03-10', time: '14:30', groupId: null, bySecretary: false }
  const items = [
    { ...base, key: 'a', kind: 'branch-meeting', topic: '  学习党章 ', extra: 'not sent' },
    { ...base, key: 'b', kind: 'branch-meeting', topic: '   ', bySecretary: true },
  ] as unknown as PlanItem[]
  const { result } = renderHook(() => useSavePlan(2026, items))
  await act(async () => {
    await result.current.run()
  })
  const kind = items[1]!.kind
  expect(api.calls).toEqual([
    {
      fn: 'meetings',
      action: 'updatePlan',
      input: {
        year: 2026,
        items: [
          { ...base, key: 'a', kind: items[0]!.kind, topic: '学习党章' },
          { ...base, key: 'b', kind, topic: MEETING_KIND_SHORT_LABELS[kind], bySecretary: true },
        ],
      },
    },
  ])
})
