// The opt-in query observer (`onQuery`): every query outside transactions is reported with its collection,
// parsed filter and sort, tagged by invocation; transactions and inserts are not; a throwing observer is harmless.
import { withInvocationTag, type QueryShape } from './index'
import { startTestDb, type TestDb, type TxHandle } from './test-support'

let t: TestDb
const seen: QueryShape[] = []

beforeAll(async () => {
  t = await startTestDb(['members', 'orgs'])
  await t.service.insertMany('members', [
    { _id: 'm1', branchId: 'b1', active: true, joinedAt: '2001-01-01' },
    { _id: 'm2', branchId: 'b1', active: false, joinedAt: '2002-01-01' },
  ])
  await t.service.insertMany('orgs', [{ _id: 'b1', name: '一支部' }])
  t.service.onQuery = (s) => seen.push(s)
})
afterAll(() => t.close())
beforeEach(() => {
  seen.length = 0
})

const brief = (s: QueryShape) => ({ op: s.op, collection: s.collection, filter: JSON.parse(JSON.stringify(s.filter)), sort: s.sort })

test('gets, counts, updates, removes and aggregates are reported with filter and sort', async () => {
  const _ = t.db.command
  const members = t.db.collection('members')
  await withInvocationTag('org.listMembers#1', async () => {
    await members.where({ branchId: 'b1', active: true }).orderBy('joinedAt', 'desc').limit(10).get()
    await members.where({ branchId: 'b1', joinedAt: _.gt('2000-01-01') }).count()
    await members.where({ branchId: 'b1', active: false }).update({ note: 'x' })
    await members.doc('m2').remove()
    await members
      .aggregate()
      .match({ _id: 'm1' })
      .sort({ joinedAt: 1 })
      .lookup({ from: 'orgs', localField: 'branchId', foreignField: '_id', as: 'branch' })
      .limit(1)
      .end()
  })
  expect(seen.map(brief)).toEqual([
    { op: 'get', collection: 'members', filter: { branchId: 'b1', active: true }, sort: [['joinedAt', -1]] },
    { op: 'count', collection: 'members', filter: { branchId: 'b1', joinedAt: { $gt: '2000-01-01' } }, sort: [] },
    { op: 'update', collection: 'members', filter: { branchId: 'b1', active: false }, sort: [] },
    { op: 'remove', collection: 'members', filter: { _id: 'm2' }, sort: [] },
    { op: 'aggregate', collection: 'members', filter: { _id: 'm1' }, sort: [['joinedAt', 1]] },
    { op: 'lookup', collection: 'orgs', filter: { _id: { $in: [] } }, sort: [] },
  ])
  expect(new Set(seen.map((s) => s.tag))).toEqual(new Set(['org.listMembers#1']))
})

test('transactions and inserts are not queries; a throwing observer never fails a request', async () => {
  await t.db.runTransaction(async (tx: TxHandle) => {
    await tx.collection('members').doc('m1').get()
    await tx.collection('members').doc('m1').update({ seen: true })
  })
  await t.db.collection('members').add({ branchId: 'b2' })
  expect(seen).toEqual([])
  t.service.onQuery = () => {
    throw new Error('observer bug')
  }
  const res = await t.db.collection('members').where({ branchId: 'b1' }).get()
  expect(res.data.length).toBeGreaterThan(0)
  t.service.onQuery = undefined
  await t.db.collection('members').where({ branchId: 'b1' }).get()
})
