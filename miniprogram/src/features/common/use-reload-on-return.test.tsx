/**
 * useReloadOnReturn: the first show (before or after mounting) loads nothing extra; a show after a hide
 * runs every reload once, with the latest callbacks.
 */
import { act, renderHook } from '@testing-library/react'
import { useReloadOnReturn } from './use-reload-on-return'

// The jest stand-in for @tarojs/taro (tests/support/taro.ts) fires the page's hide / show callbacks.
const { __hidePage, __showPage } = require('@tarojs/taro') as { __hidePage: () => void; __showPage: () => void }

const show = (): void => act(() => __showPage())
const hide = (): void => act(() => __hidePage())

test('the first show, and shows without a hide before them, reload nothing', () => {
  const reload = jest.fn(async () => undefined)
  const { unmount } = renderHook(() => useReloadOnReturn(reload))
  show()
  show()
  expect(reload).not.toHaveBeenCalled()
  unmount()
})

test('coming back after a hide runs every reload once', () => {
  const a = jest.fn(async () => undefined)
  const b = jest.fn(async () => undefined)
  const { unmount } = renderHook(() => useReloadOnReturn(a, b))
  hide()
  show()
  expect(a).toHaveBeenCalledTimes(1)
  expect(b).toHaveBeenCalledTimes(1)
  show()
  expect(a).toHaveBeenCalledTimes(1)
  hide()
  show()
  expect(a).toHaveBeenCalledTimes(2)
  unmount()
})

test('uses the reloads of the latest render', () => {
  const first = jest.fn(async () => undefined)
  const second = jest.fn(async () => undefined)
  const { rerender, unmount } = renderHook(({ r }) => useReloadOnReturn(r), { initialProps: { r: first } })
  rerender({ r: second })
  hide()
  show()
  expect(first).not.toHaveBeenCalled()
  expect(second).toHaveBeenCalledTimes(1)
  unmount()
})
