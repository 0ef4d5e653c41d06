/**
 * Transactions as CloudBase runs them (docs/PITFALLS.md "Verified 2026-12-07"): reads inside a
 * transaction see a snapshot taken when it started (not later commits), and a plain write to a document an
 * active transaction has written waits for that transaction to end instead of going through and dooming it.
 */
import { startTestDb, type TestDb } from './test-support'

let t: TestDb
beforeAll(async () => {
  t = await startTestDb(['rounds', 'roster'])
})
afterAll(async () => {
  await t.close()
})
beforeEach(async () => {
  await t.service.wipe()
  await t.service.ensureCollections(['rounds', 'roster'])
})

const settled = async (p: Promise<unknown>, ms = 100): Promise<boolean> => {
  let done = false
  void p.then(
    () => (done = true),
    () => (done = true),
  )
  await new Promise((r) => setTimeout(r, ms))
  return done
}

describe('snapshot reads', () => {
  test('a plain update, insert and remove after the start are not seen inside; the transaction still commits its own writes', async () => {
    await t.service.insertMany('rounds', [
      { _id: 'r1', status: 'open' },
      { _id: 'r2', status: 'open' },
    ])
    const tx = await t.db.startTransaction()
    await t.db.collection('rounds').doc('r1').update({ status: 'closed' })
    await t.db.collection('rounds').add({ _id: 'r3', status: 'open' })
    await t.db.collection('rounds').doc('r2').remove()
    expect((await tx.collection('rounds').doc('r1').get()).data).toEqual({ _id: 'r1', status: 'open' })
    expect((await tx.collection('rounds').doc('r3').get()).data).toBeNull()
    expect((await tx.collection('rounds').doc('r2').get()).data).toEqual({ _id: 'r2', status: 'open' })
    await tx.collection('roster').doc('r1_m1').set({ voted: true })
    await tx.commit()
    expect(t.service.dump('roster')).toEqual([{ _id: 'r1_m1', voted: true }])
    // Outside, the latest state.
    expect((await t.db.collection('rounds').doc('r1').get()).data).toEqual([{ _id: 'r1', status: 'closed' }])
  })

  test('another transaction’s commit is not seen either; writing that document then conflicts', async () => {
    await t.service.insertMany('rounds', [{ _id: 'r1', votes: 0 }])
    const a = await t.db.startTransaction()
    const b = await t.db.startTransaction()
    await a.collection('rounds').doc('r1').update({ votes: 5 })
    await a.commit()
    expect((await b.collection('rounds').doc('r1').get()).data).toEqual({ _id: 'r1', votes: 0 })
    const code = await b.collection('rounds').doc('r1').update({ votes: 1 }).then(
      () => 'no error',
      (e: { code?: string }) => e.code,
    )
    expect(code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect(t.service.dump('rounds')).toEqual([{ _id: 'r1', votes: 5 }])
  })

  test('a transaction started after a change sees it', async () => {
    await t.service.insertMany('rounds', [{ _id: 'r1', votes: 0 }])
    await t.db.collection('rounds').doc('r1').update({ votes: 2 })
    const tx = await t.db.startTransaction()
    expect((await tx.collection('rounds').doc('r1').get()).data).toEqual({ _id: 'r1', votes: 2 })
    await tx.rollback()
  })
})

describe('a plain write to a document a transaction holds waits', () => {
  test('update waits for the commit, then applies on top of it', async () => {
    await t.service.insertMany('rounds', [{ _id: 'r1', votes: 0 }])
    const tx = await t.db.startTransaction()
    await tx.collection('rounds').doc('r1').update({ votes: 10 })
    const plain = t.db.collection('rounds').doc('r1').update({ votes: t.db.command.inc(1) })
    expect(await settled(plain)).toBe(false)
    await tx.commit()
    await expect(plain).resolves.toMatchObject({ updated: 1 })
    expect(t.service.dump('rounds')).toEqual([{ _id: 'r1', votes: 11 }])
  })

  test('remove and where-update wait for a rollback, then see the old document', async () => {
    await t.service.insertMany('rounds', [
      { _id: 'r1', open: true },
      { _id: 'r2', open: true },
    ])
    const tx = await t.db.startTransaction()
    await tx.collection('rounds').doc('r1').update({ open: false })
    const closeAll = t.db.collection('rounds').where({ open: true }).update({ closedBy: 'timer' })
    expect(await settled(closeAll)).toBe(false)
    const remove = t.db.collection('rounds').doc('r1').remove()
    expect(await settled(remove)).toBe(false)
    // Waiting writes run in the order they arrived, once the transaction has ended.
    await tx.rollback()
    await expect(closeAll).resolves.toMatchObject({ updated: 2 })
    await expect(remove).resolves.toMatchObject({ deleted: 1 })
    expect(t.service.dump('rounds')).toEqual([{ _id: 'r2', open: true, closedBy: 'timer' }])
  })

  test('an insert of an _id a transaction is creating waits, then finds it taken', async () => {
    const tx = await t.db.startTransaction()
    await tx.collection('roster').add({ _id: 'r1_m1', voted: true })
    const plain = t.db.collection('roster').add({ _id: 'r1_m1', voted: false })
    expect(await settled(plain)).toBe(false)
    await tx.commit()
    await expect(plain).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    expect(t.service.dump('roster')).toEqual([{ _id: 'r1_m1', voted: true }])
  })

  test('writes to other documents do not wait', async () => {
    await t.service.insertMany('rounds', [
      { _id: 'r1', votes: 0 },
      { _id: 'r2', votes: 0 },
    ])
    const tx = await t.db.startTransaction()
    await tx.collection('rounds').doc('r1').update({ votes: 1 })
    await t.db.collection('rounds').doc('r2').update({ votes: 1 })
    expect(t.service.dump('rounds')).toEqual([
      { _id: 'r1', votes: 0 },
      { _id: 'r2', votes: 1 },
    ])
    await tx.commit()
  })
})
