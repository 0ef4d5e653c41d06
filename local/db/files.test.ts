// The local storage stand-in, through the real SDK: upload, temp link, download; links are signed,
// expire, and cloud paths cannot climb out of the files folder.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tcb from '@cloudbase/node-sdk'
import { createDbService, pointSdkAt, type DbService } from './index'

let db: DbService
let dir: string
let app: ReturnType<typeof tcb.init>
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhibu-files-'))
  db = await createDbService({ dataDir: dir })
  pointSdkAt(await db.listen(0))
  app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
})
afterAll(async () => {
  await db.close()
  rmSync(dir, { recursive: true, force: true })
})

const linkOf = async (fileID: string, maxAge = 60): Promise<string> => {
  const res = (await app.getTempFileURL({ fileList: [{ fileID, maxAge }] })) as unknown as { fileList: { tempFileURL: string; code: string }[] }
  expect(res.fileList[0]?.code).toBe('SUCCESS')
  return res.fileList[0]?.tempFileURL as string
}

test('upload, then download through a signed temporary link', async () => {
  const { fileID } = await app.uploadFile({ cloudPath: 'exports/表格.xlsx', fileContent: Buffer.from('PK\u0003\u0004hello') })
  expect(fileID).toBe('cloud://local-env.local-bucket/exports/表格.xlsx')
  const url = await linkOf(fileID)
  const res = await fetch(url)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('spreadsheetml')
  expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('PK\u0003\u0004hello')
  expect((await fetch(url.replace(/s=[0-9a-f]+/, 's=00'))).status).toBe(403)
  expect((await fetch(url.replace(/e=\d+/, 'e=1'))).status).toBe(403)
})

test('a missing file has no link; a path escaping the folder is refused', async () => {
  const res = (await app.getTempFileURL({ fileList: [{ fileID: 'cloud://local-env.local-bucket/none.xlsx', maxAge: 60 }] })) as unknown as { fileList: { code: string }[] }
  expect(res.fileList[0]?.code).toBe('STORAGE_FILE_NONEXIST')
  await expect(app.uploadFile({ cloudPath: '../escape.txt', fileContent: Buffer.from('x') })).rejects.toMatchObject({ code: 'INVALID_PARAM' })
  await expect(app.uploadFile({ cloudPath: 'a/./b.txt', fileContent: Buffer.from('x') })).rejects.toMatchObject({ code: 'INVALID_PARAM' })
})
