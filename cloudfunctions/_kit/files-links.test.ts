/**
 * Temporary links for many files at once: CloudBase answers at most 50 file ids per
 * `getTempFileURL` call and the local storage refuses more, as it does; `files().tempUrls` chunks, so a
 * view with 120 pictures (测评汇总, 积分审核, 党费待确认) gets every link.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDbService, pointSdkAt, type DbService } from '../../local/db'
import { cloudFiles, TEMP_URL_BATCH } from './files'

let db: DbService
let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhibu-links-'))
  db = await createDbService({ dataDir: dir })
  pointSdkAt(await db.listen(0))
})
afterAll(async () => {
  await db.close()
  rmSync(dir, { recursive: true, force: true })
})

test('120 file ids: every link comes back (chunks of at most 50), each one downloads its own file', async () => {
  expect(TEMP_URL_BATCH).toBe(50)
  const store = cloudFiles()
  const ids = await Promise.all(Array.from({ length: 120 }, (_, i) => store.put(`eval/round_1/m_${i}.png`, Buffer.from(`png-${i}`))))
  // A missing file and a repeated id do not disturb the others.
  const missing = 'cloud://local-env.local-bucket/eval/round_1/none.png'
  const links = await store.tempUrls([...ids, ids[0] as string, missing], 600)
  expect(links.size).toBe(120)
  expect(links.has(missing)).toBe(false)
  for (const i of [0, 49, 50, 99, 100, 119]) {
    const res = await fetch(links.get(ids[i] as string) as string)
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe(`png-${i}`)
  }
})

test('no ids, no request; exactly 50 in one call', async () => {
  const store = cloudFiles()
  expect((await store.tempUrls([], 600)).size).toBe(0)
  const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => store.put(`points/x/${i}.jpg`, Buffer.from([0xff, 0xd8, 0xff, i]))))
  expect((await store.tempUrls(ids, 600)).size).toBe(50)
})
