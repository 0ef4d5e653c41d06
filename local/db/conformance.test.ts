// Conformance of the local database with CloudBase: every call pattern goes through the real
// @cloudbase/node-sdk and asserts the results and error codes the cloud gives.
import { startTestDb, type TestDb } from './test-support'
import { clock } from '../clock'

let t: TestDb

beforeAll(async () => {
  t = await startTestDb()
})

afterAll(async () => {
  await t.close()
})

let n = 0
/** A fresh collection per test, so tests do not see each other's documents. */
async function freshCollection(): Promise<string> {
  n += 1
  const name = `c${n}`
  await t.service.ensureCollections([name])
  return name
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return String((error as { code?: unknown }).code)
  }
  return 'no error'
}

describe('add and doc()', () => {
  test('add gives a 32-hex _id, doc(id).get returns [doc], Dates come back as Dates', async () => {
    const c = await freshCollection()
    const at = new Date('2024-05-01T02:03:04.005Z')
    const res = await t.db.collection(c).add({ name: '张三', at, nested: { n: 1.5 }, tags: ['a'] })
    expect(res.id).toMatch(/^[0-9a-f]{32}$/)
    const got = await t.db.collection(c).doc(res.id as string).get()
    expect(got.data).toHaveLength(1)
    const doc = (got.data as Record<string, unknown>[])[0] as Record<string, unknown>
    expect(doc).toEqual({ _id: res.id, name: '张三', at, nested: { n: 1.5 }, tags: ['a'] })
    expect(doc.at).toBeInstanceOf(Date)
  })

  test('add with a given _id keeps it; a second add of the same _id fails with DATABASE_DUPLICATE_WRITE', async () => {
    const c = await freshCollection()
    const res = await t.db.collection(c).add({ _id: 'm1_202405', amountFen: 100 })
    expect(res.id).toBe('m1_202405')
    expect(await codeOf(t.db.collection(c).add({ _id: 'm1_202405', amountFen: 200 }))).toBe('DATABASE_DUPLICATE_WRITE')
    expect(await codeOf(t.db.collection(c).doc('m1_202405').set({ amountFen: 300 }))).toBe('no error')
    expect(t.service.dump(c)).toEqual([{ _id: 'm1_202405', amountFen: 300 }])
  })

  test('doc(id).get of a missing document returns an empty list', async () => {
    const c = await freshCollection()
    const got = await t.db.collection(c).doc('nope').get()
    expect(got.data).toEqual([])
  })

  test('set creates (upsertedId) and replaces the whole document', async () => {
    const c = await freshCollection()
    const created = await t.db.collection(c).doc('d1').set({ a: 1, b: { c: 2 } })
    expect(created.updated).toBe(0)
    expect(created.upsertedId).toBe('d1')
    const replaced = await t.db.collection(c).doc('d1').set({ z: true })
    expect(replaced.updated).toBe(1)
    expect(t.service.dump(c)).toEqual([{ _id: 'd1', z: true }])
  })

  test('update merges nested objects and dotted paths; missing doc or no change answers updated 0', async () => {
    const c = await freshCollection()
    await t.service.insertMany(c, [{ _id: 'd1', a: 1, profile: { name: 'x', phone: '1' } }])
    const res = await t.db.collection(c).doc('d1').update({ profile: { name: 'y' }, 'stats.count': 3 })
    expect(res.updated).toBe(1)
    expect(t.service.dump(c)).toEqual([{ _id: 'd1', a: 1, profile: { name: 'y', phone: '1' }, stats: { count: 3 } }])
    expect((await t.db.collection(c).doc('d1').update({ a: 1 })).updated).toBe(0)
    expect((await t.db.collection(c).doc('missing').update({ a: 2 })).updated).toBe(0)
    expect(t.service.dump(c)).toHaveLength(1)
  })

  test('remove deletes one document; removing a missing one answers deleted 0', async () => {
    const c = await freshCollection()
    await t.service.insertMany(c, [{ _id: 'd1' }, { _id: 'd2' }])
    expect((await t.db.collection(c).doc('d1').remove()).deleted).toBe(1)
    expect((await t.db.collection(c).doc('d1').remove()).deleted).toBe(0)
    expect(t.service.dump(c)).toEqual([{ _id: 'd2' }])
  })

  test('doc(id).field() projects', async () => {
    const c = await freshCollection()
    await t.service.insertMany(c, [{ _id: 'd1', a: 1, b: 2 }])
    const got = await t.db.collection(c).doc('d1').field({ b: true }).get()
    expect(got.data).toEqual([{ _id: 'd1', b: 2 }])
  })
})

