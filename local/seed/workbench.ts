/**
 * Demo workbench records for 第一党支部: this year's 谈心谈话 (the 书记 with every 班子成员 in the first half,
 * two of four in the second; most members; some 班子成员 pairs), 学时 from the monthly 集中学习, the
 * quarterly 网上党校 courses and the 支委 training (a few members short of 32 / 56), a partly filled 达标
 * self-assessment, and one gap: 第二党小组's 党小组会 of last month was cancelled and never made up, so the
 * dashboard names it. Deterministic given `nowIso`.
 */
import { createHash } from 'node:crypto'
import type { AttendanceDoc, MeetingDoc, MeetingLeaveDoc } from '../../cloudfunctions/meetings/documents'
import type { MemberDoc } from '../../cloudfunctions/org/documents'
import type { AssessmentDoc, HandScoreDoc, StudyDoc, TalkDoc } from '../../cloudfunctions/workbench/documents'
import { stableId } from '../../cloudfunctions/_kit/ids'
import { COMMITTEE_ROLES } from '../../shared/src/contract/roles'
import { STANDARD_ZJ_2019 } from '../../shared/src/profiles/assessment-standards'
import { beijingDate, beijingDateTime, beijingMonth, monthRange, monthsBetween, shiftMonth } from '../../shared/src/rules/time'
import { DEMO, demoOrg } from './demo-org'

type Docs = Record<string, Record<string, unknown>[]>
type SeedPart = (nowIso: string) => Docs | Promise<Docs>

/** Ids the tests, fixtures and e2e name. */
export const DEMO_WORKBENCH = {
  /** A talk recorded by the 组织委员 (the remove fixture). */
  fixtureTalk: 'tk_demo_fixture',
  /** A 学时 record of m_b1_20 (the remove fixture). */
  fixtureStudy: 'st_demo_fixture',
  /** The 党小组 whose 党小组会 of last month is missing. */
  gapGroup: DEMO.groups.g2,
} as const

/** The month of the missing 党小组会: the one before the current Beijing month. */
export const gapMonth = (nowIso: string): string => shiftMonth(beijingMonth(nowIso), -1)

const chance = (s: string): number => parseInt(createHash('sha256').update(`workbench:${s}`).digest('hex').slice(0, 8), 16) / 0x1_0000_0000

/**
 * Wraps the meetings seed: 第二党小组's 党小组会 of `gapMonth` becomes a cancelled meeting (its attendance
 * and leave records dropped), so the branch owes that month's meeting.
 */
export const withMeetingGap =
  (part: SeedPart): SeedPart =>
  async (nowIso) => {
    const docs = await part(nowIso)
    const month = gapMonth(nowIso)
    const meetings = (docs.meetings ?? []) as unknown as MeetingDoc[]
    const gone = new Set(meetings.filter((m) => m.kind === 'group' && m.groupId === DEMO_WORKBENCH.gapGroup && m.date.startsWith(month)).map((m) => m._id))
    for (const m of meetings) {
      if (!gone.has(m._id)) continue
      Object.assign(m, {
        status: 'cancelled',
        cancelReason: '社区防汛值守，会议取消，未另行补开',
        presentIds: [],
        leaveIds: [],
        leavePendingIds: [],
        leaveDeclinedIds: [],
        leaveNotes: {},
        makeupIds: [],
        makeupDoneIds: [],
        minutes: null,
        final: null,
        lockedAt: null,
        lockedBy: null,
      } satisfies Partial<MeetingDoc>)
    }
    const keep = <T extends { meetingId: string }>(rows: T[] | undefined): T[] => (rows ?? []).filter((r) => !gone.has(r.meetingId))
    return {
      ...docs,
      attendance: keep(docs.attendance as unknown as AttendanceDoc[]) as unknown as Docs[string],
      meeting_leaves: keep(docs.meeting_leaves as unknown as MeetingLeaveDoc[]) as unknown as Docs[string],
    }
  }

const TALK_TOPICS = ['思想和工作情况', '家庭和生活困难', '对支部工作的意见建议', '学习教育体会', '岗位履职和作风', '社区志愿服务安排']

