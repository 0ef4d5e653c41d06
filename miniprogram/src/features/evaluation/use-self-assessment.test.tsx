/** useSubmitSelfAssessment: the text is sent with the attachment's name and file id only, or no attachment. */
import { act, renderHook } from '@testing-library/react'
import { installFakeApi, ok } from '@/test-utils/fake-api'
import { useSubmitSelfAssessment } from './use-self-assessment'

let api: ReturnType<typeof installFakeApi>
afterEach(() => api.restore())

test('sends the attachment reduced to name and file id', async () => {
  api = installFakeApi(() => ok({ round: null }))
  const attachment = { name: '心得.jpg', fileId: 'f1', url: 'https://files.local/f1' }
  const { result } = renderHook(() => useSubmitSelfAssessment('r1', attachment))
  await act(async () => {
    await result.current.run('认真学习')
  })
  expect(api.calls[0]).toEqual({ fn: 'evaluation', action: 'submitSelfAssessment', input: { roundId: 'r1', text: '认真学习', attachment: { name: '心得.jpg', fileId: 'f1' } } })
})

test('no attachment is sent as null', async () => {
  api = installFakeApi(() => ok({ round: null }))
  const { result } = renderHook(() => useSubmitSelfAssessment('r1', null))
  await act(async () => {
    await result.current.run('认真学习')
  })
  expect(api.calls[0]?.input).toEqual({ roundId: 'r1', text: '认真学习', attachment: null })
})
