/** useDecideLeave: the note is sent trimmed, and a blank one not at all. */
import { act, renderHook } from '@testing-library/react'
import { installFakeApi, ok } from '@/test-utils/fake-api'
import { useDecideLeave } from './use-decide-leave'

let api: ReturnType<typeof installFakeApi>
afterEach(() => api.restore())

test('approves with the trimmed note', async () => {
  api = installFakeApi(() => ok({ id: 'l1' }))
  const { result } = renderHook(() => useDecideLeave('l1', ' 同意 '))
  await act(async () => {
    await result.current.run(true)
  })
  expect(api.calls[0]).toEqual({ fn: 'meetings', action: 'decideLeave', input: { leaveId: 'l1', approve: true, note: '同意' } })
})

test('a blank note is left out', async () => {
  api = installFakeApi(() => ok({ id: 'l1' }))
  const { result } = renderHook(() => useDecideLeave('l1', '   '))
  await act(async () => {
    await result.current.run(false)
  })
  expect(api.calls[0]?.input).toEqual({ leaveId: 'l1', approve: false })
})
