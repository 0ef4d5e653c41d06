/**
 * Asking for WeChat subscribe-message accepts (each accept allows one message): which templates to ask
 * for (≤3 per ask, the ones with the fewest accepts left first), and the ask itself — called from inside a
 * tap handler, `requestSubscribe` first (WeChat refuses it after an await), then the accepted templates
 * are reported to the server. On h5 the platform adapter accepts every template.
 */
import type { TemplateInfo } from '@shared/contract/reminders'
import { SUBSCRIBE_ASK_MAX, TEMPLATE_KEYS, type TemplateKey } from '@shared/contract/constants/reminders'
import { requestSubscribe, type SubscribeAnswer } from '@/platform'
import { api } from '@/services/api'

/** Up to three templates to ask for: among those the member uses (and, if given, `wanted`), fewest accepts left first. */
export function templatesToAsk(templates: readonly TemplateInfo[], wanted?: readonly TemplateKey[]): TemplateInfo[] {
  return templates
    .filter((t) => t.used && t.id !== '' && (!wanted || wanted.includes(t.key)))
    .sort((a, b) => a.remaining - b.remaining || TEMPLATE_KEYS.indexOf(a.key) - TEMPLATE_KEYS.indexOf(b.key))
    .slice(0, SUBSCRIBE_ASK_MAX)
}

/** The template keys WeChat answered `accept` for. */
export function acceptedKeys(asked: readonly TemplateInfo[], answers: Readonly<Record<string, SubscribeAnswer>>): TemplateKey[] {
  return asked.filter((t) => answers[t.id] === 'accept').map((t) => t.key)
}

/**
 * Ask now (call it synchronously from the tap handler) and report what was accepted. Resolves with the
 * accepted keys; an empty list when nothing was asked or everything was declined.
 */
export async function askSubscribe(asked: readonly TemplateInfo[]): Promise<TemplateKey[]> {
  if (asked.length === 0) return []
  const answers = await requestSubscribe(asked.map((t) => t.id))
  const keys = acceptedKeys(asked, answers)
  if (keys.length > 0) await api.reminders.subscribed({ accepted: keys })
  return keys
}

/** The templates after `accepted` came in: one more accept each. */
export function withAccepted(templates: readonly TemplateInfo[], accepted: readonly TemplateKey[]): TemplateInfo[] {
  return templates.map((t) => (accepted.includes(t.key) ? { ...t, remaining: t.remaining + 1 } : t))
}
