import { renderHook, waitFor } from '@testing-library/react'
import { ROSTER, member } from '@/test-utils/fixtures'
import { fail, installFakeApi, ok } from '@/test-utils/fake-api'
import { ROSTER_LIMIT, filterByName, useMember, useMembers } from './use-org'

let api: ReturnType<typeof installFakeApi>
afterEach(() => api.restore())

describe('useMembers', () => {
  it('lists the branch roster, or one group when given', async () => {
    api = installFakeApi(({ input }) => {
      const groupId = (input as { groupId?: string }).groupId
      const members = groupId ? ROSTER.filter((m) => m.groupId === groupId) : ROSTER
      return ok({ members, total: members.length })
    })
    const all = renderHook(() => useMembers())
    await waitFor(() => expect(all.result.current.data?.total).toBe(5))
    const g2 = renderHook(() => useMembers({ groupId: 'g2' }))
    await waitFor(() => expect(g2.result.current.data?.members.map((m) => m.name)).toEqual(['刘芳']))
    expect(api.calls.map((c) => c.input)).toEqual([{ page: { limit: ROSTER_LIMIT } }, { groupId: 'g2', page: { limit: ROSTER_LIMIT } }])
  })

  it('reports FORBIDDEN with the server message', async () => {
    api = installFakeApi(() => fail('FORBIDDEN', '您没有权限进行此操作'))
    const { result } = renderHook(() => useMembers())
    await waitFor(() => expect(result.current.error?.code).toBe('FORBIDDEN'))
    expect(result.current.error?.message).toBe('您没有权限进行此操作')
  })
})

describe('useMember', () => {
  it('waits for an id, then loads that member', async () => {
    api = installFakeApi(({ input }) => ok(member((input as { memberId: string }).memberId, '刘芳')))
    const { result, rerender } = renderHook(({ id }: { id?: string }) => useMember(id), { initialProps: {} as { id?: string } })
    expect(api.calls).toHaveLength(0)
    rerender({ id: 'm4' })
    await waitFor(() => expect(result.current.data?.id).toBe('m4'))
    expect(api.calls[0]).toEqual({ fn: 'org', action: 'getMember', input: { memberId: 'm4' } })
  })
})

describe('filterByName', () => {
  it('matches part of a name, ignoring spaces around the query', () => {
    expect(filterByName(ROSTER, ' 秀 ').map((m) => m.id)).toEqual(['m2'])
    expect(filterByName(ROSTER, '王秀').map((m) => m.id)).toEqual([])
    expect(filterByName(ROSTER, '秀英').map((m) => m.id)).toEqual(['m2'])
    expect(filterByName(ROSTER, '  ').length).toBe(ROSTER.length)
  })
})
