/** useExportRound: the server builds and stores the sheet, the phone downloads its link and opens it; the result says whether it was opened. */
import { act, renderHook } from '@testing-library/react'
import { fail, installFakeApi, ok } from '@/test-utils/fake-api'
import { useExportRound } from './use-manage-round'

let api: ReturnType<typeof installFakeApi>
afterEach(() => api.restore())

const file = { fileName: '评议结果.xlsx', url: 'https://files.example/x.xlsx', fileId: 'cloud://env/evaluation/exports/b/x.xlsx', rows: 12, bytes: 4096 }

test('builds the sheet of the kind asked for, then downloads and opens its link', async () => {
  api = installFakeApi(() => ok(file))
  const download = jest.fn(async () => undefined)
  const { result } = renderHook(() => useExportRound(download))
  let out: boolean | undefined
  await act(async () => {
    out = await result.current.run('r1', 'summary')
  })
  expect(out).toBe(true)
  expect(api.calls).toEqual([{ fn: 'evaluation', action: 'exportXlsx', input: { roundId: 'r1', kind: 'summary' } }])
  expect(download).toHaveBeenCalledWith(file.url, file.fileName, expect.any(Function))
})

test('a failed build downloads nothing and keeps the server message', async () => {
  api = installFakeApi(() => fail('NOT_FOUND', '评议不存在'))
  const download = jest.fn(async () => undefined)
  const { result } = renderHook(() => useExportRound(download))
  await act(async () => {
    await expect(result.current.run('r1', 'summary')).resolves.toBeUndefined()
  })
  expect(download).not.toHaveBeenCalled()
  expect(result.current.error).toBe('评议不存在')
})

test('a failed download keeps its own message', async () => {
  api = installFakeApi(() => ok(file))
  const download = jest.fn(async () => {
    throw new Error('下载失败（404）')
  })
  const { result } = renderHook(() => useExportRound(download))
  await act(async () => {
    await expect(result.current.run('r1', 'register')).resolves.toBeUndefined()
  })
  expect(result.current.error).toBe('下载失败（404）')
})
