/**
 * workbench.dashboard on the demo seed: one call in two requests, its figures recomputed the slow way from the raw
 * records, the missing 党小组会 → prefilled new meeting → locked (meetings createMeeting / submitMinutes) closing the gap,
 * who may see it.
 */
import { DEMO_WORKBENCH } from '../../../local/seed'
import { gapMonth } from '../../../local/seed/workbench'
import { DEMO, clock, devOpenid, errCode, ok } from '../../../tests/support/cloud'
import { HUNAN_WUHUA_2018 } from '../../../shared/src/profiles/hunan-wuhua-2018'
import { lastDueMonth } from '../../../shared/src/rules/dues/months'
import { beijingMonth, monthRange, monthsBetween, shiftMonth } from '../../../shared/src/rules/time'
import { type AnyDoc, YEAR, formal, nowIso, otherSec, publicity, sec, today, workbenchCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) with its one missing 党小组会.
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call, counted, dump } = workbenchCloud(AT)

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
