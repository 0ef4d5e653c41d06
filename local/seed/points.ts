/**
 * Demo 积分 for 第一党支部: the profile's 基础分60 scheme published a year ago; automatic entries from the
 * seeded attendance and dues (their events, synthesised as the producers emit them when those seeds carry
 * none) and from 志愿服务 the branch recorded; members' monthly 申报 in every review state; earlier quarters
 * published and finalised (with an answered objection), the last finished quarter left for the 支委 to
 * publish. 第二党支部 has no scheme yet. Deterministic given `nowIso`; documents built by the function's own model.
 */
import { createHash } from 'node:crypto'
import type { EventDoc } from '../../cloudfunctions/_kit/documents'
import type { MeetingDoc, AttendanceDoc } from '../../cloudfunctions/meetings/documents'
import type { MemberDoc } from '../../cloudfunctions/org/documents'
import type { DuesLedgerDoc } from '../../cloudfunctions/dues/documents'
import type { PointsBranchDoc, PointsEntryDoc, PointsPublicationDoc, PointsReviewDoc, PointsSchemeDoc, PointsYearDoc, PublicationMeta } from '../../cloudfunctions/points/documents'
import { eventId } from '../../cloudfunctions/_kit/events'
import { stableId } from '../../cloudfunctions/_kit/ids'
import { publicationRow } from '../../cloudfunctions/points/handlers/publication'
import { autoEntry, credit, emptyYearDoc, publicationDocId, scoringOf, versionDocId, yearDocId, type MemberRef } from '../../cloudfunctions/points/model'
import { HUNAN_WUHUA_2018 } from '../../shared/src/profiles/hunan-wuhua-2018'
import { duesDayOf, lastDueMonth } from '../../shared/src/rules/dues/months'
import { attendanceSummary } from '../../shared/src/rules/meetings/attendance'
import { autoItemFor, schemePresets, type SchemeItem } from '../../shared/src/rules/points/branch-scheme'
import { declareDeadline, publicationPeriods } from '../../shared/src/rules/points/calendar'
import { addDays, beijingDate, beijingDateTime, beijingMonth, monthOf, monthsBetween, shiftMonth } from '../../shared/src/rules/time'
import { DEMO, demoOrg } from './demo-org'
import { duesSeed } from './dues'
import { demoMeetings } from './meetings'

/** Stable ids the tests, fixtures and e2e name. */
export const POINTS_DEMO = {
  /** 吴刚's 申报 this month, not yet reviewed: the edit fixture and the demo. */
  formalEdit: 'pd_demo_formal_1',
  /** 吴刚's second 申报 this month: the withdraw fixture. */
  formalWithdraw: 'pd_demo_formal_2',
  /** 曹磊 (m_b1_15, 第一党小组) this month, awaiting the 党小组长: the review fixture. */
  groupReview: 'pd_demo_m15_1',
  /** m_b1_21 (第一党小组) this month, awaiting the 党小组长: the batch-review fixture. */
  groupBatch: 'pd_demo_m21_1',
  /** 彭静 (m_b1_16) 受到表彰, recorded and approved: the revoke fixture. */
  recordedHonor: 'pr_demo_m16_honor',
  /** The member who objected to the last finalised 公示 (answered). */
  objector: 'm_b1_19',
} as const

type Docs = Record<string, Record<string, unknown>[]>

const chance = (s: string): number => parseInt(createHash('sha256').update(`points:${s}`).digest('hex').slice(0, 8), 16) / 0x1_0000_0000
const minIso = (a: string, b: string): string => (a < b ? a : b)
const at = (date: string, time: string, nowIso: string): string => minIso(beijingDateTime(date, time), nowIso)

/** The scheme preset the seed publishes: the branch profile's own (基础分60, hunan-wuhua-2018). */
const demoScheme = () => (schemePresets(HUNAN_WUHUA_2018)[0] as { scheme: PointsBranchDoc['draft'] & object }).scheme

