/** useSaveMeeting: a new meeting is created, an existing one (meetingId given) updated with the same fields. */
import { act, renderHook } from '@testing-library/react'
import { installFakeApi, ok } from '@/test-utils/fake-api'
import { useSaveMeeting, type MeetingFields } from './use-save-meeting'

let api: ReturnType<typeof installFakeApi>
afterEach(() => api.restore())

const fields = { kind: 'branch-meeting', topic: '学习会', date: '2026-12-10', time: '14:30' } as unknown as MeetingFields

test('creates a meeting when no id is given', async () => {
  api = installFakeApi(() => ok({ id: 'mt1' }))
  const { result } = renderHook(() => useSaveMeeting(undefined))
  await act(async () => {
    await result.current.run(fields)
  })
  expect(api.calls).toEqual([{ fn: 'meetings', action: 'createMeeting', input: { fields } }])
})

test('updates the meeting named by the id', async () => {
  api = installFakeApi(() => ok({ id: 'mt1' }))
  const { result } = renderHook(() => useSaveMeeting('mt1'))
  await act(async () => {
    await result.current.run(fields)
  })
  expect(api.calls).toEqual([{ fn: 'meetings', action: 'updateMeeting', input: { meetingId: 'mt1', fields } }])
})