describe('queries', () => {
  test('where + orderBy + skip + limit + field', async () => {
    const c = await freshCollection()
    await t.service.insertMany(
      c,
      [5, 3, 9, 1, 7].map((score, i) => ({ _id: `m${i}`, branchId: i % 2 === 0 ? 'b1' : 'b2', score, secret: 's' })),
    )
    const res = await t.db
      .collection(c)
      .where({ branchId: 'b1' })
      .orderBy('score', 'desc')
      .skip(1)
      .limit(1)
      .field({ score: true })
      .get()
    expect(res.data).toEqual([{ _id: 'm4', score: 7 }])
    const two = await t.db.collection(c).orderBy('branchId', 'asc').orderBy('score', 'asc').get()
    expect((two.data as { _id: string }[]).map((d) => d._id)).toEqual(['m0', 'm4', 'm2', 'm3', 'm1'])
  })

  test('get() returns 100 documents by default and at most 1000', async () => {
    const c = await freshCollection()
    await t.service.insertMany(c, Array.from({ length: 1100 }, (_, i) => ({ _id: `d${String(i).padStart(4, '0')}`, i })))
    expect((await t.db.collection(c).get()).data).toHaveLength(100)
    expect((await t.db.collection(c).limit(1000).get()).data).toHaveLength(1000)
    expect((await t.db.collection(c).skip(1050).limit(1000).get()).data).toHaveLength(50)
    expect((await t.db.collection(c).where({ i: t.db.command.gte(1090) }).count()).total).toBe(10)
    expect((await t.db.collection(c).count()).total).toBe(1100)
  })

  test('query commands, nested paths, RegExp and Dates', async () => {
    const c = await freshCollection()
    const _ = t.db.command
    await t.service.insertMany(c, [
      { _id: 'a', n: 1, s: 'Alpha', tags: ['x', 'y'], at: new Date('2024-01-01T00:00:00Z'), p: { q: 1 } },
      { _id: 'b', n: 2, s: 'beta', tags: ['y'], at: new Date('2024-06-01T00:00:00Z'), p: { q: 2 }, opt: null },
      { _id: 'c', n: 3, s: 'gamma', tags: [], at: new Date('2025-01-01T00:00:00Z'), p: { q: 3 }, opt: 'set' },
    ])
    const ids = async (query: Record<string, unknown>): Promise<string[]> =>
      ((await t.db.collection(c).where(query).get()).data as { _id: string }[]).map((d) => d._id).sort()
    expect(await ids({ n: _.eq(2) })).toEqual(['b'])
    expect(await ids({ n: _.neq(2) })).toEqual(['a', 'c'])
    expect(await ids({ n: _.gt(1) })).toEqual(['b', 'c'])
    expect(await ids({ n: _.gte(2).and(_.lt(3)) })).toEqual(['b'])
    expect(await ids({ n: _.lte(1) })).toEqual(['a'])
    expect(await ids({ n: _.in([1, 3]) })).toEqual(['a', 'c'])
    expect(await ids({ n: _.nin([1, 3]) })).toEqual(['b'])
    expect(await ids({ n: _.or(_.eq(1), _.eq(3)) })).toEqual(['a', 'c'])
    expect(await ids(_.or([{ n: 1 }, { s: 'beta' }]) as unknown as Record<string, unknown>)).toEqual(['a', 'b'])
    expect(await ids(_.and([{ n: _.gt(1) }, { tags: 'y' }]) as unknown as Record<string, unknown>)).toEqual(['b'])
    expect(await ids({ opt: _.exists(true) })).toEqual(['b', 'c'])
    expect(await ids({ opt: _.exists(false) })).toEqual(['a'])
    expect(await ids({ 'p.q': 2 })).toEqual(['b'])
    expect(await ids({ p: { q: 3 } })).toEqual(['c'])
    expect(await ids({ s: /^a/i })).toEqual(['a'])
    expect(await ids({ s: t.db.RegExp({ regexp: 'MM', options: 'i' }) })).toEqual(['c'])
    expect(await ids({ tags: _.size(0) })).toEqual(['c'])
    expect(await ids({ tags: _.all(['x', 'y']) })).toEqual(['a'])
    expect(await ids({ at: _.gte(new Date('2024-03-01T00:00:00Z')).and(_.lt(new Date('2025-01-01T00:00:00Z'))) })).toEqual(['b'])
    expect(await ids({ at: _.lt(t.db.serverDate()) })).toEqual(['a', 'b', 'c'])
  })

  test('where().update() and where().remove() act on every match', async () => {
    const c = await freshCollection()
    const _ = t.db.command
    await t.service.insertMany(c, [{ _id: 'a', k: 1 }, { _id: 'b', k: 1 }, { _id: 'c', k: 2 }])
    const updated = await t.db.collection(c).where({ k: 1 }).update({ flag: true, k: _.inc(10) })
    expect(updated.updated).toBe(2)
    expect(t.service.dump(c)).toEqual([
      { _id: 'a', k: 11, flag: true },
      { _id: 'b', k: 11, flag: true },
      { _id: 'c', k: 2 },
    ])
    const removed = await t.db.collection(c).where({ k: _.gt(5) }).remove()
    expect(removed.deleted).toBe(2)
    expect(t.service.dump(c)).toEqual([{ _id: 'c', k: 2 }])
  })
})

