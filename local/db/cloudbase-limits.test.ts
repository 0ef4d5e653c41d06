/**
 * The local cloud refuses what CloudBase refuses (docs/PITFALLS.md "Verified 2026-12-07"), through the
 * real node-sdk: more than 50 file ids in one `getTempFileURL` call, and `$size` of a missing array, which
 * fails the whole aggregate (MongoDB semantics) where mingo alone would answer null.
 */
import tcb from '@cloudbase/node-sdk'
import { errorOf, startTestDb, type TestDb } from './test-support'

let t: TestDb
let app: ReturnType<typeof tcb.init>
beforeAll(async () => {
  t = await startTestDb(['meetings'])
  app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
})
afterAll(async () => {
  await t.close()
})


describe('getTempFileURL: at most 50 file ids per call', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => ({ fileID: `cloud://local-env.local-bucket/x/${i}.png`, maxAge: 60 }))

  test('51 ids are refused: the SDK throws INVALID_PARAM', async () => {
    const failure = await errorOf(app.getTempFileURL({ fileList: ids(51) }))
    expect(failure.code).toBe('INVALID_PARAM')
    expect(failure.message).toMatch(/50/)
  })

  test('50 ids are answered, one entry each', async () => {
    const res = (await app.getTempFileURL({ fileList: ids(50) })) as unknown as { code?: string; fileList: { code: string }[] }
    expect(res.code).toBeUndefined()
    expect(res.fileList).toHaveLength(50)
    expect(res.fileList.every((f) => f.code === 'STORAGE_FILE_NONEXIST')).toBe(true)
  })
})

describe('aggregate: $size of a missing array fails the whole request', () => {
  beforeAll(async () => {
    await t.service.insertMany('meetings', [
      { _id: 'm1', rosterIds: ['a', 'b'], presentIds: ['a'] },
      { _id: 'm2', rosterIds: ['a'] }, // an older document without presentIds
    ])
  })
  const project = (stage: Record<string, unknown>) => t.db.collection('meetings').aggregate().project(stage).limit(10).end()

  test('$size of a missing field: DATABASE_REQUEST_FAILED naming $size, nothing partial answered', async () => {
    const failure = await errorOf(project({ present: { $size: '$presentIds' } }))
    expect(failure.code).toBe('DATABASE_REQUEST_FAILED')
    expect(failure.message).toContain('The argument to $size must be an array. Type is: missing')
    // A non-array is refused as well.
    await t.service.insertMany('meetings', [{ _id: 'm3', rosterIds: 'a', presentIds: [] }])
    expect((await errorOf(project({ n: { $size: '$rosterIds' } }))).message).toContain('Type is: string')
    await t.db.collection('meetings').doc('m3').remove()
  })

  test('also inside a $lookup sub-pipeline', async () => {
    const failure = await errorOf(
      t.db
        .collection('meetings')
        .aggregate()
        .match({ _id: 'm1' })
        .lookup({ from: 'meetings', pipeline: [{ $project: { n: { $size: '$presentIds' } } }], as: 'all' })
        .limit(1)
        .end(),
    )
    expect(failure.code).toBe('DATABASE_REQUEST_FAILED')
    expect(failure.message).toContain('$size must be an array')
  })

  test('guarded with $ifNull it counts a missing array as empty', async () => {
    const res = (await project({ present: { $size: { $ifNull: ['$presentIds', []] } }, roster: { $size: '$rosterIds' } })) as unknown as { data: unknown[] }
    expect(res.data).toEqual([
      { _id: 'm1', present: 1, roster: 2 },
      { _id: 'm2', present: 0, roster: 1 },
    ])
  })
})
