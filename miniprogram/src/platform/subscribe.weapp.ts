/** WeChat one-time subscribe-message permission. */
import Taro from '@tarojs/taro'
import type { SubscribeAnswer } from './types'

/** Ask for permission for ≤3 template ids (must run inside a tap handler); each id's answer. */
export async function requestSubscribe(tmplIds: string[]): Promise<Record<string, SubscribeAnswer>> {
  const ids = tmplIds.slice(0, 3)
  try {
    // `entityIds` is an Alipay-only field that Taro 4.2.1 declares required (docs/PITFALLS.md).
    const res = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })) as unknown as Record<string, unknown>
    const out: Record<string, SubscribeAnswer> = {}
    for (const id of ids) {
      const v = res[id]
      out[id] = v === 'accept' || v === 'ban' || v === 'filter' ? v : 'reject'
    }
    return out
  } catch {
    return Object.fromEntries(ids.map((id) => [id, 'reject' as const]))
  }
}
