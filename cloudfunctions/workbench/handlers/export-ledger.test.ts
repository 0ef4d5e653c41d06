/**
 * workbench.exportLedger (台账): 花名册, 三会一课记录与考勤, 党费交纳登记表, 积分汇总表 and 民主评议登记表 parsed back and
 * compared with the records and the screen; the 上级 admin may export, a member may not.
 */
import { DEMO, errCode, ok } from '../../../tests/support/cloud'
import { readSheets } from '../../_kit/xlsx'
import { type AnyDoc, YEAR, formal, sec, workbenchCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) with its one missing 党小组会.
const AT = '2026-11-20T02:00:00.000Z'
const { call, dump } = workbenchCloud(AT)

describe('台账 exports', () => {
  const download = async (kind: string, openid = sec) => {
    const f = ok(await call('exportLedger', { year: YEAR(), kind }, openid))
    const res = await fetch(f.url)
    expect(res.status).toBe(200)
    const sheets = await readSheets(Buffer.from(await res.arrayBuffer()))
    return { f, sheets }
  }

  test('党员花名册: one row per member, Chinese headers', async () => {
    const { f, sheets } = await download('roster')
    expect(f.fileName).toBe(`示范社区第一党支部${YEAR()}年党员花名册.xlsx`)
    const [s] = sheets
    expect(s?.header).toEqual(['序号', '姓名', '性别', '党小组', '党员类别', '入党时间', '转正时间', '党内职务', '联系电话', '党费类别', '备注'])
    const members = dump('members').filter((m) => m.branchId === DEMO.branch && m.active).sort((a, b) => (a.joinedAt < b.joinedAt ? -1 : 1))
    expect(s?.rows.map((r) => [r[1], r[4], r[5], r[8]])).toEqual(members.map((m) => [m.name, m.status === 'formal' ? '正式党员' : '预备党员', m.joinedAt, m.phone ?? '']))
    expect(s?.rows.find((r) => r[1] === '张建国')?.[7]).toBe('书记')
  })

  test('三会一课记录与考勤: the held records and the totals on screen', async () => {
    const d = ok(await call('dashboard', {}, sec))
    const { sheets } = await download('meetings')
    const [records, people] = sheets
    const held = dump('meetings')
      .filter((m) => m.branchId === DEMO.branch && m.status === 'held' && m.lockedAt && m.date.startsWith(String(YEAR())))
      .sort((a, b) => (a.date === b.date ? (a.time < b.time ? -1 : 1) : a.date < b.date ? -1 : 1))
    const rows = records?.rows.slice(0, -1) ?? []
    expect(rows.map((r) => [r[1], r[4]])).toEqual(held.map((m) => [m.date, m.topic]))
    const footer = records?.rows.at(-1) ?? []
    expect([footer[1], Number(footer[9]), Number(footer[10])]).toEqual([`${d.attendance.months.reduce((s: number, m: AnyDoc) => s + m.meetings, 0)}次`, d.attendance.due, d.attendance.present])
    expect(people?.header).toEqual(['序号', '姓名', '党小组', '应参加', '出席', '请假', '缺席', '出勤率'])
    expect(people?.rows.reduce((s, r) => s + Number(r[4]), 0)).toBe(d.attendance.present)
  })

  test('党费交纳登记表: each month as recorded, totals equal to the dashboard', async () => {
    const d = ok(await call('dashboard', {}, sec))
    const { sheets } = await download('dues')
    const [s] = sheets
    expect(s?.header.slice(0, 5)).toEqual(['序号', '姓名', '党费类别', '月交纳额', '1月'])
    const footer = s?.rows.at(-1) ?? []
    expect(Math.round(Number(footer[16]) * 100)).toBe(d.dues.dueFen)
    expect(Math.round(Number(footer[17]) * 100)).toBe(d.dues.paidFen)
    // A paid month shows the ledger amount.
    const entry = dump('dues_ledger').find((e) => e.branchId === DEMO.branch && e.status === 'paid' && e.month === `${YEAR()}-03`) as AnyDoc
    const name = dump('members').find((m) => m._id === entry.memberId)?.name
    expect(Math.round(Number(s?.rows.find((r) => r[1] === name)?.[6]) * 100)).toBe(entry.paidFen)
  })

  test('积分汇总表 and 民主评议登记表 rows equal the records', async () => {
    const points = (await download('points')).sheets[0]
    const years = dump('points_years').filter((y) => y.branchId === DEMO.branch && y.year === YEAR())
    for (const y of years) {
      const row = points?.rows.find((r) => r[1] === y.memberName) ?? []
      expect(Number(row[row.length - 2])).toBe(y.total)
    }
    const ev = (await download('evaluation')).sheets[0]
    const round = dump('eval_rounds').find((r) => r.branchId === DEMO.branch && r.year === YEAR()) as AnyDoc
    expect(ev?.rows.map((r) => r[1])).toEqual(round.members.map((m: AnyDoc) => m.name))
    expect(ev?.rows.filter((r) => r[5] === '已提交')).toHaveLength(Object.keys(round.selfAssessments).length)
  })

  test('the 上级 admin may export; a member may not', async () => {
    expect(ok(await call('exportLedger', { branchId: DEMO.branch, year: YEAR(), kind: 'roster' }, DEMO.adminOpenid)).rows).toBe(30)
    expect(errCode(await call('exportLedger', { year: YEAR(), kind: 'roster' }, formal))).toBe('FORBIDDEN')
  })
})
