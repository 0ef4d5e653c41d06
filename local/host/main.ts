/**
 * Entry of the local system (`npm start`): database service + function host + H5 + timers on one port,
 * the demo branch seeded on first start. Env: PORT (8080), ZHIBU_DATA_DIR (.data), ZHIBU_OPEN=0 to not
 * open a browser, ZHIBU_AT=<ISO instant> to run the whole stack at that instant (e2e and crash tests
 * state theirs; the seed is made relative to it and /dev/clock's reset returns to it).
 */
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { createDbService, pointSdkAt } from '../db'
import { seedDemo } from '../seed'
import { clock } from '../clock'
import { createHost } from './server'
import { ROOT } from './functions'
import { wechatForDataDir } from './wechat'

/** The stack's instant: `ZHIBU_AT` when given (the clock starts there), else the machine's. */
const stackInstant = (): string => {
  const at = process.env.ZHIBU_AT
  if (at) {
    if (Number.isNaN(Date.parse(at))) throw new Error(`ZHIBU_AT is not an ISO instant: ${at}`)
    clock.start(at)
  }
  return new Date().toISOString()
}

export const startLocal = async (opts: { port?: number; dataDir?: string; reset?: boolean } = {}) => {
  const port = opts.port ?? Number(process.env.PORT ?? 8080)
  const dataDir = resolve(ROOT, opts.dataDir ?? process.env.ZHIBU_DATA_DIR ?? '.data')
  const db = await createDbService({ dataDir })
  if (opts.reset) await db.wipe()
  const now = stackInstant()
  const fresh = db.dump('orgs').length === 0
  if (fresh) await seedDemo(db, now)
  // WeChat's own count of accepts (subscribe messages), kept beside the database.
  const wechat = wechatForDataDir(dataDir, () => db.dump('reminder_subs'), fresh)
  pointSdkAt(`http://127.0.0.1:${port}/admin`)
  const host = await createHost({ db, wechat, mode: 'bundle', h5Dir: join(ROOT, 'miniprogram', 'dist', 'h5'), timers: true })
  const url = await host.listen(port, '127.0.0.1')
  return { url: `${url}/`, db, host }
}

export const main = async () => {
  const { url, db, host } = await startLocal()
  console.log(`\n  支部助手 · 本地演示环境已启动\n  打开 ${url}\n  (Ctrl+C 停止；数据保存在 .data/，npm run seed -- --reset 可恢复演示数据)\n`)
  if (process.env.ZHIBU_OPEN !== '0' && !process.env.CI && (process.env.DISPLAY || process.platform === 'darwin')) {
    const opener = process.platform === 'darwin' ? 'open' : 'xdg-open'
    spawn(opener, [url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref()
  }
  const stop = async () => {
    await host.close()
    await db.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

export const reseed = async (reset: boolean) => {
  const dataDir = resolve(ROOT, process.env.ZHIBU_DATA_DIR ?? '.data')
  const db = await createDbService({ dataDir })
  if (reset) await db.wipe()
  if (db.dump('orgs').length === 0) {
    await seedDemo(db, stackInstant())
    wechatForDataDir(dataDir, () => db.dump('reminder_subs'), true)
  } else console.log('数据已存在；使用 --reset 清空后重新生成演示数据')
  await db.close()
}
