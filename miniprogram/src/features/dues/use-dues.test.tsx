import { act, renderHook, waitFor } from '@testing-library/react'
import { api as client } from '@/services/api'
import { fail, installFakeApi, ok } from '@/test-utils/fake-api'
import { filterRows, useCollection, useMemberDues } from './use-dues'
import { useExport } from './use-export'

let api: ReturnType<typeof installFakeApi>
afterEach(() => api?.restore())

describe('useMemberDues', () => {
  it('asks for the caller’s own dues without an id, a member’s with one', async () => {
    api = installFakeApi(() => ok({ memberId: 'm1' }))
    renderHook(() => useMemberDues())
    renderHook(() => useMemberDues('m9'))
    await waitFor(() => expect(api.calls).toHaveLength(2))
    expect(api.calls).toEqual([
      { fn: 'dues', action: 'memberDues', input: {} },
      { fn: 'dues', action: 'memberDues', input: { memberId: 'm9' } },
    ])
  })
  it('keeps the server’s message on FORBIDDEN (someone else’s base)', async () => {
    api = installFakeApi(() => fail('FORBIDDEN', '您没有权限进行此操作'))
    const { result } = renderHook(() => useMemberDues('m9'))
    await waitFor(() => expect(result.current.error?.message).toBe('您没有权限进行此操作'))
  })
})

describe('useCollection', () => {
  it('reloads when the month changes and filters rows by status', async () => {
    const rows = ['paid', 'overdue', 'reported', 'unpaid', 'exempt'].map((status, i) => ({ memberId: `m${i}`, entry: { status } }))
    api = installFakeApi(({ input }) => ok({ month: (input as { month: string }).month, rows }))
    const { result, rerender } = renderHook(({ m }: { m: string }) => useCollection(m), { initialProps: { m: '2026-11' } })
    await waitFor(() => expect(result.current.data?.month).toBe('2026-11'))
    rerender({ m: '2026-10' })
    await waitFor(() => expect(result.current.data?.month).toBe('2026-10'))
    const data = result.current.data?.rows ?? []
    expect(filterRows(data, 'unpaid').map((r) => r.memberId)).toEqual(['m1', 'm3'])
    expect(filterRows(data, 'paid').map((r) => r.memberId)).toEqual(['m0', 'm4'])
    expect(filterRows(data, 'reported').map((r) => r.memberId)).toEqual(['m2'])
  })
})

describe('useExport', () => {
  it('builds, downloads with progress, then is done', async () => {
    const download = jest.fn(async (_url: string, _name: string, onProgress: (p: number) => void) => {
      onProgress(50)
      onProgress(100)
    })
    const { result } = renderHook(() => useExport({ download }))
    let done: boolean | undefined
    await act(async () => {
      done = await result.current.run('ledger', async () => ({ fileName: '登记表.xlsx', url: 'http://x/f.xlsx', fileId: 'f', rows: 3, bytes: 100 }))
    })
    expect(done).toBe(true)
    expect(download).toHaveBeenCalledWith('http://x/f.xlsx', '登记表.xlsx', expect.any(Function))
    expect(result.current.state).toMatchObject({ phase: 'done', percent: 100, key: 'ledger', fileName: '登记表.xlsx' })
  })
  it('shows the server’s message when building fails', async () => {
    api = installFakeApi(() => fail('FORBIDDEN', '您没有权限进行此操作'))
    const { result } = renderHook(() => useExport({ download: jest.fn() }))
    await act(async () => {
      await result.current.run('ledger', () => client.dues.exportFile({ kind: 'ledger', year: 2026 }))
    })
    expect(result.current.state).toMatchObject({ phase: 'error', error: '您没有权限进行此操作' })
  })
})
