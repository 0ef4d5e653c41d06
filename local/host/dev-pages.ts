/**
 * Local-only pages: the dev login that picks which WeChat user you are (a seeded member, the 上级 admin,
 * or a brand-new unbound user). Served by the local host only; nothing in the app or the functions links
 * here except the banner the host injects.
 */
import { ROLE_LABELS, type BranchRole } from '../../shared/src/contract/roles'
import type { DbService } from '../db'

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

interface Row {
  _id: string
  name?: string
  branchId?: string | null
  roles?: BranchRole[]
  status?: string | null
  adminOrgs?: { name: string }[]
  memberId?: string | null
}

export const sessionLabel = (db: DbService, openid: string): string => {
  const u = db.dump('users').find((d) => d._id === openid) as Row | undefined
  if (!u) return '未绑定的微信用户'
  return `当前身份：${esc(u.name ?? '')}`
}

export const loginPage = (db: DbService): string => {
  const users = db.dump('users') as unknown as Row[]
  const orgs = db.dump('orgs') as unknown as { _id: string; name: string; kind: string }[]
  const branchName = (id: string | null | undefined) => orgs.find((o) => o._id === id)?.name ?? ''
  const rank = (u: Row) => (u.adminOrgs?.length ? 0 : u.roles?.includes('secretary') ? 1 : u.roles?.length ? 2 : 3)
  const sorted = [...users].sort((a, b) => (a.branchId ?? '').localeCompare(b.branchId ?? '') || rank(a) - rank(b))
  const item = (u: Row) => {
    const roles = (u.roles ?? []).map((r) => ROLE_LABELS[r]).join('、')
    const tag = u.adminOrgs?.length
      ? `上级党委管理员（${esc(u.adminOrgs.map((o) => o.name).join('、'))}）`
      : `${esc(branchName(u.branchId))} · ${u.status === 'probationary' ? '预备党员' : '正式党员'}${roles ? ' · ' + esc(roles) : ''}`
    return `<li><button name="openid" value="${esc(u._id)}" data-openid="${esc(u._id)}"><b>${esc(u.name ?? '')}</b><span>${tag}</span></button></li>`
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>本地演示环境 · 选择身份</title>
<style>
body{margin:0;font-family:-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;background:#f5f5f5;color:#1f1f1f;font-size:17px}
header{background:#c41d0f;color:#fff;padding:20px 16px}
h1{margin:0;font-size:22px}
p{margin:6px 0 0;font-size:15px;opacity:.9}
ul{list-style:none;margin:0;padding:8px 12px}
li{margin:8px 0}
button{width:100%;text-align:left;padding:14px 16px;border:1px solid #eee;border-radius:10px;background:#fff;font-size:17px;display:flex;flex-direction:column;gap:4px;cursor:pointer}
button span{font-size:14px;color:#666}
.new{border:2px dashed #c41d0f;color:#c41d0f}
</style></head><body>
<header><h1>本地演示环境</h1><p>选择一位演示用户登录（相当于在微信中打开小程序的人）。</p></header>
<form method="post" action="/dev/login"><ul>
<li><button class="new" name="openid" value="new" data-openid="new"><b>新的微信用户（未绑定）</b><span>用支部发放的邀请码绑定党员身份</span></button></li>
${sorted.map(item).join('\n')}
</ul></form></body></html>`
}
