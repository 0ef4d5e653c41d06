/**
 * Local-only 消息 page (`/dev/messages`): the WeChat subscribe messages the functions sent, as recorded
 * in the host's outbox (`/dev/outbox` is the same as JSON) — newest first, with who received them, the
 * template, the page a tap opens and each field. Nothing in the app links here; it stands in for the phone.
 */
import type { OutboxEntry } from './server'

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

/** `2025-06-25T10:00:00.000Z` → `2025-06-25 18:00:00` (Beijing). */
const beijing = (iso: string): string => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? iso : new Date(t + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}

interface SendPayload {
  touser?: string
  template_id?: string
  page?: string
  data?: Record<string, { value?: string }>
  miniprogram_state?: string
}

export const outboxPage = (outbox: readonly OutboxEntry[], nameOf: (openid: string) => string, nowIso: string): string => {
  const rows = [...outbox]
    .reverse()
    .map((m) => {
      const p = (m.payload ?? {}) as SendPayload
      const fields = Object.entries(p.data ?? {})
        .map(([k, v]) => `<div><span class="k">${esc(k)}</span>${esc(v?.value)}</div>`)
        .join('')
      return `<tr>
        <td>${esc(beijing(m.at))}</td>
        <td>${esc(nameOf(p.touser ?? ''))}<div class="sub">${esc(p.touser)}</div></td>
        <td>${esc(p.template_id)}<div class="sub">${esc(m.api)} · ${esc(p.miniprogram_state)}</div></td>
        <td>${fields}</td>
        <td>${esc(p.page)}</td>
      </tr>`
    })
    .join('')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>本地消息 · 支部助手</title>
<style>
body{font-family:-apple-system,'PingFang SC','Noto Sans CJK SC',sans-serif;margin:0;background:#f4f5f7;color:#1f2329;font-size:16px}
header{background:#c8161d;color:#fff;padding:14px 20px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;font-size:14px;opacity:.9}
main{padding:12px 16px}table{width:100%;border-collapse:collapse;background:#fff;border-radius:10px;overflow:hidden}
th,td{padding:10px 12px;border-bottom:1px solid #ebedf0;text-align:left;vertical-align:top;font-size:15px}th{background:#fafafa;color:#868c96;font-weight:500}
.sub{color:#868c96;font-size:13px}.k{display:inline-block;min-width:64px;color:#868c96}.empty{padding:40px;text-align:center;color:#868c96}
</style></head><body>
<header><h1>本地消息（模拟微信订阅消息）</h1><p>本地时间（北京）${esc(beijing(nowIso))} · 共 ${outbox.length} 条 · 每5秒刷新 · JSON：<a style="color:#fff" href="/dev/outbox">/dev/outbox</a></p></header>
<main>${
    outbox.length
      ? `<table><thead><tr><th>发送时间</th><th>接收人</th><th>模板</th><th>内容</th><th>点击打开</th></tr></thead><tbody>${rows}</tbody></table>`
      : '<div class="empty">还没有发出的消息。提醒到期时（如主题党日前一天18:00）会出现在这里。</div>'
  }</main></body></html>`
}
