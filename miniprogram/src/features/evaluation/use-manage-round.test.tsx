/** useExportRound: the server builds the sheet, the phone saves it; the result says whether it was saved. */
import { act, renderHook } from '@testing-library/react'
import { fail, installFakeApi, ok } from '@/test-utils/fake-api'
import { useExportRound } from './use-manage-round'

let api: ReturnType<typeof installFakeApi>
afterEach(() => api.restore())

const file = { fileName: '评议结果.xlsx', base64: 'UEsDBA==', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }

test('builds the sheet of the kind asked for and saves it', async () => {
  api = installFakeApi(() => ok(file))
  const save = jest.fn(async () => true)
  const { result } = renderHook(() => useExportRound(save))
  let out: boolean | undefined
  await act(async () => {
    out = await result.current.run('r1', 'summary')
  })
  expect(out).toBe(true)
  expect(api.calls).toEqual([{ fn: 'evaluation', action: 'exportXlsx', input: { roundId: 'r1', kind: 'summary' } }])
  expect(save).toHaveBeenCalledWith(file.fileName, file.base64, file.mimeType)
})

test('a failed build saves nothing and keeps the server message', async () => {
  api = installFakeApi(() => fail('NOT_FOUND', '评议不存在'))
  const save = jest.fn(async () => true)
  const { result } = renderHook(() => useExportRound(save))
  await act(async () => {
    await expect(result.current.run('r1', 'summary')).resolves.toBeUndefined()
  })
  expect(save).not.toHaveBeenCalled()
  expect(result.current.error).toBe('评议不存在')
})
