/**
 * The workbench through the real SDK on the local backend with the demo seed: the dashboard in two
 * requests, its figures recomputed the slow way from the raw records, the gap → create → lock flow, the
 * 台账 files parsed back and compared with the records and the screen, talks / 学时 / self-assessment writes
 * (races, nothing written on bad input, notes only for the 书记), and who may see what.
 */
import { DEMO_WORKBENCH } from '../../local/seed'
import { gapMonth } from '../../local/seed/workbench'
import { DEMO, clock, devOpenid, errCode, ok, startTestCloud, type Reply, type TestCloud } from '../../tests/support/cloud'
import { png as pngImage } from '../../tests/support/images'
import { HUNAN_WUHUA_2018 } from '../../shared/src/profiles/hunan-wuhua-2018'
import { lastDueMonth } from '../../shared/src/rules/dues/months'
import { addDays, beijingDate, beijingMonth, monthRange, monthsBetween, shiftMonth } from '../../shared/src/rules/time'
import { readSheets } from '../_kit/xlsx'

type AnyDoc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- raw documents from the dump

let cloud: TestCloud
const sec = devOpenid(DEMO.m.secretary)
const organizer = devOpenid(DEMO.m.organizer)
const publicity = devOpenid(DEMO.m.publicity)
const formal = devOpenid(DEMO.m.formal)
const otherSec = devOpenid(DEMO.b2.secretary)

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) with its one missing 党小组会.
const AT = '2026-11-20T02:00:00.000Z'
const nowIso = () => clock.now().toISOString()
const today = () => beijingDate(clock.now())
const YEAR = () => Number(today().slice(0, 4))

beforeAll(async () => {
  cloud = await startTestCloud({ at: AT })
})
afterAll(() => cloud.close())

const call = (action: string, input: unknown, openid: string | null) => cloud.call('workbench', action, input, openid)
const counted = (fn: string, action: string, input: unknown, openid: string) => cloud.counted(fn, action, input, openid)
const dump = (c: string) => cloud.db.dump(c) as AnyDoc[]

