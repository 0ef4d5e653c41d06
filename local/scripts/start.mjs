// `npm start`: build what is missing or stale (function bundles, H5), then run the local system.
// Flags: --rebuild (force the H5 build).
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createRequire } from 'node:module'
import { bundleHost } from './bundle-host.mjs'
import { mtime, newest } from '../../scripts/lib/prereqs.mjs'

const root = resolve(import.meta.dirname, '..', '..')

const srcTime = Math.max(newest(join(root, 'shared')), newest(join(root, 'cloudfunctions')))
if (mtime(join(root, 'build', 'functions')) < srcTime || !existsSync(join(root, 'build', 'functions'))) {
  execSync('node scripts/build-functions.mjs', { cwd: root, stdio: 'inherit' })
}
const h5Index = join(root, 'miniprogram', 'dist', 'h5', 'index.html')
const uiTime = Math.max(newest(join(root, 'miniprogram', 'src')), newest(join(root, 'shared')))
if (process.argv.includes('--rebuild') || mtime(h5Index) < uiTime) {
  console.log('构建 H5 页面（首次约需半分钟）…')
  try {
    // Always a production build (a test runner's NODE_ENV=test would ask for dev-only plugins).
    execSync('npm run build:h5 --silent', { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } })
  } catch (e) {
    // Show what the compiler said (Taro prints errors on stdout) and stop.
    process.stderr.write(String(e.stdout ?? '').split('\n').filter((l) => !l.includes('\u001b[2K') && !l.includes('即将开始')).slice(-80).join('\n'))
    process.stderr.write(String(e.stderr ?? ''))
    console.error('\nH5 构建失败（见上）。')
    process.exit(1)
  }
}
const hostFile = await bundleHost()
const require = createRequire(import.meta.url)
await require(hostFile).main()
