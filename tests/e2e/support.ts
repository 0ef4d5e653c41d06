/**
 * e2e helpers: the stack (`npm start`'s host, started once by global-setup on a free port with a fresh
 * data folder) and phone-sized Chromium contexts (375×812) logged in as a given WeChat user through the
 * dev login cookie. Taro H5 uses hash routes: `/#/pages/index/index`.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { crc32, deflateSync } from 'node:zlib'
import { join } from 'node:path'

export const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080'
export const ARTIFACTS = join(__dirname, 'artifacts')

let browser: Browser | null = null

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export const getBrowser = async (): Promise<Browser> => {
  browser ??= await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
  return browser
}

export const closeBrowser = async (): Promise<void> => {
  await browser?.close()
  browser = null
}

/**
 * A new phone (browser context) signed in as `openid` (a seeded `dev_<memberId>`, `dev_admin`, or any new
 * id = unbound user); with `at`, the phone allows location and is at those coordinates.
 */
export const phone = async (openid: string, at?: { latitude: number; longitude: number }): Promise<{ context: BrowserContext; page: Page }> => {
  const b = await getBrowser()
  const context = await b.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    ...(at ? { geolocation: at, permissions: ['geolocation'] } : {}),
  })
  const url = new URL(BASE)
  await context.addCookies([{ name: 'zhibu_openid', value: openid, domain: url.hostname, path: '/' }])
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  return { context, page }
}

/** Open a route of the H5 app, e.g. `pages/index/index` or `subpackages/admin/members/index?x=1`. */
export const open = async (page: Page, route: string): Promise<void> => {
  await page.goto(`${BASE}/#/${route.replace(/^\//, '')}`)
}

/**
 * Open a route in a fresh document. Taro's H5 router keeps earlier page instances (hidden) after a hash
 * change, and a `reload()` right after one races the router; loading from a blank page avoids both.
 */
export const openFresh = async (page: Page, route: string): Promise<void> => {
  await page.goto('about:blank')
  await open(page, route)
}

export const shot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(ARTIFACTS, { recursive: true })
  const p = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path: p, fullPage: false })
  return p
}

/** Call a function directly as a user (setup steps that are not under test). */
export const callAs = async (openid: string, fn: string, action: string, input: unknown): Promise<unknown> => {
  const res = await fetch(`${BASE}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zhibu-openid': openid },
    body: JSON.stringify({ action, input }),
  })
  const body = (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string } }
  if (!body.ok) throw new Error(`${fn}.${action}: ${body.error?.code} ${body.error?.message}`)
  return body.data
}

/** Local-only time control: move the stack's clock (runs timers after). */
export const setClock = async (iso: string | null): Promise<void> => {
  await fetch(`${BASE}/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(iso ? { set: iso } : { reset: true }),
  })
}

/** A small valid PNG (a colour gradient) for the photo pickers. */
export function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(td) >>> 0)
    return Buffer.concat([len, td, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0)])
  for (let x = 0; x < width; x++) row.set([200, 22 + x, 29], 1 + x * 3)
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}
