import { act, renderHook, waitFor } from '@testing-library/react'
import type { CreatedBranch, Me } from '@shared/contract/org'
import { fail, installFakeApi, ok, type ApiHandler } from '@/test-utils/fake-api'
import { getMeState, resetMe } from '@/features/org/me-store'
import { useClaimAdmin, useCreateBranch } from './use-setup'

const ADMIN_ME: Me = { bound: false, member: null, branch: null, adminOrgs: [{ id: 'org_1', name: '中共新城街道工作委员会' }] }
const CREATED: CreatedBranch = {
  id: 'br_1',
  name: '新城社区第一党支部',
  kind: 'branch',
  parentId: 'org_1',
  parentName: '中共新城街道工作委员会',
  secretary: null,
  invite: null,
}

let api: ReturnType<typeof installFakeApi>
const serve = (handler: ApiHandler) => {
  api = installFakeApi(handler)
}
beforeEach(() => resetMe())
afterEach(() => api?.restore())

test('claiming sends the code and makes the shared identity an admin', async () => {
  serve(() => ok(ADMIN_ME))
  const { result } = renderHook(() => useClaimAdmin())
  let me: Me | undefined
  await act(async () => {
    me = await result.current.claim({ code: 'ABCD-EFGH-JKLM', orgName: '中共新城街道工作委员会', adminName: '周明' })
  })
  expect(me?.adminOrgs).toHaveLength(1)
  expect(api.calls).toEqual([{ fn: 'org', action: 'claimAdmin', input: { code: 'ABCD-EFGH-JKLM', orgName: '中共新城街道工作委员会', adminName: '周明' } }])
  expect(getMeState().me).toEqual(ADMIN_ME)
})

test('a refused claim keeps the server’s message and changes nothing', async () => {
  serve(() => fail('CONFLICT', '本环境已设置过上级党委管理员，初始化码已失效'))
  const { result } = renderHook(() => useClaimAdmin())
  await act(async () => {
    await result.current.claim({ code: 'ABCD-EFGH-JKLM', orgName: '党委', adminName: '周明' })
  })
  expect(result.current.error).toBe('本环境已设置过上级党委管理员，初始化码已失效')
  expect(result.current.errorCode).toBe('CONFLICT')
  expect(getMeState().me).toBeUndefined()
})

test('created branches are listed newest first; a failure is shown', async () => {
  let n = 0
  serve(({ input }) => (++n === 3 ? fail('CONFLICT', '已有同名组织') : ok({ ...CREATED, id: `br_${n}`, name: (input as { name: string }).name })))
  const { result } = renderHook(() => useCreateBranch())
  await act(async () => {
    await result.current.create({ parentId: 'org_1', name: '一支部', kind: 'branch' })
  })
  await act(async () => {
    await result.current.create({ parentId: 'org_1', name: '二支部', kind: 'branch' })
  })
  await act(async () => {
    await result.current.create({ parentId: 'org_1', name: '二支部', kind: 'branch' })
  })
  await waitFor(() => expect(result.current.error).toBe('已有同名组织'))
  expect(result.current.created.map((c) => c.name)).toEqual(['二支部', '一支部'])
})