describe('update commands and special values', () => {
  test('inc, mul, set, remove, push, pull, addToSet, pop, shift, unshift, min, max, rename', async () => {
    const c = await freshCollection()
    const _ = t.db.command
    await t.service.insertMany(c, [
      { _id: 'd', n: 1, m: 3, o: { a: 1, b: 2 }, gone: 1, arr: [1, 2, 3], set: ['a'], q: [1, 2, 3], lo: 5, hi: 5, old: 'v' },
    ])
    await t.db.collection(c).doc('d').update({
      n: _.inc(2),
      m: _.mul(2),
      o: _.set({ c: 3 }),
      gone: _.remove(),
      arr: _.push([4, 5]),
      set: _.addToSet('a'),
      lo: _.min(2),
      hi: _.max(9),
      old: _.rename('renamed'),
    })
    await t.db.collection(c).doc('d').update({ arr: _.pull(2), q: _.pop() })
    await t.db.collection(c).doc('d').update({ q: _.shift(), set: _.addToSet('b') })
    await t.db.collection(c).doc('d').update({ q: _.unshift([0]) })
    expect(t.service.dump(c)).toEqual([
      { _id: 'd', n: 3, m: 6, o: { c: 3 }, arr: [1, 3, 4, 5], set: ['a', 'b'], q: [0, 2], lo: 2, hi: 9, renamed: 'v' },
    ])
  })

  test('push with each/position/slice and pull with a condition', async () => {
    const c = await freshCollection()
    const _ = t.db.command
    await t.service.insertMany(c, [{ _id: 'd', arr: [1, 2, 3, 4], log: ['b'] }])
    await t.db.collection(c).doc('d').update({ arr: _.pull(_.gte(3)), log: _.push({ each: ['a'], position: 0, slice: 5 }) })
    expect(t.service.dump(c)).toEqual([{ _id: 'd', arr: [1, 2], log: ['a', 'b'] }])
  })

  test('serverDate becomes the server time as a Date, in add, update and set', async () => {
    const c = await freshCollection()
    // The database's clock is the stack's: put it at a stated instant.
    clock.set('2026-11-20T02:00:00.000Z')
    const before = Date.parse('2026-11-20T02:00:00.000Z')
    const { id } = await t.db.collection(c).add({ createdAt: t.db.serverDate(), later: t.db.serverDate({ offset: 60_000 }) })
    await t.db.collection(c).doc(id as string).update({ updatedAt: t.db.serverDate() })
    const [doc] = t.service.dump(c) as { createdAt: Date; later: Date; updatedAt: Date }[]
    const after = clock.now()
    clock.reset()
    expect(doc?.createdAt).toBeInstanceOf(Date)
    expect(doc?.createdAt.getTime()).toBeGreaterThanOrEqual(before)
    expect(doc?.updatedAt.getTime()).toBeLessThanOrEqual(after)
    expect((doc?.later.getTime() ?? 0) - (doc?.createdAt.getTime() ?? 0)).toBe(60_000)
  })

  test('$inc on a non-number fails like MongoDB instead of being ignored', async () => {
    const c = await freshCollection()
    await t.service.insertMany(c, [{ _id: 'd', s: 'text' }])
    expect(await codeOf(t.db.collection(c).doc('d').update({ s: t.db.command.inc(1) }))).toBe('DATABASE_REQUEST_FAILED')
    expect(t.service.dump(c)).toEqual([{ _id: 'd', s: 'text' }])
  })
})

