/**
 * The minutes actions: saving sends the minutes as written (trimmed, blank resolutions dropped, 列席 clamped)
 * and, when submitting, locks them after the save; a correction is sent trimmed.
 */
import { act, renderHook } from '@testing-library/react'
import { fail, installFakeApi, ok } from '@/test-utils/fake-api'
import { useAddCorrection, useSaveMinutes, type MinutesDraft } from './use-minutes'

let api: ReturnType<typeof installFakeApi>
afterEach(() => api.restore())

const draft: MinutesDraft = {
  content: '  学习了党章。 ',
  resolutions: [' 按时交纳党费 ', '', '   '],
  photos: [{ fileId: 'f1', name: 'a.jpg' }],
  guests: '900',
}

test('saving sends the cleaned minutes and answers the saved meeting', async () => {
  api = installFakeApi(({ action }) => ok({ id: 'mt1', action }))
  const { result } = renderHook(() => useSaveMinutes('mt1', draft))
  let out: unknown
  await act(async () => {
    out = await result.current.run(false)
  })
  expect(out).toEqual({ id: 'mt1', action: 'saveMinutes' })
  expect(api.calls).toEqual([
    {
      fn: 'meetings',
      action: 'saveMinutes',
      input: { meetingId: 'mt1', minutes: { content: '学习了党章。', resolutions: ['按时交纳党费'], photos: [{ fileId: 'f1', name: 'a.jpg' }], inviteesPresent: 500 } },
    },
  ])
})

test('submitting locks the minutes after saving them; a non-number 列席 count is 0', async () => {
  api = installFakeApi(({ action }) => ok({ id: 'mt1', action }))
  const { result } = renderHook(() => useSaveMinutes('mt1', { ...draft, guests: 'abc' }))
  let out: unknown
  await act(async () => {
    out = await result.current.run(true)
  })
  expect(out).toEqual({ id: 'mt1', action: 'submitMinutes' })
  expect(api.calls.map((c) => c.action)).toEqual(['saveMinutes', 'submitMinutes'])
  expect((api.calls[0]?.input as { minutes: { inviteesPresent: number } }).minutes.inviteesPresent).toBe(0)
  expect(api.calls[1]?.input).toEqual({ meetingId: 'mt1' })
})

test('a failed save does not submit, and keeps the server message', async () => {
  api = installFakeApi(() => fail('RULE_VIOLATED', '会议记录已锁定'))
  const { result } = renderHook(() => useSaveMinutes('mt1', draft))
  await act(async () => {
    await expect(result.current.run(true)).resolves.toBeUndefined()
  })
  expect(api.calls.map((c) => c.action)).toEqual(['saveMinutes'])
  expect(result.current.error).toBe('会议记录已锁定')
})

test('a correction is sent trimmed', async () => {
  api = installFakeApi(() => ok({ id: 'mt1' }))
  const { result } = renderHook(() => useAddCorrection('mt1', 'content', ' 更正为十人 ', ' 笔误 '))
  await act(async () => {
    await result.current.run()
  })
  expect(api.calls[0]).toEqual({ fn: 'meetings', action: 'addCorrection', input: { meetingId: 'mt1', field: 'content', text: '更正为十人', reason: '笔误' } })
})
