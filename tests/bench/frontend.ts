/**
 * Front-end figures for `npm run bench`: the WeChat package sizes (main package and each subpackage of
 * `miniprogram/dist/weapp` as WeChat's compiler outputs them, compression on, limit 2 MB each), the H5 build's
 * initial JavaScript gzipped, and the time to the first render of 首页 (the member's name on screen) in headless Chromium at 4× CPU throttling, median of 5.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { median } from './measure'

const ROOT = join(__dirname, '..', '..')
export const WEAPP_DIR = join(ROOT, 'miniprogram', 'dist', 'weapp')
export const H5_DIR = join(ROOT, 'miniprogram', 'dist', 'h5')
/** WeChat's limit for the main package and for each subpackage. */
export const WEAPP_PACKAGE_LIMIT = 2 * 1024 * 1024

export interface WeappSizes {
  weappMainPackageBytes: number
  weappTotalBytes: number
  weappSubpackageBytes: Record<string, number>
}

/** The report `node scripts/check-weapp.mjs` writes (WeChat's compiler and checkCodeQuality via miniprogram-ci). */
export const WEAPP_QUALITY_REPORT = join(ROOT, 'build', 'weapp-quality.json')

/**
 * WeChat's own measure: each package as miniprogram-ci compiles `miniprogram/dist/weapp` with project.config.json's
 * settings (compression on), from build/weapp-quality.json; the check runs first when the report is missing or
 * older than the build.
 */
export function weappSizes(dir = WEAPP_DIR, report = WEAPP_QUALITY_REPORT): WeappSizes {
  if (!existsSync(report) || statSync(report).mtimeMs < statSync(join(dir, 'app.json')).mtimeMs) {
    try {
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'check-weapp.mjs')], { cwd: ROOT, stdio: 'ignore' })
    } catch {
      // A failed quality item exits 1 after writing the report; benchmarks report figures and never fail on one.
    }
  }
  const { compiledBytes } = JSON.parse(readFileSync(report, 'utf8')) as { compiledBytes: Record<string, number> }
  const sub: Record<string, number> = {}
  for (const [pkg, bytes] of Object.entries(compiledBytes)) if (pkg !== '__APP__') sub[pkg.replace(/\/$/, '')] = bytes
  const main = compiledBytes.__APP__ ?? 0
  return { weappMainPackageBytes: main, weappTotalBytes: main + Object.values(sub).reduce((a, b) => a + b, 0), weappSubpackageBytes: sub }
}

/** The scripts index.html loads before anything renders, gzipped (what a phone downloads first). */
export function h5InitialJs(dir = H5_DIR): { bytes: number; gzipBytes: number; files: string[] } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const files = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => (m[1] as string).replace(/^\//, ''))
  let bytes = 0
  let gzipBytes = 0
  for (const f of files) {
    const body = readFileSync(join(dir, f))
    bytes += body.length
    gzipBytes += gzipSync(body).length
  }
  return { bytes, gzipBytes, files }
}

export interface FirstRender {
  h5FirstRenderMs: number
  h5FirstRenderRunsMs: number[]
  h5FirstContentfulPaintMs: number
  /** Every script fetched until 首页 rendered, gzipped (initial scripts plus the route's chunks). */
  h5HomeJsGzipBytes: number
}

/**
 * Opens 首页 on `baseUrl` (the local host serving the H5 build) as `openid`, `runs` times in fresh
 * contexts (nothing cached), the CPU throttled 4× through CDP; one unmeasured warm-up loads the functions.
 */
export async function h5FirstRender(baseUrl: string, openid: string, runs = 5, executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<FirstRender> {
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'] })
  const host = new URL(baseUrl).hostname
  const times: number[] = []
  const fcps: number[] = []
  let homeJs = 0
  try {
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
      await context.addCookies([{ name: 'zhibu_openid', value: openid, domain: host, path: '/' }])
      // Note the instant the member's name first appears, from inside the page (no polling delay).
      await context.addInitScript(() => {
        const w = window as unknown as { __firstRender?: number }
        new MutationObserver((_m, obs) => {
          const el = document.querySelector('[data-testid="member-name"]')
          if (el && el.textContent) {
            w.__firstRender = performance.now()
            obs.disconnect()
          }
        }).observe(document, { childList: true, subtree: true, characterData: true })
      })
      const page = await context.newPage()
      const scripts: Promise<number>[] = []
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script') scripts.push(r.body().then((b) => gzipSync(b).length, () => 0))
      })
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
      await page.goto(`${baseUrl}/#/pages/index/index`)
      await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender !== undefined, undefined, { timeout: 60_000 })
      const { at, fcp } = await page.evaluate(() => ({
        at: (window as unknown as { __firstRender: number }).__firstRender,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
      }))
      if (i > 0) {
        times.push(Math.round(at))
        fcps.push(Math.round(fcp))
        if (i === 1) homeJs = (await Promise.all(scripts)).reduce((a, b) => a + b, 0)
      }
      await context.close()
    }
  } finally {
    await browser.close()
  }
  return { h5FirstRenderMs: median(times), h5FirstRenderRunsMs: times, h5FirstContentfulPaintMs: median(fcps), h5HomeJsGzipBytes: homeJs }
}
