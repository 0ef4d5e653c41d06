// CloudBase drops a transaction that has not committed or aborted within 30 s of its start: every later
// operation on it and its commit fail with DATABASE_TRANSACTION_FAIL, and nothing it wrote lands. The
// lifetime is real elapsed time (not the stack's clock); here it is shortened to 200 ms.
import { clock } from '../clock'
import { TRANSACTION_LIFETIME_MS } from './index'
import { errorOf, startTestDb, type TestDb } from './test-support'

const LIFETIME_MS = 200

let t: TestDb

beforeAll(async () => {
  t = await startTestDb(['rounds', 'ballots'], { transactionLifetimeMs: LIFETIME_MS })
})

afterAll(async () => {
  await t.close()
})

beforeEach(async () => {
  await t.service.wipe()
  await t.service.ensureCollections(['rounds', 'ballots'])
  await t.service.insertMany('rounds', [{ _id: 'r1', votes: 0 }])
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))


test("the default lifetime is CloudBase's 30 s", () => {
  expect(TRANSACTION_LIFETIME_MS).toBe(30_000)
})

test('after its lifetime a transaction refuses reads and writes, with CloudBase code and text', async () => {
  const tx = await t.db.startTransaction()
  await tx.collection('rounds').doc('r1').update({ votes: 1 })
  await sleep(LIFETIME_MS + 50)
  const read = await errorOf(tx.collection('rounds').doc('r1').get())
  expect(read.code).toBe('DATABASE_TRANSACTION_FAIL')
  expect(read.message).toContain('transaction must be commit or abort in 30 seconds')
  expect((await errorOf(tx.collection('ballots').add({ choice: 'A' }))).code).toBe('DATABASE_TRANSACTION_FAIL')
  expect(t.service.dump('rounds')).toEqual([{ _id: 'r1', votes: 0 }])
})

test('the commit of an expired transaction fails and rolls its writes back', async () => {
  const tx = await t.db.startTransaction()
  await tx.collection('rounds').doc('r1').update({ votes: 5 })
  await tx.collection('ballots').add({ choice: 'A' })
  await sleep(LIFETIME_MS + 50)
  expect((await errorOf(tx.commit())).code).toBe('DATABASE_TRANSACTION_FAIL')
  expect(t.service.dump('rounds')).toEqual([{ _id: 'r1', votes: 0 }])
  expect(t.service.dump('ballots')).toEqual([])
  // Its hold on r1 is gone: a plain write goes through at once.
  await t.db.collection('rounds').doc('r1').update({ votes: 2 })
  expect(t.service.dump('rounds')).toEqual([{ _id: 'r1', votes: 2 }])
})

test('runTransaction whose callback outlives the lifetime fails and writes nothing', async () => {
  const run = t.db.runTransaction(async (tx: { collection(name: string): ReturnType<TestDb['db']['collection']> }) => {
    await tx.collection('rounds').doc('r1').update({ votes: 7 })
    await sleep(LIFETIME_MS + 50)
    await tx.collection('ballots').add({ choice: 'B' })
  })
  expect((await errorOf(run)).code).toBe('DATABASE_TRANSACTION_FAIL')
  expect(t.service.dump('rounds')).toEqual([{ _id: 'r1', votes: 0 }])
  expect(t.service.dump('ballots')).toEqual([])
})

test('a transaction within its lifetime commits, however far the stack clock moves meanwhile', async () => {
  const tx = await t.db.startTransaction()
  await tx.collection('rounds').doc('r1').update({ votes: 3 })
  // The stack's clock is the date the app lives at, not elapsed time: a jump of a day expires nothing.
  clock.advance(24 * 3600_000)
  try {
    await tx.collection('ballots').add({ choice: 'C' })
    await tx.commit()
  } finally {
    clock.advance(-24 * 3600_000)
  }
  expect(t.service.dump('rounds')).toEqual([{ _id: 'r1', votes: 3 }])
  expect(t.service.dump('ballots')).toHaveLength(1)
})
