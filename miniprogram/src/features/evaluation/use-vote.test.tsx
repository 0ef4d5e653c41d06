/** useVote: the ballot is sent as one row per member of the ballot, with the grade chosen. */
import { act, renderHook } from '@testing-library/react'
import { installFakeApi, ok } from '@/test-utils/fake-api'
import { ballotRows, type Selections } from './ballot'
import { useVote } from './use-vote'

let api: ReturnType<typeof installFakeApi>
afterEach(() => api.restore())

test('sends the rows of the ballot as filled', async () => {
  api = installFakeApi(() => ok({ voted: true }))
  const ids = ['m1', 'm2']
  const sel = { m1: 'excellent', m2: 'qualified' } as Selections
  const { result } = renderHook(() => useVote('r1', ids, sel))
  await act(async () => {
    await result.current.run()
  })
  expect(api.calls).toEqual([{ fn: 'evaluation', action: 'vote', input: { roundId: 'r1', rows: ballotRows(ids, sel) } }])
  expect(ballotRows(ids, sel)).toHaveLength(2)
})