/** Which quarters the seed publishes (all finished ones but the last, finalised) and the one left to publish. */
export const pointsDemoPeriods = (nowIso: string): { effectiveFrom: string; finalKeys: string[]; readyKey: string | null } => {
  const today = beijingDate(nowIso)
  const firstMonth = shiftMonth(monthOf(today), -11)
  const effectiveFrom = `${firstMonth}-01`
  const scheme = demoScheme()
  const years = [...new Set([Number(firstMonth.slice(0, 4)), Number(today.slice(0, 4))])]
  const ended = years.flatMap((y) => publicationPeriods(scheme, y)).filter((p) => p.start >= effectiveFrom && p.end < today)
  const readyKey = ended.length ? (ended[ended.length - 1] as { key: string }).key : null
  return { effectiveFrom, finalKeys: ended.slice(0, -1).map((p) => p.key), readyKey }
}

/** Events the producers would have emitted for the seeded meetings and dues (when their seeds hold none). */
function producerEvents(nowIso: string, branchMembers: MemberDoc[]): { seeded: EventDoc[]; synthesised: EventDoc[] } {
  const meetings = demoMeetings(nowIso) as unknown as { meetings: MeetingDoc[]; attendance: AttendanceDoc[]; events?: EventDoc[] }
  const dues = duesSeed(nowIso) as unknown as { dues_ledger: DuesLedgerDoc[]; events?: EventDoc[] }
  const seeded = [...(meetings.events ?? []), ...(dues.events ?? [])].filter((e) => e.branchId === DEMO.branch)
  const synthesised: EventDoc[] = []
  const ev = (type: EventDoc['type'], sourceId: string, memberId: string, occurredAt: string, createdAt: string, data: Record<string, unknown>): EventDoc => ({
    _id: eventId(type, sourceId),
    type,
    sourceId,
    branchId: DEMO.branch,
    memberId,
    occurredAt,
    data,
    createdAt: minIso(createdAt, nowIso),
  })
  if (!seeded.some((e) => e.type.startsWith('attendance.'))) {
    for (const a of meetings.attendance) {
      if (a.branchId !== DEMO.branch) continue
      synthesised.push(ev('attendance.present', a._id, a.memberId, a.at, a.at, { meetingId: a.meetingId, kind: a.kind, via: a.via }))
    }
    for (const m of meetings.meetings) {
      if (m.branchId !== DEMO.branch || !m.lockedAt) continue
      const { absentIds } = attendanceSummary({ roster: m.roster, presentIds: m.presentIds, leaveIds: m.leaveIds })
      for (const id of absentIds) synthesised.push(ev('attendance.absent', `${m._id}_${id}`, id, m.startsAt, m.lockedAt, { meetingId: m._id, kind: m.kind }))
    }
  }
  if (!seeded.some((e) => e.type.startsWith('dues.'))) {
    const today = beijingDate(nowIso)
    const duesDay = 26
    const lastDue = lastDueMonth(today, duesDay)
    const byMember = new Map<string, DuesLedgerDoc[]>()
    for (const l of dues.dues_ledger) if (l.branchId === DEMO.branch) byMember.set(l.memberId, [...(byMember.get(l.memberId) ?? []), l])
    for (const m of branchMembers) {
      const ledger = byMember.get(m._id) ?? []
      if (ledger.length === 0) continue
      for (const l of ledger) {
        if (l.status !== 'paid' || !l.paidOn || l.paidOn > duesDayOf(l.month, duesDay)) continue
        const t = at(l.paidOn, '10:00', nowIso)
        synthesised.push(ev('dues.paid-on-time', l._id, m._id, t, t, { month: l.month, amountFen: l.dueFen }))
      }
      const first = ledger.map((l) => l.month).sort()[0] as string
      const have = new Set(ledger.map((l) => l.month))
      for (const month of monthsBetween(first, lastDue)) {
        if (have.has(month)) continue
        const t = at(addDays(duesDayOf(month, duesDay), 1), '02:00', nowIso)
        synthesised.push(ev('dues.overdue', `${m._id}_${month.replace('-', '')}`, m._id, t, t, { month }))
      }
    }
  }
  return { seeded, synthesised }
}

