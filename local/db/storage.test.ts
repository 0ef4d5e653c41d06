// The durable store on its own: recovery from snapshot + journal, a torn last journal line, compaction
// while running, and one process per directory.
import fs from 'node:fs'
import path from 'node:path'
import { DocStore } from './storage'
import { makeTempDir } from './test-support'

let dir: string

beforeEach(() => {
  dir = makeTempDir('store')
})

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

test('state survives close and reopen; Dates and numbers keep their types', async () => {
  const store = await DocStore.open(dir)
  await store.apply([{ t: 'coll', c: 'a' }, { t: 'put', c: 'a', d: { _id: 'x', at: new Date(5), n: 1.5, big: 2 ** 40 } }])
  await store.apply([{ t: 'put', c: 'a', d: { _id: 7, numeric: true } }])
  await store.apply([{ t: 'put', c: 'a', d: { _id: '7', text: true } }, { t: 'del', c: 'a', id: 'x' }])
  await store.close()
  const again = await DocStore.open(dir)
  expect(again.docs('a')).toEqual([{ _id: 7, numeric: true }, { _id: '7', text: true }])
  expect(again.get('a', 7)).toEqual({ _id: 7, numeric: true })
  await again.apply([{ t: 'put', c: 'a', d: { _id: 'y', at: new Date(9) } }])
  await again.close()
  const third = await DocStore.open(dir)
  expect(third.get('a', 'y')?.at).toEqual(new Date(9))
  await third.close()
})

test('a torn last journal line (the process died mid-append) is ignored; earlier lines are kept', async () => {
  const store = await DocStore.open(dir)
  await store.apply([{ t: 'coll', c: 'a' }, { t: 'put', c: 'a', d: { _id: 'kept' } }])
  // Simulate a kill: leave the lock and journal as they are, and append half a line.
  fs.appendFileSync(path.join(dir, 'journal.ndjson'), '{"ops":[{"t":"put","c":"a","d":{"_id":"to')
  fs.writeFileSync(path.join(dir, 'LOCK'), '999999')
  const recovered = await DocStore.open(dir)
  expect(recovered.docs('a')).toEqual([{ _id: 'kept' }])
  await recovered.close()
  await store.close().catch(() => undefined)
})

test('the journal is compacted into the snapshot once it grows past the threshold', async () => {
  const store = await DocStore.open(dir, { compactAfterBytes: 2000 })
  await store.apply([{ t: 'coll', c: 'a' }])
  await Promise.all(Array.from({ length: 200 }, (_, i) => store.apply([{ t: 'put', c: 'a', d: { _id: `d${i}`, text: 'x'.repeat(50) } }])))
  // Acknowledgements come before the compaction that follows their batch; close() waits for it.
  await store.close()
  expect(fs.statSync(path.join(dir, 'journal.ndjson')).size).toBeLessThan(4000)
  const again = await DocStore.open(dir)
  expect(again.docs('a')).toHaveLength(200)
  await again.close()
})

test('a directory is opened by one store at a time', async () => {
  const store = await DocStore.open(dir)
  await expect(DocStore.open(dir)).rejects.toThrow(/already open/)
  await store.close()
  const again = await DocStore.open(dir)
  await again.close()
})
