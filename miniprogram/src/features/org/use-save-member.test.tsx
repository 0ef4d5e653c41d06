/** useSaveMember: a new member is created, an existing one (memberId given) updated with the same fields. */
import { act, renderHook } from '@testing-library/react'
import { installFakeApi, ok } from '@/test-utils/fake-api'
import { member } from '@/test-utils/fixtures'
import { useSaveMember, type MemberFields } from './use-save-member'

let api: ReturnType<typeof installFakeApi>
afterEach(() => api.restore())

const fields = { name: '刘芳', phone: '13800000000' } as unknown as MemberFields

test('creates a member when no id is given', async () => {
  api = installFakeApi(() => ok(member('m9', '刘芳')))
  const { result } = renderHook(() => useSaveMember(undefined))
  await act(async () => {
    await expect(result.current.run(fields)).resolves.toEqual(expect.objectContaining({ id: 'm9' }))
  })
  expect(api.calls).toEqual([{ fn: 'org', action: 'createMember', input: { fields } }])
})

test('updates the member named by the id', async () => {
  api = installFakeApi(() => ok(member('m4', '刘芳')))
  const { result } = renderHook(() => useSaveMember('m4'))
  await act(async () => {
    await result.current.run(fields)
  })
  expect(api.calls).toEqual([{ fn: 'org', action: 'updateMember', input: { memberId: 'm4', fields } }])
})
