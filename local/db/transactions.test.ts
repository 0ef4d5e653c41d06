// Transactions through the real SDK: single-document operations inside, commit, rollback, and conflicts
// between concurrent transactions (DATABASE_TRANSACTION_CONFLICT, which runTransaction retries).
import { startTestDb, type TestDb, type TxHandle } from './test-support'

let t: TestDb

beforeAll(async () => {
  t = await startTestDb(['rounds', 'roster', 'ballots', 'counters'])
})

afterAll(async () => {
  await t.close()
})

beforeEach(async () => {
  await t.service.wipe()
  await t.service.ensureCollections(['rounds', 'roster', 'ballots', 'counters'])
})

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return String((error as { code?: unknown }).code)
  }
  return 'no error'
}

test('get / set / update / remove / add inside a transaction apply together at commit, unseen before', async () => {
  await t.service.insertMany('rounds', [{ _id: 'r1', votes: 0, open: true }])
  await t.service.insertMany('roster', [{ _id: 'old', x: 1 }])
  const tx = await t.db.startTransaction()
  const round = await tx.collection('rounds').doc('r1').get()
  expect(round.data).toEqual({ _id: 'r1', votes: 0, open: true })
  expect((await tx.collection('rounds').doc('none').get()).data).toBeNull()
  await tx.collection('rounds').doc('r1').update({ votes: t.db.command.inc(1) })
  await tx.collection('roster').doc('r1_m1').set({ voted: true })
  await tx.collection('roster').doc('old').remove()
  const added = await tx.collection('ballots').add({ roundId: 'r1', choice: 'A' })
  expect(added.id).toMatch(/^[0-9a-f]{32}$/)
  // The transaction sees its own writes; nobody else does until it commits.
  expect((await tx.collection('rounds').doc('r1').get()).data).toMatchObject({ votes: 1 })
  expect((await tx.collection('roster').doc('old').get()).data).toBeNull()
  expect(t.service.dump('rounds')).toEqual([{ _id: 'r1', votes: 0, open: true }])
  expect((await t.db.collection('ballots').count()).total).toBe(0)
  await tx.commit()
  expect(t.service.dump('rounds')).toEqual([{ _id: 'r1', votes: 1, open: true }])
  expect(t.service.dump('roster')).toEqual([{ _id: 'r1_m1', voted: true }])
  expect(t.service.dump('ballots')).toEqual([{ _id: added.id, roundId: 'r1', choice: 'A' }])
})

test('rollback discards every write', async () => {
  await t.service.insertMany('rounds', [{ _id: 'r1', votes: 0 }])
  const tx = await t.db.startTransaction()
  await tx.collection('rounds').doc('r1').update({ votes: 5 })
  await tx.collection('ballots').add({ choice: 'A' })
  await tx.rollback()
  expect(t.service.dump('rounds')).toEqual([{ _id: 'r1', votes: 0 }])
  expect(t.service.dump('ballots')).toEqual([])
  // A rolled-back transaction cannot be used again.
  expect(await codeOf(tx.collection('rounds').doc('r1').get())).toBe('DATABASE_TRANSACTION_FAIL')
})

test('two transactions writing one document: the second gets DATABASE_TRANSACTION_CONFLICT and is aborted', async () => {
  await t.service.insertMany('rounds', [{ _id: 'r1', votes: 0 }])
  const a = await t.db.startTransaction()
  const b = await t.db.startTransaction()
  await a.collection('rounds').doc('r1').get()
  await b.collection('rounds').doc('r1').get()
  await a.collection('rounds').doc('r1').update({ votes: 1 })
  expect(await codeOf(b.collection('rounds').doc('r1').update({ votes: 2 }))).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect(await codeOf(b.commit())).toBe('DATABASE_TRANSACTION_CONFLICT')
  await a.commit()
  expect(t.service.dump('rounds')).toEqual([{ _id: 'r1', votes: 1 }])
})

test('a transaction writing a document committed by another after it started conflicts (lost update prevented)', async () => {
  await t.service.insertMany('rounds', [{ _id: 'r1', votes: 0 }])
  const a = await t.db.startTransaction()
  const b = await t.db.startTransaction()
  const seen = (await b.collection('rounds').doc('r1').get()).data as { votes: number }
  await a.collection('rounds').doc('r1').update({ votes: 1 })
  await a.commit()
  expect(await codeOf(b.collection('rounds').doc('r1').update({ votes: seen.votes + 1 }))).toBe('DATABASE_TRANSACTION_CONFLICT')
  // Two transactions inserting the same deterministic _id: one wins, the other conflicts.
  const c = await t.db.startTransaction()
  const d = await t.db.startTransaction()
  await c.collection('roster').add({ _id: 'r1_m1', voted: true })
  expect(await codeOf(d.collection('roster').add({ _id: 'r1_m1', voted: true }))).toBe('DATABASE_TRANSACTION_CONFLICT')
  await c.commit()
  expect(t.service.dump('roster')).toEqual([{ _id: 'r1_m1', voted: true }])
})

