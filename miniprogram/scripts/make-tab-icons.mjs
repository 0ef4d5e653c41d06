// Renders the tab bar icons (81×81 PNG, grey and red) from src/components/Icon/paths.ts with Chromium,
// so the tab bar and in-page icons share one drawing. Run once after changing an icon; the PNGs are committed.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { transformSync } from 'esbuild'
import { chromium } from 'playwright-core'

const here = path.dirname(fileURLToPath(import.meta.url))
const src = fs.readFileSync(path.resolve(here, '../src/components/Icon/paths.ts'), 'utf8')
const js = transformSync(src, { loader: 'ts', format: 'esm' }).code
const { iconSvg } = await import('data:text/javascript,' + encodeURIComponent(js))

const TABS = { home: 'home', meetings: 'flag', mine: 'user' }
const COLORS = { '': '#6b7079', '-active': '#c8161d' }
const outDir = path.resolve(here, '../src/assets/tab')
fs.mkdirSync(outDir, { recursive: true })

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
})
const page = await browser.newPage({ viewport: { width: 81, height: 81 } })
for (const [file, icon] of Object.entries(TABS)) {
  for (const [suffix, color] of Object.entries(COLORS)) {
    const svg = iconSvg(icon, color, suffix ? 2.1 : 1.8).replace('<svg ', '<svg width="69" height="69" ')
    await page.setContent(`<html><body style="margin:0;background:transparent"><div style="padding:6px">${svg}</div></body></html>`)
    const out = path.join(outDir, `${file}${suffix}.png`)
    await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: 81, height: 81 } })
    console.log(out)
  }
}
await browser.close()
