import { act, renderHook, waitFor } from '@testing-library/react'
import { ApiError } from '@/services/client'
import { useApiCall } from './use-api-call'

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('useApiCall', () => {
  it('goes loading → data', async () => {
    const { result } = renderHook(() => useApiCall(async () => 42, []))
    expect(result.current.loading).toBe(true)
    await waitFor(() => expect(result.current.loading).toBe(false))
    expect(result.current.data).toBe(42)
    expect(result.current.error).toBeNull()
  })

  it('keeps the ApiError of a failed call', async () => {
    const { result } = renderHook(() =>
      useApiCall(async () => {
        throw new ApiError('NOT_FOUND', '没有找到该党员')
      }, []),
    )
    await waitFor(() => expect(result.current.loading).toBe(false))
    expect(result.current.error?.code).toBe('NOT_FOUND')
    expect(result.current.error?.message).toBe('没有找到该党员')
    expect(result.current.data).toBeUndefined()
  })

  it('wraps a non-API failure as INTERNAL', async () => {
    const { result } = renderHook(() =>
      useApiCall(async () => {
        throw new TypeError('x is undefined')
      }, []),
    )
    await waitFor(() => expect(result.current.error).not.toBeNull())
    expect(result.current.error?.code).toBe('INTERNAL')
  })

  it('does not call while the call is null, and calls once it is given', async () => {
    const fn = jest.fn(async () => 'ok')
    const { result, rerender } = renderHook(({ on }: { on: boolean }) => useApiCall(on ? fn : null, []), { initialProps: { on: false } })
    expect(fn).not.toHaveBeenCalled()
    expect(result.current.loading).toBe(false)
    rerender({ on: true })
    await waitFor(() => expect(result.current.data).toBe('ok'))
    expect(fn).toHaveBeenCalledTimes(1)
  })

  it('re-runs when deps change and ignores a late reply from the older call', async () => {
    const first = deferred<string>()
    const second = deferred<string>()
    const calls = [first, second]
    let i = 0
    const { result, rerender } = renderHook(({ id }: { id: string }) => useApiCall(() => calls[i++]!.promise, [id]), {
      initialProps: { id: 'a' },
    })
    rerender({ id: 'b' })
    await act(async () => {
      second.resolve('second')
    })
    await act(async () => {
      first.resolve('first')
    })
    expect(result.current.data).toBe('second')
    expect(result.current.loading).toBe(false)
  })

  it('reload() fetches again and setData() replaces the data', async () => {
    let n = 0
    const { result } = renderHook(() => useApiCall(async () => ++n, []))
    await waitFor(() => expect(result.current.data).toBe(1))
    await act(async () => {
      await result.current.reload()
    })
    expect(result.current.data).toBe(2)
    act(() => result.current.setData(10))
    expect(result.current.data).toBe(10)
  })
})