test('a plain write to a document an open transaction wrote waits for it to end, then applies (as in CloudBase)', async () => {
  // More cases (abort, expiry, snapshot reads): transactions-snapshot.test.ts.
  await t.service.insertMany('rounds', [{ _id: 'r1', votes: 0 }])
  const tx = await t.db.startTransaction()
  await tx.collection('rounds').doc('r1').update({ votes: 10 })
  const plain = t.db.collection('rounds').doc('r1').update({ votes: t.db.command.inc(1) })
  await new Promise((r) => setTimeout(r, 100))
  expect(t.service.dump('rounds')).toEqual([{ _id: 'r1', votes: 0 }])
  await tx.commit()
  await plain
  expect(t.service.dump('rounds')).toEqual([{ _id: 'r1', votes: 11 }])
})

test('adding an existing _id inside a transaction fails with DATABASE_DUPLICATE_WRITE and aborts it', async () => {
  await t.service.insertMany('roster', [{ _id: 'r1_m1', voted: true }])
  const tx = await t.db.startTransaction()
  await tx.collection('ballots').add({ choice: 'A' })
  expect(await codeOf(tx.collection('roster').add({ _id: 'r1_m1', voted: true }))).toBe('DATABASE_DUPLICATE_WRITE')
  expect(await codeOf(tx.commit())).toBe('DATABASE_DUPLICATE_WRITE')
  expect(t.service.dump('ballots')).toEqual([])
})

test('runTransaction commits the callback result and retries on conflict', async () => {
  await t.service.insertMany('counters', [{ _id: 'k', n: 0 }])
  const blocker = await t.db.startTransaction()
  await blocker.collection('counters').doc('k').update({ n: t.db.command.inc(100) })
  let attempts = 0
  const result = await t.db.runTransaction(async (tx: TxHandle) => {
    attempts += 1
    const current = (await tx.collection('counters').doc('k').get()).data as { n: number }
    // The first attempt runs into the blocker's write; let the blocker finish so the retry succeeds.
    if (attempts === 1) await blocker.commit()
    await tx.collection('counters').doc('k').update({ n: current.n + 1 })
    return current.n + 1
  })
  expect(attempts).toBe(2)
  expect(result).toBe(101)
  expect(t.service.dump('counters')).toEqual([{ _id: 'k', n: 101 }])
})

test('runTransaction rolls back when the callback throws or calls rollback', async () => {
  await t.service.insertMany('counters', [{ _id: 'k', n: 0 }])
  await expect(
    t.db.runTransaction(async (tx: TxHandle) => {
      await tx.collection('counters').doc('k').update({ n: 5 })
      throw new Error('rule violated')
    }),
  ).rejects.toThrow('rule violated')
  await expect(
    t.db.runTransaction(async (tx: TxHandle) => {
      await tx.collection('counters').doc('k').update({ n: 6 })
      await tx.rollback('already voted')
    }),
  ).rejects.toBe('already voted')
  expect(t.service.dump('counters')).toEqual([{ _id: 'k', n: 0 }])
})

test('concurrent runTransaction increments never lose an update', async () => {
  await t.service.insertMany('counters', [{ _id: 'k', n: 0 }])
  const outcomes = await Promise.allSettled(
    Array.from({ length: 8 }, () =>
      t.db.runTransaction(async (tx: TxHandle) => {
        const current = (await tx.collection('counters').doc('k').get()).data as { n: number }
        await tx.collection('counters').doc('k').update({ n: current.n + 1 })
      }),
    ),
  )
  const succeeded = outcomes.filter((o) => o.status === 'fulfilled').length
  const failedCodes = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { code?: string }).code] : []))
  expect(succeeded).toBeGreaterThan(0)
  expect(new Set(failedCodes).size).toBeLessThanOrEqual(1)
  for (const code of failedCodes) expect(code).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect(t.service.dump('counters')).toEqual([{ _id: 'k', n: succeeded }])
})

test('where queries are refused inside a transaction (only single-document operations are allowed)', async () => {
  const tx = await t.db.startTransaction()
  expect(await codeOf(tx.collection('rounds').where({ open: true }).get())).toBe('INVALID_PARAM')
  await tx.rollback()
})