/** 志愿服务 the branch recorded: four activities over the year, about ten members each. */
function volunteerEvents(nowIso: string, members: MemberDoc[]): EventDoc[] {
  const today = beijingDate(nowIso)
  const activities = [
    { monthsAgo: 9, day: 12, title: '社区环境整治', hours: 3 },
    { monthsAgo: 6, day: 20, title: '关爱空巢老人走访', hours: 2 },
    { monthsAgo: 3, day: 8, title: '文明城市创建志愿服务', hours: 4 },
    { monthsAgo: 0, day: 6, title: '垃圾分类入户宣传', hours: 2 },
  ]
  const out: EventDoc[] = []
  for (const a of activities) {
    const date = `${shiftMonth(monthOf(today), -a.monthsAgo)}-${String(a.day).padStart(2, '0')}`
    if (date > today) continue
    const activity = stableId('vol', DEMO.branch, date, a.title)
    for (const m of members) {
      if (m.flags.elderly || chance(`${activity}:${m._id}`) > 0.4) continue
      const t = at(date, '18:00', nowIso)
      out.push({
        _id: eventId('volunteer.recorded', `${activity}_${m._id}`),
        type: 'volunteer.recorded',
        sourceId: `${activity}_${m._id}`,
        branchId: DEMO.branch,
        memberId: m._id,
        occurredAt: beijingDateTime(date, '12:00'),
        data: { title: a.title, hours: a.hours, date, recordedBy: DEMO.m.organizer, recordedByName: '王志强' },
        createdAt: t,
      })
    }
  }
  return out
}

/** Members whose entries this month are the fixtures' named ones. */
const FIXTURE_MEMBERS = new Set<string>([DEMO.m.formal, 'm_b1_15', 'm_b1_21'])

const DUTY_TEXTS = [
  '参与社区网格巡查，协助排查安全隐患并上报处理',
  '认领为民服务岗，帮助困难群众办理医保和低保手续',
  '在单位牵头完成重点项目攻坚任务，履行党员承诺',
  '组织楼栋居民议事会，协调解决楼道照明问题',
  '参加社区疫情防控和防汛值守',
]
const VOLUNTEER_TEXTS = ['自发参加社区义务清扫', '到敬老院陪伴老人、打扫卫生', '参加无偿献血', '为社区儿童辅导功课']