describe('aggregate', () => {
  test('match, group, sort, skip, limit, project, addFields, count', async () => {
    const c = await freshCollection()
    const $ = t.db.command.aggregate
    await t.service.insertMany(c, [
      { _id: '1', branch: 'b1', fen: 100 },
      { _id: '2', branch: 'b1', fen: 250 },
      { _id: '3', branch: 'b2', fen: 50 },
      { _id: '4', branch: 'b3', fen: 10 },
    ])
    const grouped = await t.db
      .collection(c)
      .aggregate()
      .match({ fen: t.db.command.gte(50) })
      .group({ _id: '$branch', total: $.sum('$fen'), n: $.sum(1) })
      .sort({ total: -1 })
      .addFields({ yuan: $.divide(['$total', 100]) })
      .project({ _id: 0, branch: '$_id', total: 1, yuan: 1, n: 1 })
      .skip(0)
      .limit(10)
      .end()
    expect(grouped.data).toEqual([
      { total: 350, n: 2, yuan: 3.5, branch: 'b1' },
      { total: 50, n: 1, yuan: 0.5, branch: 'b2' },
    ])
    const counted = await t.db.collection(c).aggregate().match({ branch: 'b1' }).count('howMany').end()
    expect(counted.data).toEqual([{ howMany: 2 }])
  })

  test('lookup and unwind join another collection', async () => {
    const members = await freshCollection()
    const branches = await freshCollection()
    await t.service.insertMany(branches, [{ _id: 'b1', name: '第一支部' }])
    await t.service.insertMany(members, [{ _id: 'm1', branchId: 'b1' }, { _id: 'm2', branchId: 'b1' }])
    const res = await t.db
      .collection(members)
      .aggregate()
      .lookup({ from: branches, localField: 'branchId', foreignField: '_id', as: 'branch' })
      .unwind('$branch')
      .project({ _id: 1, branchName: '$branch.name' })
      .end()
    expect(res.data).toEqual([
      { _id: 'm1', branchName: '第一支部' },
      { _id: 'm2', branchName: '第一支部' },
    ])
  })

  test('a pipeline without limit answers at most 20 documents, like the cloud', async () => {
    const c = await freshCollection()
    await t.service.insertMany(c, Array.from({ length: 30 }, (_, i) => ({ i })))
    expect((await t.db.collection(c).aggregate().match({}).end()).data).toHaveLength(20)
    expect((await t.db.collection(c).aggregate().match({}).limit(25).end()).data).toHaveLength(25)
  })
})

describe('collections', () => {
  test('createCollection creates once; the second time fails with DATABASE_COLLECTION_ALREADY_EXIST', async () => {
    const res = await t.db.createCollection('fresh_collection')
    expect(res).toMatchObject({ requestId: expect.any(String) })
    expect(await codeOf(t.db.createCollection('fresh_collection'))).toBe('DATABASE_COLLECTION_ALREADY_EXIST')
    expect(await codeOf(t.db.collection('fresh_collection').add({ a: 1 }))).toBe('no error')
  })

  test('every operation on a missing collection fails with DATABASE_COLLECTION_NOT_EXIST', async () => {
    const missing = t.db.collection('no_such_collection')
    const codes = await Promise.all([
      codeOf(missing.add({ a: 1 })),
      codeOf(missing.doc('x').get()),
      codeOf(missing.doc('x').set({ a: 1 })),
      codeOf(missing.doc('x').update({ a: 1 })),
      codeOf(missing.doc('x').remove()),
      codeOf(missing.where({ a: 1 }).get()),
      codeOf(missing.count()),
      codeOf(missing.aggregate().match({}).end()),
    ])
    expect(new Set(codes)).toEqual(new Set(['DATABASE_COLLECTION_NOT_EXIST']))
    expect(t.service.dumpAll()).not.toHaveProperty('no_such_collection')
  })
})

describe('throughput', () => {
  // How quickly is for `npm run bench` to report; the test holds that every write is acknowledged and kept.
  test('a burst of 300 concurrent writes is acknowledged, every one kept (group commit)', async () => {
    const c = await freshCollection()
    await Promise.all(Array.from({ length: 300 }, (_, i) => t.db.collection(c).add({ _id: `w${i}`, i })))
    expect(t.service.dump(c)).toHaveLength(300)
  })
})
