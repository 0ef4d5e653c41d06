/**
 * Navigation helpers: `go(ROUTES.x, query)` picks switchTab for tab pages and navigateTo otherwise.
 */
import Taro from '@tarojs/taro'
import { ROUTES, isTabRoute, withQuery } from '@/constants/routes'

export function go(route: string, query: Record<string, string | number | undefined> = {}): void {
  if (isTabRoute(route)) {
    void Taro.switchTab({ url: route })
    return
  }
  void Taro.navigateTo({ url: withQuery(route, query) })
}

/** Go back, or to 首页 when this page was opened directly (no history). */
export function back(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: ROUTES.home })
}
