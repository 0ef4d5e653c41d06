/**
 * A stand-in for @tarojs/taro in the jest `ui` project: navigation, toasts, modals and storage are
 * jest mocks a test can inspect; page hooks run their callback like a first show. `__setRouterParams`
 * sets what `useRouter()` returns; `__reset()` clears everything between tests.
 */
import { useEffect } from 'react'

let routerParams: Record<string, string> = {}
let pages: unknown[] = [{}]

export function __setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

export function __setPageStack(depth: number): void {
  pages = Array.from({ length: depth }, () => ({}))
}

const ok = () => jest.fn(async () => ({ errMsg: 'ok' }))

const Taro = {
  navigateTo: ok(),
  redirectTo: ok(),
  reLaunch: ok(),
  switchTab: ok(),
  navigateBack: ok(),
  showToast: ok(),
  hideToast: ok(),
  showLoading: ok(),
  hideLoading: ok(),
  showModal: jest.fn(async (_opts?: unknown) => ({ confirm: true, cancel: false, errMsg: 'ok' })),
  setClipboardData: ok(),
  setNavigationBarTitle: ok(),
  stopPullDownRefresh: ok(),
  hideHomeButton: ok(),
  scanCode: jest.fn(async () => ({ result: '', errMsg: 'ok' })),
  requestSubscribeMessage: jest.fn(async () => ({ errMsg: 'ok' })),
  getCurrentPages: jest.fn(() => pages),
  pxTransform: (n: number) => `${n}px`,
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(async () => ({ result: undefined })),
  },
}

export function __reset(): void {
  routerParams = {}
  pages = [{}]
  for (const v of Object.values(Taro)) if (jest.isMockFunction(v)) v.mockClear()
  Taro.cloud.init.mockClear()
  Taro.cloud.callFunction.mockClear()
}

export function useRouter(): { params: Record<string, string>; path: string } {
  return { params: routerParams, path: '' }
}

export function getCurrentInstance(): { router: { params: Record<string, string> } } {
  return { router: { params: routerParams } }
}

/** Runs once after mount, like the first `onShow` / `onLoad`. */
function once(cb: () => void): void {
  // The callback identity changes every render; the page lifecycle fires once per show.
  useEffect(() => {
    cb()
  }, [])
}

export const useDidShow = once
export const useLoad = once
export const useReady = once
export function useDidHide(_cb: () => void): void {}
export function usePullDownRefresh(_cb: () => void): void {}
export function useReachBottom(_cb: () => void): void {}
export function useLaunch(_cb: () => void): void {}

export const pxTransform = Taro.pxTransform

export default Taro