describe('dashboard', () => {
  test('one call, two database requests (the caller, one aggregate)', async () => {
    const { reply, requests } = await counted('workbench', 'dashboard', {}, sec)
    const d = ok(reply)
    expect(d.branch).toMatchObject({ id: DEMO.branch, members: 30, formal: 29, probationary: 1 })
    expect(d.readOnly).toBe(false)
    expect(requests).toBeLessThanOrEqual(6)
    expect(requests).toBe(2)
  })

  test('the figures equal a slow recomputation from the raw records', async () => {
    const d = ok(await call('dashboard', {}, sec))
    const year = YEAR()
    const t = today()
    const members = dump('members').filter((m) => m.branchId === DEMO.branch && m.active)
    const meetings = dump('meetings').filter((m) => m.branchId === DEMO.branch && m.date >= `${year}-01-01` && m.date <= `${year}-12-31`)
    const held = meetings.filter((m) => m.status === 'held' && m.lockedAt)

    // Attendance by month: loop over every meeting and every roster member.
    for (const row of d.attendance.months) {
      let due = 0
      let present = 0
      let leave = 0
      let n = 0
      for (const m of held.filter((x) => x.date.startsWith(row.month))) {
        n += 1
        for (const id of m.rosterIds) {
          const came = m.presentIds.includes(id)
          if (came) present += 1
          if (m.exemptIds.includes(id) && !came) continue
          due += 1
          if (m.leaveIds.includes(id) && !came) leave += 1
        }
      }
      expect([row.month, row.meetings, row.due, row.present, row.leave]).toEqual([row.month, n, due, present, leave])
      expect(row.rate).toBe(due ? present / due : null)
    }
    expect(d.attendance.due).toBe(d.attendance.months.reduce((s: number, m: AnyDoc) => s + m.due, 0))

    // Compliance: count held meetings per row's kind, period and group by hand.
    const kindOf = (m: AnyDoc, kind: string) => m.kind === kind || (kind === 'life-meeting' && m.kind === 'evaluation')
    for (const row of d.meetings.rows) {
      const [start, end] = periodBounds(row.periodKey)
      const n = held.filter(
        (m) =>
          kindOf(m, row.kind) &&
          m.date >= start &&
          m.date <= end &&
          (row.groupId === null || m.groupId === row.groupId) &&
          (!row.bySecretary || m.roster.find((r: AnyDoc) => r.id === m.hostId)?.roles.includes('secretary')),
      ).length
      expect([row.kind, row.periodKey, row.groupId, row.held]).toEqual([row.kind, row.periodKey, row.groupId, n])
      const status = n >= row.required ? 'held' : end < t ? 'overdue' : start > t ? 'upcoming' : 'missing'
      expect(row.status).toBe(status)
    }
    // Three 党小组 each owe a 党小组会 every month: the per-group rows replace the branch one.
    expect(d.meetings.rows.filter((r: AnyDoc) => r.kind === 'group')).toHaveLength(36)

    // 党费: due from the base in force each month up to the last due month, paid from confirmed entries.
    const lastDue = lastDueMonth(t, 26)
    const through = lastDue < `${year}-12` ? lastDue : `${year}-12`
    const months = monthsBetween(`${year}-01`, through)
    let dueFen = 0
    const arrears: string[] = []
    for (const m of members) {
      const acc = dump('dues_accounts').find((a) => a._id === m._id) as AnyDoc
      const bases = (acc.bases ?? []) as AnyDoc[]
      const startMonth = bases.length ? [bases.map((b) => b.fromMonth).sort()[0], m.joinedAt.slice(0, 7)].sort()[1] : null
      const owe = (month: string) => {
        if (!startMonth || month < startMonth) return null
        const base = bases.filter((b) => b.fromMonth <= month).sort((a, b) => (a.fromMonth < b.fromMonth ? 1 : -1))[0]
        return base ? base.monthlyFen : null
      }
      for (const month of months) dueFen += owe(month) ?? 0
      // The run of unpaid months ending at the last due month (reported months are not arrears; 0-owing months settled).
      let run = 0
      if (startMonth) {
        for (let month = lastDue; month >= startMonth; month = shiftMonth(month, -1)) {
          const settled = acc.paidMonths.includes(month) || acc.reportedMonths.includes(month) || owe(month) === 0
          if (settled) break
          run += 1
        }
      }
      if (run >= HUNAN_WUHUA_2018.dues.arrearsWarnMonths) arrears.push(`${m.name}:${run}`)
    }
    const paidFen = dump('dues_ledger')
      .filter((e) => e.branchId === DEMO.branch && e.status === 'paid' && months.includes(e.month))
      .reduce((s, e) => s + e.paidFen, 0)
    expect(d.dues).toMatchObject({ available: true, throughMonth: through, dueFen, paidFen })
    expect(d.dues.arrears.map((a: AnyDoc) => `${a.name}:${a.run}`).sort()).toEqual(arrears.sort())
    expect(arrears.length).toBeGreaterThan(0)

    // 积分 backlog and 民主评议 turnout: plain counts.
    const pending = dump('points_entries').filter((e) => e.branchId === DEMO.branch)
    expect(d.points.pendingGroup).toBe(pending.filter((e) => e.status === 'pending-group').length)
    expect(d.points.pendingCommittee).toBe(pending.filter((e) => e.status === 'pending-committee').length)
    const round = dump('eval_rounds').filter((r) => r.branchId === DEMO.branch && r.year === year).sort((a, b) => b.seq - a.seq)[0] as AnyDoc
    expect(d.evaluation).toMatchObject({ status: round.status, voters: round.voterIds.length, voted: dump('eval_roster').filter((r) => r.roundId === round._id).length })

    // 学时: the sum of each member's live records; targets 32 / 56.
    const study = dump('study_records').filter((r) => r.branchId === DEMO.branch && r.year === year && r.removedAt === null)
    for (const row of d.study.rows) {
      const hours = study.filter((r) => r.memberId === row.memberId).reduce((s, r) => s + r.hours, 0)
      const m = members.find((x) => x._id === row.memberId) as AnyDoc
      const committee = m.roles.some((r: string) => ['secretary', 'deputy-secretary', 'organizer', 'publicity', 'discipline'].includes(r))
      expect([row.hours, row.target]).toEqual([hours, committee ? 56 : 32])
    }
    expect(d.study.met).toBe(d.study.rows.filter((r: AnyDoc) => r.hours >= r.target).length)

    // 谈心谈话: 书记 with each 班子成员 this half-year, pair by pair.
    const talks = dump('talks').filter((x) => x.branchId === DEMO.branch && x.year === year && x.removedAt === null)
    const half = d.talks.rows.find((r: AnyDoc) => r.requirement === 'secretaryWithCommittee' && r.periodKey === `${year}-H${Number(t.slice(5, 7)) <= 6 ? 1 : 2}`)
    const [hs, he] = periodBounds(half.periodKey)
    const committee = members.filter((m) => m._id !== DEMO.m.secretary && m.roles.some((r: string) => ['deputy-secretary', 'organizer', 'publicity', 'discipline'].includes(r)))
    const talked = committee.filter((c) =>
      talks.some((x) => x.date >= hs && x.date <= he && [x.byId, x.withId].includes(DEMO.m.secretary) && [x.byId, x.withId].includes(c._id)),
    )
    expect([half.expected, half.covered]).toEqual([committee.length, talked.length])

    // 政治生日 this month and the 3 / 7 / 50 checks.
    const month = beijingMonth(clock.now())
    const birthdays = members.filter((m) => m.joinedAt.slice(5, 7) === month.slice(5) && Number(month.slice(0, 4)) - Number(m.joinedAt.slice(0, 4)) >= 1)
    expect(d.birthdays.map((b: AnyDoc) => b.memberId).sort()).toEqual(birthdays.map((m) => m._id).sort())
    expect(d.branch.groups.map((g: AnyDoc) => g.size)).toEqual([DEMO.groups.g1, DEMO.groups.g2, DEMO.groups.g3].map((g) => members.filter((m) => m.groupId === g).length))
    expect(d.reelection).toMatchObject({ termEndsAt: '2027-03-14' })
  })

  test('the missing 党小组会 is named and links to a prefilled new meeting; creating and locking it closes the gap', async () => {
    const month = gapMonth(nowIso())
    const year = Number(month.slice(0, 4))
    const before = ok(await call('dashboard', { year }, sec))
    const item = before.items.find((i: AnyDoc) => i.key.startsWith(`gap:group:${month}:${DEMO_WORKBENCH.gapGroup}`))
    expect(item).toMatchObject({ level: 'urgent', area: 'meetings', title: `党小组会 ${Number(month.slice(5))}月 第二党小组未召开（应1次，已0次）` })
    expect(item.fix).toEqual({ page: 'create-meeting', params: { kind: 'group', date: monthRange(month).end, groupId: DEMO.groups.g2, topic: `${Number(month.slice(5))}月党小组会` } })
    const a0 = ok(await call('standard', { year }, sec))
    const item41 = (a: AnyDoc) => a.areas.flatMap((x: AnyDoc) => x.items).find((i: AnyDoc) => i.code === '4.1')
    expect(item41(a0).auto[0].evidence).toContain(`${year}年${Number(month.slice(5))}月 第二党小组党小组会：应1次，实0次`)

    // The 书记 follows the link: the meeting is set up with the prefilled fields …
    const created = ok(
      await cloud.call(
        'meetings',
        'createMeeting',
        { fields: { ...item.fix.params, time: '19:30', place: '社区党群服务中心小会议室', hostId: DEMO.m.leader2, recorderId: DEMO.m.organizer } },
        sec,
      ),
    )
    const scheduled = ok(await call('dashboard', { year }, sec)).items.find((i: AnyDoc) => i.key === item.key)
    expect(scheduled.fix).toEqual({ page: 'meetings', params: { meetingId: created.id } })
    // … and once its record is submitted (locked) it counts: the gap is gone, 4.1 regains its half point.
    ok(await cloud.call('meetings', 'saveMinutes', { meetingId: created.id, minutes: { content: '补录：党小组长领学，党员交流学习体会。' } }, sec))
    ok(await cloud.call('meetings', 'submitMinutes', { meetingId: created.id }, sec))
    const after = ok(await call('dashboard', { year }, sec))
    expect(after.items.find((i: AnyDoc) => i.key === item.key)).toBeUndefined()
    expect(after.meetings.rows.find((r: AnyDoc) => r.kind === 'group' && r.periodKey === month && r.groupId === DEMO.groups.g2)).toMatchObject({ held: 1, status: 'held' })
    expect(item41(ok(await call('standard', { year }, sec))).autoDeduction).toBe(item41(a0).autoDeduction - 0.5)
  })

  test('who may see it: 支委 of the branch, 上级 admins read-only; members and other branches never', async () => {
    expect(ok(await call('dashboard', {}, publicity)).branch.id).toBe(DEMO.branch)
    const admin = ok(await call('dashboard', { branchId: DEMO.branch }, DEMO.adminOpenid))
    expect(admin.readOnly).toBe(true)
    expect(errCode(await call('dashboard', {}, formal))).toBe('FORBIDDEN')
    expect(errCode(await call('dashboard', {}, devOpenid(DEMO.m.leader1)))).toBe('FORBIDDEN')
    expect(errCode(await call('dashboard', { branchId: DEMO.branch }, otherSec))).toBe('FORBIDDEN')
    expect(errCode(await call('dashboard', {}, 'dev_stranger'))).toBe('UNAUTHENTICATED')
    expect(ok(await call('dashboard', {}, otherSec)).branch.id).toBe(DEMO.branch2)
  })
})

