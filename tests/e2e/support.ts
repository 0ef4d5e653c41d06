/**
 * e2e helpers: the stack (`npm start`'s host, started once by global-setup on a free port with a fresh
 * data folder) and phone-sized Chromium contexts (375×812) logged in as a given WeChat user through the
 * dev login cookie. Taro H5 uses hash routes: `/#/pages/index/index`.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

export const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080'
/** The instant the stack was started at (global-setup); every phone's clock follows the stack's. */
export const E2E_AT = process.env.E2E_AT ?? '2026-11-20T02:00:00.000Z'
export const ARTIFACTS = join(__dirname, 'artifacts')

let browser: Browser | null = null
const contexts = new Set<BrowserContext>()

/** The stack's current instant (its clock runs on from where a test set it). */
export const stackNow = async (): Promise<Date> => {
  const r = (await (await fetch(`${BASE}/dev/clock`)).json()) as { now: string }
  return new Date(r.now)
}

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
  // The phone's date is the stack's (date pickers open on "today", pages show this month).
  await context.clock.install({ time: await stackNow() })
  contexts.add(context)
  context.on('close', () => contexts.delete(context))
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

/**
 * Local-only time control: move the stack's clock (runs timers after); `null` goes back to the instant
 * the stack started at. Open phones follow.
 */
export const setClock = async (iso: string | null): Promise<void> => {
  await fetch(`${BASE}/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(iso ? { set: iso } : { reset: true }),
  })
  const now = await stackNow()
  await Promise.all([...contexts].map((c) => c.clock.setSystemTime(now)))
}

/** A small valid PNG (a colour gradient) for the photo pickers (shared with the handler tests). */
export { png } from '../support/images'