export const workbenchSeed: SeedPart = (nowIso) => {
  const { members } = demoOrg(nowIso)
  const b1 = members.filter((m) => m.branchId === DEMO.branch)
  const byId = new Map(b1.map((m) => [m._id, m]))
  const today = beijingDate(nowIso)
  const year = Number(today.slice(0, 4))
  const committee = b1.filter((m) => m.roles.some((r) => COMMITTEE_ROLES.includes(r)) && !m.roles.includes('secretary'))
  const ordinary = b1.filter((m) => !m.roles.some((r) => COMMITTEE_ROLES.includes(r)))
  const sec = byId.get(DEMO.m.secretary) as MemberDoc

  const talks: TalkDoc[] = []
  const talk = (by: MemberDoc, withM: MemberDoc, date: string, topicSeed: string): void => {
    if (date > today) return
    const topic = TALK_TOPICS[Math.floor(chance(`topic:${topicSeed}`) * TALK_TOPICS.length)] as string
    talks.push({
      _id: stableId('tk', DEMO.branch, by._id, withM._id, date),
      branchId: DEMO.branch,
      year: Number(date.slice(0, 4)),
      date,
      byId: by._id,
      byName: by.name,
      withId: withM._id,
      withName: withM.name,
      topic,
      notes: `${withM.name}谈了${topic}，表示将继续发挥党员作用。`,
      recordedBy: by._id,
      createdAt: beijingDateTime(date, '18:00'),
      removedAt: null,
    })
  }
  // 书记 ↔ 班子成员: all four in the first half-year, the first two in the second.
  committee.forEach((c, i) => {
    talk(sec, c, `${year}-03-${String(10 + i).padStart(2, '0')}`, `h1:${c._id}`)
    if (i < 2) talk(sec, c, `${year}-08-${String(12 + i).padStart(2, '0')}`, `h2:${c._id}`)
  })
  // 书记 ↔ 党员: about three in four, spread over the months so far.
  const months = monthsBetween(`${year}-01`, beijingMonth(nowIso))
  ordinary.forEach((m, i) => {
    if (chance(`sec:${m._id}`) > 0.75) return
    const month = months[i % months.length] as string
    talk(sec, m, `${month}-${String(5 + (i % 20)).padStart(2, '0')}`, `sec:${m._id}`)
  })
  // 班子成员之间: three of the six pairs.
  for (const [a, b] of [
    [DEMO.m.deputy, DEMO.m.organizer],
    [DEMO.m.organizer, DEMO.m.publicity],
    [DEMO.m.publicity, DEMO.m.discipline],
  ] as const) {
    talk(byId.get(a) as MemberDoc, byId.get(b) as MemberDoc, `${year}-05-20`, `pair:${a}:${b}`)
  }
  // 班子成员 ↔ 党员 of their 党小组: about half.
  for (const c of committee) {
    for (const m of ordinary.filter((o) => o.groupId === c.groupId)) {
      if (chance(`cm:${c._id}:${m._id}`) < 0.5) talk(c, m, `${year}-06-${String(3 + Math.floor(chance(`d:${m._id}`) * 25)).padStart(2, '0')}`, `cm:${m._id}`)
    }
  }
  const organizer = byId.get(DEMO.m.organizer) as MemberDoc
  const fixtureWith = byId.get('m_b1_20') as MemberDoc
  const fixtureDate = `${year}-01-15` <= today ? `${year}-01-15` : today
  talks.push({
    _id: DEMO_WORKBENCH.fixtureTalk,
    branchId: DEMO.branch,
    year: Number(fixtureDate.slice(0, 4)),
    date: fixtureDate,
    byId: organizer._id,
    byName: organizer.name,
    withId: fixtureWith._id,
    withName: fixtureWith.name,
    topic: '了解近期思想和工作情况',
    notes: '',
    recordedBy: organizer._id,
    createdAt: beijingDateTime(fixtureDate, '18:00'),
    removedAt: null,
  })

  // 学时: monthly 集中学习 (3 h) for those who came, quarterly 网上党校 (4 h), the 支委 training (24 h).
  const study: StudyDoc[] = []
  const record = (m: MemberDoc, date: string, course: string, hours: number, evidence: string): void => {
    if (date > today) return
    study.push({
      _id: stableId('st', m._id, date, course),
      branchId: DEMO.branch,
      year: Number(date.slice(0, 4)),
      memberId: m._id,
      memberName: m.name,
      date,
      course,
      hours,
      evidence,
      recordedBy: organizer._id,
      recordedByName: organizer.name,
      createdAt: beijingDateTime(date, '20:00'),
      removedAt: null,
    })
  }
  const past = months.filter((m) => monthRange(m).end < today)
  for (const m of b1) {
    for (const month of past) {
      if (chance(`st:${m._id}:${month}`) < 0.86) record(m, `${month}-26`, `${Number(month.slice(5))}月主题党日集中学习`, 3, '主题党日签到表')
    }
    for (const q of [1, 2, 3, 4]) {
      const end = monthRange(`${year}-${String(q * 3).padStart(2, '0')}`).end
      if (end < today && chance(`ol:${m._id}:${q}`) < 0.8) record(m, end, `网上党校第${q}季度专题课程`, 4, '网上党校学习证明')
    }
    if (m.roles.some((r) => COMMITTEE_ROLES.includes(r)) && chance(`tr:${m._id}`) < 0.85) record(m, `${year}-06-18`, '基层党组织书记和支委培训班', 24, '培训结业证书')
  }
  const fixtureStudyDate = `${year}-01-10` <= today ? `${year}-01-10` : today
  study.push({
    _id: DEMO_WORKBENCH.fixtureStudy,
    branchId: DEMO.branch,
    year: Number(fixtureStudyDate.slice(0, 4)),
    memberId: fixtureWith._id,
    memberName: fixtureWith.name,
    date: fixtureStudyDate,
    course: '“学习强国”专题学习',
    hours: 2,
    evidence: '学习截图',
    recordedBy: organizer._id,
    recordedByName: organizer.name,
    createdAt: beijingDateTime(fixtureStudyDate, '20:00'),
    removedAt: null,
  })

  // A self-assessment part-way through: four hand items scored.
  const by = (deduction: number, note: string): HandScoreDoc => ({ deduction, note, attachments: [], scoredBy: DEMO.m.secretary, scoredByName: sec.name, scoredAt: nowIso })
  const assessment: AssessmentDoc = {
    _id: `as_${DEMO.branch}_${year}`,
    branchId: DEMO.branch,
    year,
    standardId: STANDARD_ZJ_2019.id,
    hand: {
      '2_1': by(0.5, '围绕社区中心工作开展政治引领，个别月份学习宣传不够及时。'),
      '3_2': by(0, '每月主题党日集中学习，党员参加网上党校课程。'),
      '5_4': by(0, '社区党群服务中心设有党员活动室，配备投影和学习资料。'),
      '6_1': by(12, '“红色物业”做法获街道党工委通报表扬1次，暂无媒体报道。'),
    },
    createdAt: nowIso,
    updatedAt: nowIso,
  }

  return { talks, study_records: study, assessments: [assessment] } as unknown as Docs
}