describe('overview (上级)', () => {
  test('a 党委 admin sees only its own branches, side by side', async () => {
    await cloud.db.insertMany('orgs', [{ ...dump('orgs').find((o) => o._id === DEMO.branch2), _id: 'br_other', name: '其他街道党支部', parentId: 'org_other', ancestors: ['org_other'] }])
    await cloud.db.insertMany('users', [
      { _id: 'dev_admin_other', memberId: null, branchId: null, groupId: null, status: null, roles: [], name: '其他党委管理员', adminOrgs: [{ id: 'org_other', name: '其他党委' }], adminBranchIds: ['br_other'], createdAt: nowIso() },
    ])
    const { reply, requests } = await counted('workbench', 'overview', {}, DEMO.adminOpenid)
    const o = ok(reply)
    expect(o.rows.map((r: AnyDoc) => r.branchId).sort()).toEqual([DEMO.branch, DEMO.branch2])
    expect(requests).toBeLessThanOrEqual(10)
    const b1 = o.rows.find((r: AnyDoc) => r.branchId === DEMO.branch)
    const d = ok(await call('dashboard', { branchId: DEMO.branch }, DEMO.adminOpenid))
    // The overview's figures are the dashboard's.
    expect(b1).toMatchObject({ members: 30, formal: 29, dueFen: d.dues.dueFen, paidFen: d.dues.paidFen, arrears: d.dues.arrears.length, attendanceRate: d.attendance.rate, overdue: d.meetings.summary.overdue, missing: d.meetings.summary.missing, evaluation: d.evaluation.status })
    expect(b1.reelection).toEqual(d.reelection)

    const other = ok(await call('overview', {}, 'dev_admin_other'))
    expect(other.rows.map((r: AnyDoc) => r.branchId)).toEqual(['br_other'])
    expect(errCode(await call('dashboard', { branchId: DEMO.branch }, 'dev_admin_other'))).toBe('FORBIDDEN')
    expect(errCode(await call('overview', {}, sec))).toBe('FORBIDDEN')
    expect(errCode(await call('overview', {}, formal))).toBe('FORBIDDEN')
  })
})

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

