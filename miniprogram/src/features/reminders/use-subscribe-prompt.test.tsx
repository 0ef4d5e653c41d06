/**
 * The "开启提醒" prompt: shown only while a wanted template has no accepts left; the tap asks for exactly
 * those templates, reports the accepts, and the prompt goes away.
 */
import { act, renderHook, waitFor } from '@testing-library/react'
import type { TemplateInfo } from '@shared/contract/reminders'
import { installFakeApi, ok } from '@/test-utils/fake-api'
import { resetTemplates } from './use-reminders'
import { useSubscribePrompt } from './use-subscribe-prompt'

let api: ReturnType<typeof installFakeApi>
afterEach(() => {
  api?.restore()
  resetTemplates()
})

const tmpl = (key: TemplateInfo['key'], remaining: number): TemplateInfo => ({ key, id: `T_${key}`, title: key, remaining, used: true })

test('needed while a wanted template is empty; the tap reports the accepts and the prompt hides', async () => {
  const reported: unknown[] = []
  api = installFakeApi(({ action, input }) => {
    if (action === 'templates') return ok({ templates: [tmpl('themeDay', 0), tmpl('meeting', 3), tmpl('dues', 0), tmpl('task', 0)] })
    if (action === 'subscribed') {
      reported.push(input)
      return ok({ accepted: (input as { accepted: string[] }).accepted })
    }
    throw new Error(`unexpected ${action}`)
  })
  const { result } = renderHook(() => useSubscribePrompt(['themeDay', 'meeting']))
  await waitFor(() => expect(result.current.needed).toBe(true))
  let accepted: string[] = []
  await act(async () => {
    accepted = await result.current.ask()
  })
  // Only the empty wanted template is asked for (meeting still has 3).
  expect(accepted).toEqual(['themeDay'])
  expect(reported).toEqual([{ accepted: ['themeDay'] }])
  expect(result.current.needed).toBe(false)
})

test('not needed when every wanted template has accepts left', async () => {
  api = installFakeApi(({ action }) => {
    if (action === 'templates') return ok({ templates: [tmpl('dues', 2)] })
    throw new Error(`unexpected ${action}`)
  })
  const { result } = renderHook(() => useSubscribePrompt(['dues']))
  await new Promise((r) => setTimeout(r, 20))
  expect(result.current.needed).toBe(false)
})
