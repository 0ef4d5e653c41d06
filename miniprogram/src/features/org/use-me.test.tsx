import { renderHook, waitFor, act } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { BOUND_ME, UNBOUND_ME } from '@/test-utils/fixtures'
import { fail, installFakeApi, ok, type ApiHandler } from '@/test-utils/fake-api'
import { resetMe, setMe } from './me-store'
import { useMe, useRequireBound } from './use-me'

const reLaunch = Taro.reLaunch as unknown as jest.Mock

let api: ReturnType<typeof installFakeApi>
const serve = (handler: ApiHandler) => {
  api = installFakeApi(handler)
}

beforeEach(() => {
  resetMe()
  reLaunch.mockClear()
})
afterEach(() => api?.restore())

describe('useMe', () => {
  it('asks the org function once and shares the answer between components', async () => {
    serve(() => ok(BOUND_ME))
    const a = renderHook(() => useMe())
    const b = renderHook(() => useMe())
    expect(a.result.current.loading).toBe(true)
    await waitFor(() => expect(a.result.current.me?.member?.name).toBe('王建国'))
    expect(b.result.current.me?.branch?.name).toBe('第一党支部')
    expect(api.calls).toEqual([{ fn: 'org', action: 'me', input: {} }])
  })

  it('exposes the error message when org.me fails', async () => {
    serve(() => fail('INTERNAL', '系统繁忙，请稍后再试'))
    const { result } = renderHook(() => useMe())
    await waitFor(() => expect(result.current.error?.message).toBe('系统繁忙，请稍后再试'))
    expect(result.current.loading).toBe(false)
    expect(result.current.me).toBeUndefined()
  })

  it('setMe (after binding) updates every reader without a request', async () => {
    serve(() => ok(UNBOUND_ME))
    const { result } = renderHook(() => useMe())
    await waitFor(() => expect(result.current.me?.bound).toBe(false))
    act(() => setMe(BOUND_ME))
    expect(result.current.me?.bound).toBe(true)
    expect(api.calls).toHaveLength(1)
  })
})

describe('useRequireBound', () => {
  it('sends an unbound user to the binding page', async () => {
    serve(() => ok(UNBOUND_ME))
    renderHook(() => useRequireBound())
    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/bind/index' }))
  })

  it('leaves a bound member where they are', async () => {
    serve(() => ok(BOUND_ME))
    const { result } = renderHook(() => useRequireBound())
    await waitFor(() => expect(result.current.me?.bound).toBe(true))
    expect(reLaunch).not.toHaveBeenCalled()
  })
})