describe('谈心谈话', () => {
  test('record once under a race; notes for the 书记 only; coverage moves', async () => {
    const before = ok(await call('listTalks', {}, sec))
    const input = { withId: DEMO.m.discipline, date: today(), topic: '分工和近期工作', notes: '谈到家中老人需照顾，支部将关心。' }
    const replies = await Promise.all(Array.from({ length: 5 }, () => call('recordTalk', input, sec)))
    expect(replies.every((r) => r.ok)).toBe(true)
    expect(replies.map((r) => ok(r).repeat).filter((x) => !x)).toHaveLength(1)
    const id = ok(replies[0] as Reply).talk.id
    expect(dump('talks').filter((t) => t._id === id)).toHaveLength(1)
    const mine = ok(await call('listTalks', {}, sec)).talks.find((t: AnyDoc) => t.id === id)
    expect(mine.notes).toBe(input.notes)
    const theirs = ok(await call('listTalks', {}, organizer)).talks.find((t: AnyDoc) => t.id === id)
    expect(theirs).toMatchObject({ notes: null, canRemove: false })
    const row = (l: AnyDoc) => l.coverage.find((r: AnyDoc) => r.requirement === 'secretaryWithCommittee' && r.status !== 'overdue' && r.periodKey.endsWith(Number(today().slice(5, 7)) <= 6 ? 'H1' : 'H2'))
    expect(row(ok(await call('listTalks', {}, sec))).covered).toBe(row(before).covered + (row(before).missing.includes('陈卫东') ? 1 : 0))
  })

  test('bad input is refused with nothing written', async () => {
    const snap = cloud.snapshot()
    for (const input of [
      { withId: DEMO.m.formal, date: addDays(today(), 1), topic: '明天' },
      { withId: DEMO.m.secretary, date: today(), topic: '自己' },
      { withId: DEMO.b2.formal, date: today(), topic: '别的支部' },
      { withId: DEMO.m.formal, date: today(), topic: '' },
      { withId: DEMO.m.formal, date: '2020-01-01', topic: '太早' },
    ]) {
      expect(errCode(await call('recordTalk', input, sec))).toBe('INVALID_INPUT')
    }
    expect(cloud.snapshot()).toEqual(snap)
  })

  test('removal: its recorder or the 书记; a mark, audited; the coverage drops it', async () => {
    expect(errCode(await call('removeTalk', { talkId: DEMO_WORKBENCH.fixtureTalk }, publicity))).toBe('FORBIDDEN')
    expect(ok(await call('removeTalk', { talkId: DEMO_WORKBENCH.fixtureTalk }, organizer))).toEqual({ id: DEMO_WORKBENCH.fixtureTalk, removed: true })
    expect(ok(await call('removeTalk', { talkId: DEMO_WORKBENCH.fixtureTalk }, sec))).toEqual({ id: DEMO_WORKBENCH.fixtureTalk, removed: false })
    expect(dump('talks').find((t) => t._id === DEMO_WORKBENCH.fixtureTalk)?.removedAt).toBeTruthy()
    expect(ok(await call('listTalks', {}, sec)).talks.some((t: AnyDoc) => t.id === DEMO_WORKBENCH.fixtureTalk)).toBe(false)
    expect(dump('audit').some((a) => a.action === 'workbench.removeTalk' && a.targetId === DEMO_WORKBENCH.fixtureTalk)).toBe(true)
  })
})

