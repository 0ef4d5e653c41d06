/**
 * A gentle offer to turn reminders on at a natural moment (just signed in, looking at one's dues): shown
 * only while some wanted template has no accepts left; its button's tap is where WeChat lets us ask.
 */
import { useCallback, useEffect, useState } from 'react'
import type { TemplateInfo, TemplateKey } from '@shared/contract/reminders'
import { askSubscribe, templatesToAsk, withAccepted } from './subscribe'
import { loadTemplates, resetTemplates } from './use-reminders'

export function useSubscribePrompt(wanted: readonly TemplateKey[]): { needed: boolean; ask: () => Promise<TemplateKey[]> } {
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null)
  useEffect(() => {
    let alive = true
    loadTemplates().then(
      (t) => alive && setTemplates(t),
      () => undefined,
    )
    return () => {
      alive = false
    }
  }, [])
  const key = wanted.join(',')
  const asked = templates ? templatesToAsk(templates, wanted).filter((t) => t.remaining < 1) : []
  const ask = useCallback(async () => {
    // Call synchronously from the tap handler: askSubscribe asks WeChat before its first await.
    const accepted = await askSubscribe(asked).catch(() => [] as TemplateKey[])
    if (accepted.length && templates) {
      setTemplates(withAccepted(templates, accepted))
      resetTemplates() // other pages reload the new counts
    }
    return accepted
    // `asked` derives from `templates` and `key`.
  }, [templates, key])
  return { needed: asked.length > 0, ask }
}
