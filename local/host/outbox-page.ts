/**
 * Local-only 消息 page (`/dev/messages`): the WeChat subscribe messages the functions sent, as recorded
 * in the host's outbox (`/dev/outbox` is the same as JSON) — newest first, with who received them, the
 * template, the page a tap opens and each field. Nothing in the app links here; it stands in for the phone.
 */
import type { OutboxEntry } from './server'
import { beijingTimestamp } from '../../shared/src/rules/time'

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

/** `2025-06-25T10:00:00.000Z` → `2025-06-25 18:00:00` (Beijing). */
const beijing = (iso: string): string => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? iso : beijingTimestamp(t)
}

interface SendPayload {
  touser?: string
  template_id?: string
  page?: string
  data?: Record<string, { value?: string }>
  miniprogram_state?: string
}

export const outboxPage = (outbox: readonly OutboxEntry[], nameOf: (openid: string) => string, nowIso: string): string => {
  const cards = [...outbox]
    .reverse()
    .map((m) => {
      const p = (m.payload ?? {}) as SendPayload
      const fields = Object.entries(p.data ?? {})
        .map(([k, v]) => `<div class="f"><span class="k">${esc(k)}</span><span>${esc(v?.value)}</span></div>`)
        .join('')
      return `<section class="msg">
        <div class="head"><b>${esc(nameOf(p.touser ?? ''))}</b><span class="sub">${esc(beijing(m.at))}</span></div>
        <div class="sub">${esc(p.touser)} · 模板 ${esc(p.template_id)} · ${esc(m.api)} · ${esc(p.miniprogram_state)}</div>
        <div class="fields">${fields}</div>
        <div class="sub">点击打开：${esc(p.page)}</div>
      </section>`
    })
    .join('')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>本地消息 · 支部助手</title>
<style>
body{font-family:-apple-system,'PingFang SC','Noto Sans CJK SC',sans-serif;margin:0;background:#f4f5f7;color:#1f2329;font-size:16px}
header{background:#c8161d;color:#fff;padding:14px 16px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;font-size:14px;opacity:.9}
main{max-width:720px;margin:0 auto;padding:4px 12px 24px}
.msg{background:#fff;border-radius:12px;padding:14px 16px;margin-top:12px}
.head{display:flex;justify-content:space-between;align-items:baseline;gap:8px}.head b{font-size:17px}
.sub{color:#868c96;font-size:13px;word-break:break-all}
.fields{margin:10px 0;padding:10px 12px;background:#fafafa;border-radius:8px}
.f{display:flex;gap:10px;padding:3px 0}.k{flex:0 0 72px;color:#868c96;font-size:14px}
.empty{padding:40px;text-align:center;color:#868c96}
</style></head><body>
<header><h1>本地消息（模拟微信订阅消息）</h1><p>北京时间 ${esc(beijing(nowIso))} · 共 ${outbox.length} 条 · 每5秒刷新 · <a style="color:#fff" href="/dev/outbox">JSON</a></p></header>
<main>${cards || '<div class="empty">还没有发出的消息。提醒到期时（如主题党日前一天18:00）会出现在这里。</div>'}</main></body></html>`
}