describe('学时', () => {
  test('one course for several members; a repeat and a race record each once', async () => {
    const input = { memberIds: [DEMO.m.formal, DEMO.m.student, DEMO.m.formal], date: today(), course: '党章党规专题学习', hours: 2.5, evidence: '签到表' }
    const [a, b] = await Promise.all([call('recordStudy', input, organizer), call('recordStudy', input, organizer)])
    expect(ok(a).created + ok(b).created).toBe(2)
    expect(ok(await call('recordStudy', input, organizer)).created).toBe(0)
    expect(dump('study_records').filter((r) => r.course === '党章党规专题学习')).toHaveLength(2)
  })

  test('a member reads only their own, in two requests', async () => {
    const { reply, requests } = await counted('workbench', 'listStudy', { memberId: DEMO.m.formal }, formal)
    const own = ok(reply)
    expect(requests).toBeLessThanOrEqual(2)
    expect(own.records.every((r: AnyDoc) => r.memberId === DEMO.m.formal)).toBe(true)
    expect(own.progress.rows).toHaveLength(1)
    expect(own.progress.rows[0].hours).toBe(dump('study_records').filter((r) => r.memberId === DEMO.m.formal && r.year === YEAR() && r.removedAt === null).reduce((s, r) => s + r.hours, 0))
    expect(errCode(await call('listStudy', { memberId: DEMO.m.student }, formal))).toBe('FORBIDDEN')
    expect(errCode(await call('listStudy', {}, formal))).toBe('FORBIDDEN')
  })

  test('bad hours or strangers are refused with nothing written; removal is a mark', async () => {
    const snap = cloud.snapshot()
    for (const input of [
      { memberIds: [DEMO.m.formal], date: today(), course: '半', hours: 0.3 },
      { memberIds: [DEMO.m.formal], date: today(), course: '多', hours: 101 },
      { memberIds: [DEMO.b2.formal], date: today(), course: '别的支部', hours: 1 },
      { memberIds: [], date: today(), course: '没人', hours: 1 },
      { memberIds: [DEMO.m.formal], date: addDays(today(), 1), course: '明天', hours: 1 },
    ]) {
      expect(errCode(await call('recordStudy', input, organizer))).toBe('INVALID_INPUT')
    }
    expect(cloud.snapshot()).toEqual(snap)
    expect(errCode(await call('removeStudy', { recordId: DEMO_WORKBENCH.fixtureStudy }, otherSec))).toBe('FORBIDDEN')
    expect(ok(await call('removeStudy', { recordId: DEMO_WORKBENCH.fixtureStudy }, publicity)).removed).toBe(true)
    expect(ok(await call('listStudy', { memberId: 'm_b1_20' }, sec)).records.some((r: AnyDoc) => r.id === DEMO_WORKBENCH.fixtureStudy)).toBe(false)
  })
})

