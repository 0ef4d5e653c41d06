/**
 * A stand-in for @tarojs/taro in the jest `ui` project: navigation, toasts, modals and storage are
 * jest mocks a test can inspect; page hooks run their callback like a first show. `__setRouterParams`
 * sets what `useRouter()` returns; `__reset()` clears everything between tests. `__hidePage()` /
 * `__showPage()` fire the mounted `useDidHide` / `useDidShow` callbacks, like leaving the page and coming back.
 */
import { useEffect, useRef } from 'react'

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

type Listeners = Set<{ current: () => void }>
const shown: Listeners = new Set()
const hidden: Listeners = new Set()

/** Keeps the latest callback of a mounted component in `listeners` until it unmounts. */
function listen(listeners: Listeners, cb: () => void): void {
  const ref = useRef(cb)
  ref.current = cb
  useEffect(() => {
    listeners.add(ref)
    return () => {
      listeners.delete(ref)
    }
  }, [])
}

export function __showPage(): void {
  for (const l of [...shown]) l.current()
}

export function __hidePage(): void {
  for (const l of [...hidden]) l.current()
}

/** The first show after mount, then every `__showPage()`. */
export function useDidShow(cb: () => void): void {
  once(cb)
  listen(shown, cb)
}
export const useLoad = once
export const useReady = once
export function useDidHide(cb: () => void): void {
  listen(hidden, cb)
}
export function usePullDownRefresh(_cb: () => void): void {}
export function useReachBottom(_cb: () => void): void {}
export function useLaunch(_cb: () => void): void {}

export const pxTransform = Taro.pxTransform

export default Taro
