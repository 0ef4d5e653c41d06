/** useDuesFileExport: the sheet asked for is built by `dues.exportFile` with that input, then downloaded. */
import { act, renderHook } from '@testing-library/react'
import { installFakeApi, ok } from '@/test-utils/fake-api'
import { useDuesFileExport } from './use-dues-file-export'

let api: ReturnType<typeof installFakeApi>
afterEach(() => api.restore())

test('builds the file with the input given and downloads it', async () => {
  api = installFakeApi(() => ok({ fileName: '党费交纳登记表.xlsx', url: 'https://files.local/a.xlsx' }))
  const download = jest.fn(async (_url: string, _name: string, onProgress: (p: number) => void) => onProgress(1))
  const { result } = renderHook(() => useDuesFileExport({ download }))
  let done: boolean | undefined
  await act(async () => {
    done = await result.current.run('ledger', { kind: 'ledger', year: 2026 })
  })
  expect(done).toBe(true)
  expect(api.calls).toEqual([{ fn: 'dues', action: 'exportFile', input: { kind: 'ledger', year: 2026 } }])
  expect(download).toHaveBeenCalledWith('https://files.local/a.xlsx', '党费交纳登记表.xlsx', expect.any(Function))
  expect(result.current.state).toEqual(expect.objectContaining({ phase: 'done', key: 'ledger', fileName: '党费交纳登记表.xlsx' }))
})
