/**
 * A reminder's values as a template's WeChat `data`: each value goes to the keyword the template
 * configuration names and is fitted by the shared subscribe-field rules (`thing` ≤20 chars, no newlines,
 * dates as `2024年5月26日`), so a send never fails with 47003 over a long title.
 */
import { subscribeData, subscribeFieldKind } from '@shared/rules/subscribe'
import { formatDateCN } from '@shared/rules/time'
import type { MessageField, TemplateConfig } from '../_kit/reminder-config'
import type { MessageValues } from './plan'

/** The tap on a message opens 首页, whose to-do list links onward (a page WeChat always knows: no 41030). */
export const MESSAGE_PAGE = 'pages/index/index'

const valueFor = (field: MessageField, keyword: string, v: MessageValues): string => {
  const kind = subscribeFieldKind(keyword)
  if (field === 'date' || field === 'time') {
    const day = formatDateCN(v.date)
    // A `time` keyword needs a time of day; a `date` keyword takes one when known.
    if (kind === 'time') return `${day} ${v.time ?? '08:00'}`
    return v.time ? `${day} ${v.time}` : day
  }
  if (field === 'place') return v.place ?? '以通知为准'
  if (field === 'title') return v.title
  return v.note
}

/** WeChat `data` for `subscribeMessage.send`; throws `RuleInputError` when a value cannot be made valid. */
export function messageData(tmpl: TemplateConfig, values: MessageValues): Record<string, { value: string }> {
  const raw: Record<string, string> = {}
  for (const [field, keyword] of Object.entries(tmpl.fields) as [MessageField, string][]) raw[keyword] = valueFor(field, keyword, values)
  return subscribeData(raw)
}
