import { act, renderHook } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/client'
import { useAction } from './use-action'

const showToast = Taro.showToast as unknown as jest.Mock

beforeEach(() => showToast.mockClear())

describe('useAction', () => {
  it('returns the result and tracks pending', async () => {
    let release!: (v: string) => void
    const { result } = renderHook(() => useAction(() => new Promise<string>((r) => (release = r))))
    let out: Promise<string | undefined> | undefined
    act(() => {
      out = result.current.run()
    })
    expect(result.current.pending).toBe(true)
    await act(async () => {
      release('done')
      await out
    })
    await expect(out).resolves.toBe('done')
    expect(result.current.pending).toBe(false)
    expect(result.current.error).toBeNull()
  })

  it('keeps the server message, shows it in a toast, and resolves undefined', async () => {
    const { result } = renderHook(() =>
      useAction(async () => {
        throw new ApiError('CONFLICT', '该党员已绑定微信')
      }),
    )
    let out: string | undefined = 'x'
    await act(async () => {
      out = (await result.current.run()) as string | undefined
    })
    expect(out).toBeUndefined()
    expect(result.current.error).toBe('该党员已绑定微信')
    expect(result.current.errorCode).toBe('CONFLICT')
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该党员已绑定微信', icon: 'none' }))
    act(() => result.current.reset())
    expect(result.current.error).toBeNull()
  })

  it('can keep errors inline (no toast)', async () => {
    const { result } = renderHook(() =>
      useAction(
        async () => {
          throw new ApiError('NOT_FOUND', '邀请码不正确')
        },
        { toast: false },
      ),
    )
    await act(async () => {
      await result.current.run()
    })
    expect(result.current.error).toBe('邀请码不正确')
    expect(showToast).not.toHaveBeenCalled()
  })

  it('ignores a second tap while the first is running', async () => {
    const fn = jest.fn(() => new Promise<number>((r) => setTimeout(() => r(1), 10)))
    const { result } = renderHook(() => useAction(fn))
    await act(async () => {
      const a = result.current.run()
      const b = result.current.run()
      await expect(b).resolves.toBeUndefined()
      await expect(a).resolves.toBe(1)
    })
    expect(fn).toHaveBeenCalledTimes(1)
  })
})