export const pointsSeed = (nowIso: string): Docs => {
  const today = beijingDate(nowIso)
  const currentMonth = beijingMonth(nowIso)
  const { effectiveFrom, finalKeys, readyKey } = pointsDemoPeriods(nowIso)
  const firstMonth = effectiveFrom.slice(0, 7)
  const scheme = demoScheme()
  const version = 1
  const scoring = scoringOf(scheme, version)
  const { members, orgs } = demoOrg(nowIso)
  const branch = orgs.find((o) => o._id === DEMO.branch)
  const b1 = members.filter((m) => m.branchId === DEMO.branch && m.active)
  const byId = new Map(b1.map((m) => [m._id, m]))
  const ref = (m: MemberDoc): MemberRef => ({ memberId: m._id, memberName: m.name, groupId: m.groupId, branchId: m.branchId })
  const leaderOf = (groupId: string | null): string | null => branch?.groups.find((g) => g.id === groupId)?.leaderId ?? null
  const item = (code: string): SchemeItem => scheme.items.find((i) => i.code === code) as SchemeItem
  const ready = readyKey ? publicationPeriods(scheme, Number(readyKey.slice(0, 4))).find((p) => p.key === readyKey) : null
  // Months after the last finished quarter still have 申报 in review; everything before is settled.
  const openFrom = ready ? shiftMonth(monthOf(ready.end), 1) : currentMonth

  // ---- events and their automatic entries
  const { seeded, synthesised } = producerEvents(nowIso, b1)
  const volunteer = volunteerEvents(nowIso, b1)
  const allEvents = [...seeded, ...synthesised, ...volunteer].sort((a, b) => (a.createdAt === b.createdAt ? (a._id < b._id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1))
  const entries: PointsEntryDoc[] = []
  for (const e of allEvents) {
    const date = beijingDate(e.occurredAt)
    if (date < effectiveFrom || date > today) continue
    const m = byId.get(e.memberId)
    const it = autoItemFor(scheme, e)
    if (!m || !it) continue
    entries.push({ ...autoEntry(ref(m), e, it, version, e.createdAt), createdAt: e.createdAt, updatedAt: e.createdAt })
  }

  // ---- members' monthly 申报
  const committeeReviewer = (memberId: string) => (memberId === DEMO.m.organizer ? DEMO.m.secretary : DEMO.m.organizer)
  const review = (stage: PointsReviewDoc['stage'], byId_: string, decision: PointsReviewDoc['decision'], when: string, extra: Partial<PointsReviewDoc> = {}): PointsReviewDoc => ({
    stage,
    decision,
    byId: byId_,
    byName: byId.get(byId_)?.name ?? '',
    points: null,
    reason: null,
    at: when,
    ...extra,
  })
  const declared = (
    id: string,
    m: MemberDoc,
    month: string,
    code: string,
    description: string,
    state: 'approved' | 'adjusted' | 'rejected' | 'pending-group' | 'pending-committee',
    day: number,
  ): PointsEntryDoc => {
    const it = item(code)
    const created = at(`${month}-${String(Math.min(day, 28)).padStart(2, '0')}`, '20:00', nowIso)
    const leader = leaderOf(m.groupId)
    const groupFirst = scheme.groupReview && !!leader && leader !== m._id && !m.roles.includes('group-leader')
    const reviewedOn = (days: number) => minIso(new Date(Date.parse(created) + days * 86_400_000).toISOString(), nowIso)
    const reviews: PointsReviewDoc[] = []
    if (groupFirst && state !== 'pending-group') reviews.push(review('group', leader as string, 'approve', reviewedOn(2)))
    let awarded: number | null = null
    if (state === 'approved') reviews.push(review('committee', committeeReviewer(m._id), 'approve', reviewedOn(5)))
    if (state === 'adjusted') {
      awarded = Math.max(0.5, it.points / 2)
      reviews.push(review('committee', committeeReviewer(m._id), 'adjust', reviewedOn(5), { points: awarded, reason: '佐证材料不够完整，按一半计分' }))
    }
    if (state === 'rejected') reviews.push(review('committee', committeeReviewer(m._id), 'reject', reviewedOn(5), { reason: '属于本职工作，不符合加分条件' }))
    const status = state === 'adjusted' ? 'approved' : state
    const last = reviews[reviews.length - 1]
    return {
      _id: id,
      branchId: m.branchId,
      memberId: m._id,
      memberName: m.name,
      groupId: m.groupId,
      year: Number(month.slice(0, 4)),
      month,
      itemCode: it.code,
      itemName: it.name,
      kind: it.kind,
      schemeVersion: version,
      count: 1,
      points: it.points,
      awarded,
      counted: null,
      capNote: null,
      origin: 'declared',
      eventId: null,
      source: null,
      description,
      photos: [],
      status: status === 'pending-group' && !groupFirst ? 'pending-committee' : status,
      reviews,
      editableUntil: declareDeadline(month, scheme.declareDeadlineDay),
      createdBy: m._id,
      createdAt: created,
      updatedAt: last ? last.at : created,
    }
  }
  const months = monthsBetween(firstMonth, currentMonth)
  for (const m of b1) {
    if (!m.openid || m.flags.elderly) continue
    for (const month of months) {
      // The fixture members' entries this month are the named ones below.
      if (month === currentMonth && FIXTURE_MEMBERS.has(m._id)) continue
      const r = chance(`${m._id}:${month}`)
      if (r > 0.4) continue
      const open = month >= openFrom
      const code = r < 0.28 ? 'duty' : 'volunteer'
      const texts = code === 'duty' ? DUTY_TEXTS : VOLUNTEER_TEXTS
      const text = texts[Math.floor(chance(`t:${m._id}:${month}`) * texts.length)] as string
      const s = chance(`s:${m._id}:${month}`)
      const state = open
        ? month === currentMonth
          ? s < 0.5
            ? 'pending-group'
            : 'pending-committee'
          : s < 0.3
            ? 'pending-committee'
            : 'approved'
        : s < 0.8
          ? 'approved'
          : s < 0.88
            ? 'adjusted'
            : 'rejected'
      const day = month === currentMonth ? Math.max(1, Number(today.slice(8)) - 1) : 8 + Math.floor(s * 18)
      entries.push(declared(`pd_seed_${m._id}_${month}`, m, month, code, text, state, day))
    }
  }
  // The fixtures' own entries (fixed ids), this month.
  const formal = byId.get(DEMO.m.formal) as MemberDoc
  const day = Math.max(1, Number(today.slice(8)) - 1)
  entries.push(declared(POINTS_DEMO.formalEdit, formal, currentMonth, 'duty', '协助社区开展老旧小区改造入户意见征集', 'pending-group', day))
  entries.push(declared(POINTS_DEMO.formalWithdraw, formal, currentMonth, 'volunteer', '周末参加社区义务清扫', 'pending-group', day))
  entries.push(declared(POINTS_DEMO.groupReview, byId.get('m_b1_15') as MemberDoc, currentMonth, 'duty', '带领楼栋党员为独居老人更换燃气报警器', 'pending-group', day))
  entries.push(declared(POINTS_DEMO.groupBatch, byId.get('m_b1_21') as MemberDoc, currentMonth, 'volunteer', '到社区卫生服务站做导诊志愿者', 'pending-group', day))
  // 表彰 recorded by the 书记 (approved at once).
  const honorMonth = shiftMonth(currentMonth, -4) < firstMonth ? firstMonth : shiftMonth(currentMonth, -4)
  for (const [id, memberId] of [
    [POINTS_DEMO.recordedHonor, 'm_b1_16'],
    ['pr_demo_m04_honor', DEMO.m.publicity],
    ['pr_demo_m07_honor', DEMO.m.leader2],
  ] as const) {
    const m = byId.get(memberId) as MemberDoc
    const when = at(`${honorMonth}-15`, '10:00', nowIso)
    const reason = '获评街道“优秀共产党员志愿者”'
    entries.push({
      ...declared(id, m, honorMonth, 'honor', reason, 'approved', 15),
      origin: 'recorded',
      editableUntil: null,
      createdBy: DEMO.m.secretary,
      reviews: [review('committee', DEMO.m.secretary, 'approve', when, { reason })],
      createdAt: when,
      updatedAt: when,
    })
  }

  // ---- approve in month order: caps apply as they would have at each approval
  const years = new Map<string, PointsYearDoc>()
  const approved = entries
    .filter((e) => e.status === 'approved')
    .sort((a, b) => (a.month === b.month ? (a.updatedAt < b.updatedAt ? -1 : 1) : a.month < b.month ? -1 : 1))
  const entryById = new Map(entries.map((e) => [e._id, e]))
  for (const e of approved) {
    const m = byId.get(e.memberId) as MemberDoc
    const key = yearDocId(e.memberId, e.year)
    const doc = years.get(key) ?? emptyYearDoc(ref(m), e.year, scoring, {}, e.updatedAt)
    const c = credit(doc, e, item(e.itemCode), e.awarded ?? e.points, scoring, e.updatedAt)
    years.set(key, c.year)
    entryById.set(e._id, { ...e, counted: c.counted, capNote: c.capNote })
  }

  // ---- 公示: finished quarters but the last, finalised; an answered objection on the latest
  const publications: PointsPublicationDoc[] = []
  const meta: Record<string, PublicationMeta> = {}
  for (const key of finalKeys) {
    const y = Number(key.slice(0, 4))
    const period = publicationPeriods(scheme, y).find((p) => p.key === key)
    if (!period) continue
    const publishedOn = addDays(period.end, 6)
    const endsOn = addDays(publishedOn, scheme.publication.days - 1)
    const publishedAt = at(publishedOn, '09:00', nowIso)
    const finalisedAt = at(addDays(endsOn, 1), '09:00', nowIso)
    // The rows as the 公示 action snapshots them (points/handlers/publication.ts).
    const rows = b1.map((m) => publicationRow(m, years.get(yearDocId(m._id, y)), scoring, period, scheme))
    const latest = key === finalKeys[finalKeys.length - 1]
    const objector = byId.get(POINTS_DEMO.objector) as MemberDoc
    const objections: PointsPublicationDoc['objections'] = latest
      ? {
          [objector._id]: {
            name: objector.name,
            text: `${period.label}我参加的社区志愿服务没有计入，请核实。`,
            at: at(addDays(publishedOn, 2), '19:30', nowIso),
            answer: '经核实，该次活动为单位组织，已按单位证明由支部登记计分，与本季度公示一致。',
            answeredAt: at(addDays(publishedOn, 4), '10:00', nowIso),
            answeredByName: '王志强',
          },
        }
      : {}
    publications.push({
      _id: publicationDocId(DEMO.branch, key),
      branchId: DEMO.branch,
      key,
      label: period.label,
      year: y,
      start: period.start,
      end: period.end,
      status: 'final',
      publishedAt,
      publishedBy: DEMO.m.organizer,
      publishedByName: '王志强',
      endsOn,
      finalisedAt,
      rows,
      objections,
    })
    meta[key] = { label: period.label, status: 'final', publishedAt, endsOn, finalisedAt }
  }
  for (const doc of years.values()) {
    for (const [key, m] of Object.entries(meta)) {
      if (!key.startsWith(`${doc.year}-`)) continue
      const o = publications.find((p) => p.key === key)?.objections[doc.memberId]
      doc.publications[key] = { ...m, objection: o ? { text: o.text, at: o.at, answer: o.answer, answeredAt: o.answeredAt, answeredByName: o.answeredByName } : null }
    }
  }

  const last = allEvents.filter((e) => e.createdAt <= nowIso).pop()
  const publishedAt = at(effectiveFrom, '09:00', nowIso)
  const current = { version, effectiveFrom, scheme, publishedAt, publishedBy: DEMO.m.secretary, publishedByName: '张建国' }
  const schemeDoc: PointsSchemeDoc = { _id: versionDocId(DEMO.branch, version), branchId: DEMO.branch, ...current }
  const head: PointsBranchDoc = {
    _id: DEMO.branch,
    branchId: DEMO.branch,
    current,
    versions: [{ version, effectiveFrom, publishedAt, name: scheme.name }],
    draft: scheme,
    draftUpdatedAt: publishedAt,
    publishRanking: false,
    cursor: last ? { at: last.createdAt, id: last._id } : { at: '', id: '' },
    publications: meta,
    createdAt: publishedAt,
    updatedAt: nowIso,
  }
  return {
    points_branches: [head],
    points_schemes: [schemeDoc],
    points_entries: [...entryById.values()],
    points_years: [...years.values()],
    points_publications: publications,
    events: [...synthesised, ...volunteer],
  } as unknown as Docs
}
