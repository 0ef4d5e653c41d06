/**
 * Reload a page's data when the user comes back to it (from a form, a detail page, another tab): after a
 * hide, not on "not the first show". A component mounted after the page's first show (behind AccessGate,
 * once the identity is known) would otherwise take the return for the first show and never reload, or
 * reload needlessly right after mounting.
 */
import { useRef } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

export function useReloadOnReturn(...reloads: (() => Promise<unknown>)[]): void {
  const hidden = useRef(false)
  const latest = useRef(reloads)
  latest.current = reloads
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    for (const r of latest.current) void r()
  })
}
