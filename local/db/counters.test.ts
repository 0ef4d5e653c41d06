// Per-invocation counters: requests the SDK makes inside withInvocationTag(tag, fn) are counted under tag.
import http from 'node:http'
import tcb from '@cloudbase/node-sdk'
import { INVOCATION_HEADER, withInvocationTag } from './index'
import { startTestDb, type TestDb, type TxHandle } from './test-support'

let t: TestDb

beforeAll(async () => {
  t = await startTestDb(['members'])
  await t.service.insertMany('members', [
    { _id: 'm1', branchId: 'b1' },
    { _id: 'm2', branchId: 'b1' },
    { _id: 'm3', branchId: 'b2' },
  ])
})

afterAll(async () => {
  await t.close()
})

beforeEach(() => t.service.resetCounters())

test('requests, documents read and documents written are counted per invocation tag', async () => {
  const members = t.db.collection('members')
  await Promise.all([
    withInvocationTag('org.list#1', async () => {
      await members.where({ branchId: 'b1' }).get()
      await members.doc('m3').get()
      await members.doc('missing').get()
    }),
    withInvocationTag('org.add#2', async () => {
      await members.add({ branchId: 'b2' })
      await members.where({ branchId: 'b2' }).update({ flag: true })
    }),
  ])
  await members.count()
  expect(t.service.counters('org.list#1')).toEqual({ requests: 3, docsRead: 3, docsWritten: 0 })
  expect(t.service.counters('org.add#2')).toEqual({ requests: 2, docsRead: 0, docsWritten: 3 })
  expect(t.service.counters('')).toEqual({ requests: 1, docsRead: 0, docsWritten: 0 })
  expect(t.service.counters('never-used')).toEqual({ requests: 0, docsRead: 0, docsWritten: 0 })
  t.service.resetCounters()
  expect(t.service.counters('org.list#1')).toEqual({ requests: 0, docsRead: 0, docsWritten: 0 })
})

test('a transaction counts its reads as they happen and its writes at commit', async () => {
  await withInvocationTag('votes.cast#1', () =>
    t.db.runTransaction(async (tx: TxHandle) => {
      await tx.collection('members').doc('m1').get()
      await tx.collection('members').doc('m1').update({ voted: true })
      await tx.collection('members').add({ ballot: true })
    }),
  )
  // start + get + update + add + commit
  expect(t.service.counters('votes.cast#1')).toEqual({ requests: 5, docsRead: 1, docsWritten: 2 })
})

test('storage (upload, temporary link, download) is not counted as a database request', async () => {
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  await withInvocationTag('files#1', async () => {
    const { fileID } = await app.uploadFile({ cloudPath: 'evaluation/b1/r1/m1/a.png', fileContent: Buffer.from([0x89, 0x50, 0x4e, 0x47]) })
    const res = (await app.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })) as unknown as { fileList: { tempFileURL: string }[] }
    await get(res.fileList[0]?.tempFileURL as string)
    await t.db.collection('members').doc('m1').get()
  })
  expect(t.service.counters('files#1')).toEqual({ requests: 1, docsRead: 1, docsWritten: 0 })
})

test('nested tags: the innermost invocation wins; unrelated hosts get no header', async () => {
  await withInvocationTag('outer', async () => {
    await t.db.collection('members').doc('m1').get()
    await withInvocationTag('inner', () => t.db.collection('members').doc('m2').get())
  })
  expect(t.service.counters('outer').requests).toBe(1)
  expect(t.service.counters('inner').requests).toBe(1)

  // The header is only added for loopback hosts: requests elsewhere are left exactly as the caller made them.
  const seen: (string | undefined)[] = []
  const server = http.createServer((req, res) => {
    seen.push(req.headers[INVOCATION_HEADER] as string | undefined)
    res.end('ok')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await withInvocationTag('标签 with spaces', () => get(`http://127.0.0.1:${port}/x`))
  await get(`http://127.0.0.1:${port}/y`)
  await new Promise<void>((resolve) => server.close(() => resolve()))
  expect(seen).toEqual([encodeURIComponent('标签 with spaces'), undefined])
})

function get(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'GET' }, (res) => {
      res.resume()
      res.on('end', () => resolve())
    })
    req.on('error', reject)
    req.end()
  })
}