describe('五化 达标 self-assessment', () => {
  const items = (a: AnyDoc) => a.areas.flatMap((x: AnyDoc) => x.items) as AnyDoc[]

  test('auto items carry their evidence; the seeded hand scores count; totals add up', async () => {
    const a = ok(await call('standard', {}, sec))
    expect(a.max).toBe(100)
    expect(items(a).find((i) => i.code === '6.1')).toMatchObject({ status: 'scored', handDeduction: 12, score: 8 })
    expect(items(a).find((i) => i.code === '3.3')?.auto[0].evidence.some((e: string) => e.startsWith('邓明'))).toBe(true)
    expect(a.total).toBe(items(a).reduce((s, i) => s + (i.score ?? 0), 0))
    expect(a.pending).toBe(items(a).filter((i) => i.status === 'pending').length)
  })

  test('hand scores with a note and an attachment; two items at once; auto items and bad points refused', async () => {
    const png = pngImage(1, 1).toString('base64')
    const att = ok(await call('uploadAttachment', { name: '活动室照片', ext: 'png', base64: png }, sec))
    expect(att.fileId).toMatch(new RegExp(`/workbench/${DEMO.branch}/`))
    expect(att.url).toMatch(/^http/)
    const year = YEAR()
    const [x, y] = await Promise.all([
      call('scoreItem', { year, code: '5.1', deduction: 1, note: '年度计划未报上级备案', attachments: [{ fileId: att.fileId, name: att.name }] }, sec),
      call('scoreItem', { year, code: '2.2', deduction: 0, note: '党员先锋岗3个' }, organizer),
    ])
    expect(ok(x)).toMatchObject({ code: '5.1', score: 4, status: 'scored', note: '年度计划未报上级备案', scoredByName: '张建国' })
    expect(ok(x).attachments[0].url).toMatch(/^http/)
    expect(ok(y)).toMatchObject({ code: '2.2', score: 4 })
    const a = ok(await call('standard', {}, sec))
    expect(items(a).find((i) => i.code === '5.1')?.attachments).toHaveLength(1)
    expect(items(a).find((i) => i.code === '2.2')?.status).toBe('scored')

    const snap = cloud.snapshot()
    expect(errCode(await call('scoreItem', { year, code: '4.1', deduction: 1 }, sec))).toBe('INVALID_INPUT')
    expect(errCode(await call('scoreItem', { year, code: '2.4', deduction: 2.5 }, sec))).toBe('INVALID_INPUT')
    expect(errCode(await call('scoreItem', { year, code: '2.4', deduction: 0.2 }, sec))).toBe('INVALID_INPUT')
    expect(errCode(await call('scoreItem', { year, code: '9.9', deduction: 0 }, sec))).toBe('INVALID_INPUT')
    expect(errCode(await call('scoreItem', { year, code: '2.4', deduction: 0, attachments: [{ fileId: 'cloud://local-env.local-bucket/workbench/br_demo_2/att_x.png', name: 'x' }] }, sec))).toBe('INVALID_INPUT')
    expect(cloud.snapshot()).toEqual(snap)
    // Clearing a score brings the item back to pending.
    expect(ok(await call('scoreItem', { year, code: '2.2', deduction: null }, sec)).status).toBe('pending')
    expect(errCode(await call('scoreItem', { year, code: '2.2', deduction: 0 }, publicity))).toBe('FORBIDDEN')
  })
})

/** `2026-10` → the month; `2026-Q3`, `2026-H2`, `2026` → their bounds (as the rules define them). */
function periodBounds(key: string): [string, string] {
  if (/^\d{4}-\d{2}$/.test(key)) return [monthRange(key).start, monthRange(key).end]
  const y = key.slice(0, 4)
  const q = /Q(\d)$/.exec(key)
  if (q) return [`${y}-${String(Number(q[1]) * 3 - 2).padStart(2, '0')}-01`, monthRange(`${y}-${String(Number(q[1]) * 3).padStart(2, '0')}`).end]
  const h = /H(\d)$/.exec(key)
  if (h) return h[1] === '1' ? [`${y}-01-01`, `${y}-06-30`] : [`${y}-07-01`, `${y}-12-31`]
  return [`${y}-01-01`, `${y}-12-31`]
}
