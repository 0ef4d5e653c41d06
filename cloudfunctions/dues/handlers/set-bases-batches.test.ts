/**
 * 核定 of a big branch under CloudBase's limits (issue 16 item 3): every database request takes 20 ms, a
 * transaction lives at most 30 s (the local database's default, TRANSACTION_LIFETIME_MS) and the dues
 * function runs under its `config.json` timeout (20 s, enforced by the test cloud as by the host). The save
 * is batched (≤ SAVE_BATCH members per transaction), so a 300-member branch fits: setBases (200 entries, its
 * maximum) and importBases (300 rows) succeed, every base is written exactly once, and a rerun changes nothing.
 */
import ExcelJS from 'exceljs'
import { IMPORT_MAX_ROWS, IMPORT_TOO_MANY_ROWS } from '../../../shared/src/contract/dues'
import { DEMO, clock, ok, startTestCloud, type TestCloud } from '../../../tests/support/cloud'
import { SAVE_BATCH } from '../bases'

jest.setTimeout(180_000)

const AT = '2026-11-20T02:00:00.000Z'
const FROM = '2026-12'
const BRANCH = 'br_big_300'
const SIZE = 300
const ids = Array.from({ length: SIZE }, (_, i) => `${BRANCH}_m${String(i).padStart(3, '0')}`)
const manager = `dev_${ids[0]}`

let cloud: TestCloud

/** A 300-member branch straight into the database (as tests/bench/meetings.ts `addBranch`); its 书记 is member 0. */
beforeAll(async () => {
  cloud = await startTestCloud({ at: AT, db: { requestDelayMs: 20 } })
  const now = clock.now().toISOString()
  const base = cloud.db.dump('orgs').find((o) => o._id === DEMO.branch)
  await cloud.db.insertMany('orgs', [{ ...base, _id: BRANCH, name: '大党支部', groups: [] }])
  await cloud.db.insertMany(
    'members',
    ids.map((id, i) => ({ _id: id, branchId: BRANCH, name: `党员${i}`, gender: 'male', phone: null, joinedAt: '2010-01-01', formalAt: '2011-01-01', status: 'formal', groupId: null, duesCategory: 'employed', flags: { elderly: false, mobile: false }, roles: i === 0 ? ['secretary'] : [], openid: `dev_${id}`, boundAt: now, active: true, createdAt: now, updatedAt: now })),
  )
  await cloud.db.insertMany(
    'users',
    ids.map((id, i) => ({ _id: `dev_${id}`, memberId: id, branchId: BRANCH, groupId: null, status: 'formal', roles: i === 0 ? ['secretary'] : [], name: `党员${i}`, adminOrgs: [], adminBranchIds: [], createdAt: now })),
  )
})
afterAll(async () => {
  await cloud.close()
})

type Account = { _id: string; bases: { fromMonth: string; category: string; baseFen: number | null }[] }
const accounts = () => new Map((cloud.db.dump('dues_accounts') as Account[]).filter((a) => a._id.startsWith(BRANCH)).map((a) => [a._id, a]))
const audits = () => cloud.db.dump('audit').filter((a) => a.branchId === BRANCH && a.action === 'dues.setBases')

const workbook = async (rows: (string | number)[][]): Promise<string> => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('核算表')
  ws.addRow(['序号', '姓名', '党员类别', '党费基数（元）', '月交金额（元）'])
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]))
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}

test('setBases for 200 members (several transactions) writes each base once; a rerun changes nothing', async () => {
  expect(200).toBeGreaterThan(SAVE_BATCH)
  const entries = ids.slice(0, 200).map((memberId) => ({ memberId, category: 'retired' as const, baseFen: 400_000 }))
  const r = ok(await cloud.call('dues', 'setBases', { branchId: BRANCH, fromMonth: FROM, entries }, manager))
  expect(r.updated).toBe(200)
  const accs = accounts()
  expect(accs.size).toBe(200)
  for (const id of ids.slice(0, 200)) expect(accs.get(id)?.bases).toEqual([expect.objectContaining({ fromMonth: FROM, category: 'retired', baseFen: 400_000 })])
  // The member record follows the category in force (from next month: still 在职 now, so unchanged).
  expect(audits()).toHaveLength(1)
  expect(audits()[0]?.after).toHaveLength(200)

  const before = cloud.snapshot()
  ok(await cloud.call('dues', 'setBases', { branchId: BRANCH, fromMonth: FROM, entries }, manager))
  expect(cloud.snapshot()).toEqual(before)
})

test('importBases of a 300-row 核算表 writes every base once; a rerun changes nothing', async () => {
  const base64 = await workbook(ids.map((_, i) => [`党员${i}`, '在职', 5000, '']))
  const file = { name: '核算表.xlsx', base64 }
  const r = ok(await cloud.call('dues', 'importBases', { branchId: BRANCH, fromMonth: FROM, file, dryRun: false }, manager))
  expect(r).toMatchObject({ errorCount: 0, imported: SIZE })
  const accs = accounts()
  expect(accs.size).toBe(SIZE)
  // The same month's record is replaced, never added twice.
  for (const id of ids) expect(accs.get(id)?.bases).toEqual([expect.objectContaining({ fromMonth: FROM, category: 'employed', baseFen: 500_000 })])
  expect(audits()).toHaveLength(2)
  expect(audits()[1]?.after).toHaveLength(SIZE)

  const before = cloud.snapshot()
  ok(await cloud.call('dues', 'importBases', { branchId: BRANCH, fromMonth: FROM, file, dryRun: false }, manager))
  expect(cloud.snapshot()).toEqual(before)
})

test(`a 核算表 of more than ${IMPORT_MAX_ROWS} rows is refused and writes nothing`, async () => {
  const base64 = await workbook(Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => [`党员${i % SIZE}`, '在职', 5000, '']))
  const before = cloud.snapshot()
  const r = await cloud.call('dues', 'importBases', { branchId: BRANCH, fromMonth: FROM, file: { name: '核算表.xlsx', base64 }, dryRun: true }, manager)
  expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'INVALID_INPUT', message: IMPORT_TOO_MANY_ROWS })
  expect(cloud.snapshot()).toEqual(before)
})
