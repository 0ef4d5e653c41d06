/**
 * 组织生活: the annual plan, meetings (三会一课, 主题党日, 组织生活会), sign-in with a rotating code that
 * cannot be forwarded home, recorder marks, leave, 纪实 (minutes locked after submission, corrections
 * as audited entries), 补学, attendance views with absence flags (支委 only) and compliance.
 */
import * as z from 'zod/mini'
import { MeetingKindSchema } from '../rules/meetings/kind-schema'
import { action, defineDomain } from './define'
import { Base64Body, DateStr, StoredFileId, Id, ImageExt, OptText, Page, Text, Year } from './common'
import { SIGN_IN_DIGITS } from './constants/meetings'

export { LOCATION_REQUIRED, SIGN_IN_DIGITS, parseSignInCode } from './constants/meetings'

export { MeetingKindSchema }

/** A Beijing wall-clock time `HH:mm`. */
export const TimeStr = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm'))

export const INVITEE_KINDS = ['activist', 'public', 'other'] as const
export const INVITEE_KIND_LABELS: Record<(typeof INVITEE_KINDS)[number], string> = { activist: '入党积极分子', public: '群众', other: '其他' }


export const LocationSchema = z.strictObject({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
  /** Sign-in radius in metres (default from SIGN_IN_DISTANCE_RULE). */
  radiusM: z.optional(z.number().check(z.int(), z.gte(50), z.lte(5000))),
})

export const InviteeSchema = z.strictObject({ name: Text(20), kind: z.enum(INVITEE_KINDS) })

/** What 支委 fill in to set up a meeting. */
export const MeetingFieldsSchema = z.strictObject({
  kind: MeetingKindSchema,
  topic: Text(60),
  date: DateStr,
  time: TimeStr,
  durationMinutes: z.optional(z.number().check(z.int(), z.gte(15), z.lte(600))),
  place: Text(60),
  location: z.optional(z.nullable(LocationSchema)),
  /** 党小组 scope: 党小组会 must name one; other kinds may. */
  groupId: z.optional(z.nullable(Id)),
  hostId: Id,
  recorderId: Id,
  agenda: z.optional(z.array(Text(100)).check(z.maxLength(20))),
  /** Non-members invited to a 主题党日 (积极分子, 群众). */
  invitees: z.optional(z.array(InviteeSchema).check(z.maxLength(50))),
  /** 学习材料: what absentees read for 补学. */
  materials: OptText(4000),
})
export type MeetingFields = z.infer<typeof MeetingFieldsSchema>

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const
export const MeetingStatusSchema = z.enum(MEETING_STATUSES)

/** The caller's own standing at a meeting. */
export const MY_MEETING_STATUSES = ['present', 'leave', 'leave-pending', 'leave-declined', 'absent', 'exempt', 'pending', 'not-invited'] as const
export const MyMeetingStatusSchema = z.enum(MY_MEETING_STATUSES)
export type MyMeetingStatus = z.infer<typeof MyMeetingStatusSchema>

export const SIGN_IN_STATES = ['not-yet', 'open', 'closed'] as const
export const SignInStateSchema = z.enum(SIGN_IN_STATES)

const Counts = z.object({ due: z.number(), present: z.number(), leave: z.number() })

export const MeetingSummarySchema = z.object({
  id: z.string(),
  kind: MeetingKindSchema,
  topic: z.string(),
  date: z.string(),
  time: z.string(),
  startsAt: z.string(),
  place: z.string(),
  groupId: z.nullable(z.string()),
  status: MeetingStatusSchema,
  locked: z.boolean(),
  hostName: z.string(),
  counts: Counts,
  my: MyMeetingStatusSchema,
  signIn: SignInStateSchema,
})
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>

/** A 纪实 photo as `uploadPhoto` stored it: a CloudBase fileID under `meetings/<branch>/<meeting>/`. */
export const MinutesPhotoId = StoredFileId('meetings', 2, '照片格式不正确')
/** Largest 纪实 photo accepted (after the client's compression), and how many a record holds. */
export const MAX_MINUTES_PHOTO_BYTES = 2 * 1024 * 1024
export const MAX_MINUTES_PHOTOS = 9
export const MinutesPhotoSchema = z.object({ fileId: z.string(), name: z.string(), url: z.nullable(z.string()) })

export const MinutesInputSchema = z.strictObject({
  content: OptText(5000),
  resolutions: z.optional(z.array(Text(200)).check(z.maxLength(30))),
  /** Photos stored by `uploadPhoto` for this meeting (the server checks each sits in its folder). */
  photos: z.optional(z.array(z.strictObject({ fileId: MinutesPhotoId, name: OptText(60) })).check(z.maxLength(MAX_MINUTES_PHOTOS, `最多${MAX_MINUTES_PHOTOS}张照片`))),
  /** Invited non-members who came. */
  inviteesPresent: z.optional(z.number().check(z.int(), z.gte(0), z.lte(500))),
})
export type MinutesInput = z.infer<typeof MinutesInputSchema>

export const MinutesSchema = z.object({
  content: z.string(),
  resolutions: z.array(z.string()),
  /** With a temporary link to show (null when the file is gone). */
  photos: z.array(MinutesPhotoSchema),
  inviteesPresent: z.number(),
  savedAt: z.nullable(z.string()),
  savedByName: z.nullable(z.string()),
})

export const CORRECTION_FIELDS = ['content', 'resolutions', 'attendance', 'other'] as const
export const CORRECTION_FIELD_LABELS: Record<(typeof CORRECTION_FIELDS)[number], string> = {
  content: '会议内容',
  resolutions: '决议',
  attendance: '出勤',
  other: '其他',
}
export const CorrectionSchema = z.object({
  id: z.string(),
  at: z.string(),
  byName: z.string(),
  field: z.enum(CORRECTION_FIELDS),
  text: z.string(),
  reason: z.string(),
})

export const QuorumSchema = z.object({ quorate: z.boolean(), needed: z.number(), due: z.number(), present: z.number() })

export const FinalSummarySchema = z.object({
  due: z.number(),
  present: z.number(),
  leave: z.number(),
  absent: z.number(),
  observers: z.number(),
  voting: z.object({ due: z.number(), present: z.number() }),
  quorum: z.nullable(QuorumSchema),
})

export const MeetingDetailSchema = z.extend(MeetingSummarySchema, {
  durationMinutes: z.number(),
  location: z.nullable(z.object({ lat: z.number(), lng: z.number(), radiusM: z.number() })),
  hostId: z.string(),
  recorderId: z.string(),
  recorderName: z.string(),
  agenda: z.array(z.string()),
  invitees: z.array(z.object({ name: z.string(), kind: z.enum(INVITEE_KINDS) })),
  materials: z.string(),
  cancelReason: z.nullable(z.string()),
  signInOpensAt: z.string(),
  signInClosesAt: z.string(),
  /** The caller may open the host QR page, mark attendance and keep the minutes. */
  canHost: z.boolean(),
  /** The caller may edit or cancel the meeting. */
  canManage: z.boolean(),
  /** 流动党员 may sign in remotely to this meeting. */
  remoteAllowed: z.boolean(),
  /** Shown to everyone once locked; before that only to those who keep them. */
  minutes: z.nullable(MinutesSchema),
  corrections: z.array(CorrectionSchema),
  final: z.nullable(FinalSummarySchema),
  lockedAt: z.nullable(z.string()),
  myLeave: z.nullable(z.object({ reason: z.string(), status: z.enum(['pending', 'approved', 'declined']), note: z.string() })),
  /** 补学 owed by the caller (absent or on leave at a locked meeting), and whether confirmed. */
  makeup: z.nullable(z.object({ done: z.boolean() })),
})
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>

export const ATTENDANCE_VIAS = ['scan', 'remote', 'recorder'] as const
export const ATTENDANCE_VIA_LABELS: Record<(typeof ATTENDANCE_VIAS)[number], string> = { scan: '扫码签到', remote: '远程参加', recorder: '记录人登记' }

export const AttendanceSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  at: z.string(),
  via: z.enum(ATTENDANCE_VIAS),
  markedByName: z.nullable(z.string()),
  /** True when this call found the member already signed in (a repeat returns the first record). */
  repeat: z.boolean(),
})
export type Attendance = z.infer<typeof AttendanceSchema>

export const HostViewSchema = z.object({
  meetingId: z.string(),
  topic: z.string(),
  state: SignInStateSchema,
  /** The text to encode as a QR code; null outside the sign-in window. */
  code: z.nullable(z.string()),
  /** The same code as 6 digits, shown under the QR for members who cannot scan; null with `code`. */
  digits: z.nullable(z.string()),
  refreshAt: z.nullable(z.string()),
  expiresAt: z.nullable(z.string()),
  serverNow: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  due: z.number(),
  present: z.number(),
  leave: z.number(),
})
export type HostView = z.infer<typeof HostViewSchema>

export const LEAVE_STATUSES = ['pending', 'approved', 'declined'] as const
export const LeaveSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingTopic: z.string(),
  meetingKind: MeetingKindSchema,
  meetingStartsAt: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  groupId: z.nullable(z.string()),
  reason: z.string(),
  status: z.enum(LEAVE_STATUSES),
  requestedAt: z.string(),
  decidedAt: z.nullable(z.string()),
  decidedByName: z.nullable(z.string()),
  note: z.string(),
})
export type Leave = z.infer<typeof LeaveSchema>

export const MEMBER_MEETING_STATUSES = ['present', 'leave', 'absent', 'exempt', 'pending'] as const
export const RosterRowSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  groupId: z.nullable(z.string()),
  formal: z.boolean(),
  exempt: z.boolean(),
  mobile: z.boolean(),
  status: z.enum(MEMBER_MEETING_STATUSES),
  via: z.nullable(z.enum(ATTENDANCE_VIAS)),
  at: z.nullable(z.string()),
  markedByName: z.nullable(z.string()),
  leave: z.nullable(z.enum(LEAVE_STATUSES)),
  makeupDone: z.boolean(),
  /** Present but not on the roster (列席). */
  observer: z.boolean(),
})
export type RosterRow = z.infer<typeof RosterRowSchema>

export const GRID_CELLS = ['took-part', 'excused', 'absent', 'no-meeting', 'exempt', 'future'] as const
export const ATTENDANCE_FLAGS = ['none', 'warn', 'escalate', 'lapse-review'] as const

export const GridSchema = z.object({
  year: z.number(),
  throughMonth: z.string(),
  rows: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      groupId: z.nullable(z.string()),
      exempt: z.boolean(),
      cells: z.array(z.enum(GRID_CELLS)),
      run: z.number(),
      flag: z.enum(ATTENDANCE_FLAGS),
      flagText: z.string(),
    }),
  ),
  /** Neutral reminder: flags are for the 支部 to study, never acted on automatically. */
  note: z.string(),
})
export type Grid = z.infer<typeof GridSchema>

export const MemberHistorySchema = z.object({
  memberId: z.string(),
  name: z.string(),
  year: z.number(),
  rows: z.array(
    z.object({
      meetingId: z.string(),
      kind: MeetingKindSchema,
      topic: z.string(),
      date: z.string(),
      status: z.enum(MEMBER_MEETING_STATUSES),
      makeupDone: z.boolean(),
    }),
  ),
  totals: z.object({ present: z.number(), leave: z.number(), absent: z.number(), exempt: z.number() }),
  /** Only for the 支委 (null for the member themselves). */
  flag: z.nullable(z.object({ run: z.number(), flag: z.enum(ATTENDANCE_FLAGS), text: z.string() })),
})
export type MemberHistory = z.infer<typeof MemberHistorySchema>

export const ComplianceSchema = z.object({
  year: z.number(),
  profileName: z.string(),
  today: z.string(),
  rows: z.array(
    z.object({
      kind: MeetingKindSchema,
      requirement: z.string(),
      periodKey: z.string(),
      periodLabel: z.string(),
      required: z.number(),
      held: z.number(),
      status: z.enum(['held', 'missing', 'overdue', 'upcoming']),
    }),
  ),
  summary: z.object({ held: z.number(), missing: z.number(), overdue: z.number(), upcoming: z.number() }),
})
export type Compliance = z.infer<typeof ComplianceSchema>

export const PlanItemInputSchema = z.strictObject({
  key: z.optional(Id),
  kind: MeetingKindSchema,
  date: DateStr,
  time: TimeStr,
  groupId: z.optional(z.nullable(Id)),
  topic: Text(60),
  bySecretary: z.optional(z.boolean()),
})

export const PlanSchema = z.object({
  id: z.string(),
  branchId: z.string(),
  year: z.number(),
  status: z.enum(['none', 'draft', 'published']),
  items: z.array(
    z.object({
      key: z.string(),
      kind: MeetingKindSchema,
      date: z.string(),
      time: z.string(),
      groupId: z.nullable(z.string()),
      topic: z.string(),
      bySecretary: z.boolean(),
      meetingId: z.nullable(z.string()),
    }),
  ),
  publishedAt: z.nullable(z.string()),
  updatedAt: z.nullable(z.string()),
})
export type Plan = z.infer<typeof PlanSchema>

export const TasksSchema = z.object({
  makeups: z.array(z.object({ meetingId: z.string(), kind: MeetingKindSchema, topic: z.string(), date: z.string() })),
  upcoming: z.array(MeetingSummarySchema),
  /** This Beijing month's next (or today's) 主题党日 the caller may see, not cancelled; null when none is set up. */
  themeDay: z.nullable(MeetingSummarySchema),
})
export type Tasks = z.infer<typeof TasksSchema>

const MeetingRef = z.strictObject({ meetingId: Id })
const BranchYear = z.strictObject({ branchId: z.optional(Id), year: Year })
/** Those who keep a meeting: its host and recorder (`self`), any 支委. */
const KEEPERS = { committee: 'branch', member: 'self' } as const

export const meetings = defineDomain('meetings', {
  /** Upcoming or past meetings of the branch the caller may see. Caller: members; 上级 admins. */
  listMeetings: action({
    input: z.strictObject({ branchId: z.optional(Id), when: z.enum(['upcoming', 'past']), page: Page }),
    output: z.object({ meetings: z.array(MeetingSummarySchema), hasMore: z.boolean() }),
    policy: { member: 'branch', 'org-admin': 'org' },
    kind: 'read',
  }),

  /** One meeting with the caller's status, minutes (once locked) and 补学. Caller: members; 上级 admins. */
  getMeeting: action({ input: MeetingRef, output: MeetingDetailSchema, policy: { member: 'branch', 'org-admin': 'org' }, kind: 'read' }),

  /** Set up a meeting; the 应到 roster is taken from the membership. Caller: 支委; 党小组长 for their group's meetings. */
  createMeeting: action({
    input: z.strictObject({ branchId: z.optional(Id), fields: MeetingFieldsSchema }),
    output: MeetingDetailSchema,
    policy: { committee: 'branch', 'group-leader': 'group' },
    kind: 'write',
  }),

  /** Change a meeting before its record is locked (the roster is refreshed). Caller: 支委; 党小组长 for their group's. */
  updateMeeting: action({
    input: z.strictObject({ meetingId: Id, fields: MeetingFieldsSchema }),
    output: MeetingDetailSchema,
    policy: { committee: 'branch', 'group-leader': 'group' },
    kind: 'write',
  }),

  /** Cancel a meeting that has not been held, with a reason. Caller: 支委; 党小组长 for their group's. */
  cancelMeeting: action({
    input: z.strictObject({ meetingId: Id, reason: Text(100) }),
    output: MeetingDetailSchema,
    policy: { committee: 'branch', 'group-leader': 'group' },
    kind: 'write',
  }),

  /** The host screen: the current rotating code and the live 实到 / 应到. Caller: the host, the recorder, 支委. */
  hostCode: action({ input: MeetingRef, output: HostViewSchema, policy: KEEPERS, kind: 'read' }),

  /**
   * Sign in with the code scanned from the host's phone — or its 6 digits typed when scanning fails —
   * inside the sign-in window. Caller: a member on the roster.
   */
  signIn: action({
    input: z
      .strictObject({
        meetingId: Id,
        code: z.optional(z.string().check(z.minLength(1, '请扫描签到二维码'), z.maxLength(200, '签到码不正确'))),
        /** The 6 digits under the host's QR code, typed instead of scanning. */
        digits: z.optional(z.string().check(z.regex(SIGN_IN_DIGITS, '请输入主持人手机上显示的6位数字'))),
        /** 流动党员 taking part by video. */
        remote: z.optional(z.boolean()),
        location: z.optional(z.strictObject({ lat: z.number().check(z.gte(-90), z.lte(90)), lng: z.number().check(z.gte(-180), z.lte(180)) })),
      })
      .check(z.refine((i) => (i.code === undefined) !== (i.digits === undefined), { message: '请扫描签到二维码，或输入6位数字签到码', path: ['code'] })),
    output: AttendanceSchema,
    policy: { member: 'branch' },
    kind: 'write',
  }),

  /** Recorder mode: mark a member present (no phone, no network, 年老体弱, remote 流动党员); audited. Caller: host, recorder, 支委. */
  markAttendance: action({
    input: z.strictObject({ meetingId: Id, memberId: Id, via: z.enum(['recorder', 'remote']) }),
    output: AttendanceSchema,
    policy: KEEPERS,
    kind: 'write',
  }),

  /** Ask for leave before the meeting starts, with a reason. Caller: a member on the roster. */
  requestLeave: action({ input: z.strictObject({ meetingId: Id, reason: Text(100) }), output: LeaveSchema, policy: { member: 'branch' }, kind: 'write' }),

  /** Approve or decline a leave request. Caller: 书记; 党小组长 for their group's members. */
  decideLeave: action({
    input: z.strictObject({ leaveId: Id, approve: z.boolean(), note: OptText(100) }),
    output: LeaveSchema,
    policy: { secretary: 'branch', 'group-leader': 'group' },
    kind: 'write',
  }),

  /** Leave requests to decide (pending first) or of one meeting. Caller: 支委; 党小组长 (their group). */
  listLeaves: action({
    input: z.strictObject({ branchId: z.optional(Id), groupId: z.optional(Id), meetingId: z.optional(Id), status: z.optional(z.enum(LEAVE_STATUSES)) }),
    output: z.object({ leaves: z.array(LeaveSchema) }),
    policy: { committee: 'branch', 'group-leader': 'group' },
    kind: 'read',
  }),

  /** Per meeting: each roster member's status, how and when they signed in. Caller: host, recorder, 支委; 党小组长 (their group's meetings). */
  meetingAttendance: action({
    input: MeetingRef,
    output: z.object({ meetingId: z.string(), rows: z.array(RosterRowSchema), final: z.nullable(FinalSummarySchema), live: FinalSummarySchema }),
    policy: { ...KEEPERS, 'group-leader': 'group' },
    kind: 'read',
  }),

  /**
   * Store one 纪实 photo (JPG / PNG, base64) in the meeting's folder while the record is open; the next
   * `saveMinutes` names its fileID. Caller: host, recorder, 支委.
   */
  uploadPhoto: action({
    input: z.strictObject({ meetingId: Id, ext: ImageExt, base64: Base64Body(MAX_MINUTES_PHOTO_BYTES, '照片') }),
    output: MinutesPhotoSchema,
    policy: KEEPERS,
    kind: 'write',
  }),

  /** Save the draft minutes (内容, 决议, 照片) until submitted. Caller: host, recorder, 支委. */
  saveMinutes: action({ input: z.strictObject({ meetingId: Id, minutes: MinutesInputSchema }), output: MeetingDetailSchema, policy: KEEPERS, kind: 'write' }),

  /**
   * Submit the record: it is locked (no more edits or marks), 应到 / 实到 / 请假 / 缺席 and the quorum are fixed,
   * absentees get 补学 and an `attendance.absent` event. Caller: host, recorder, 支委.
   */
  submitMinutes: action({ input: MeetingRef, output: MeetingDetailSchema, policy: KEEPERS, kind: 'write' }),

  /** A correction to a locked record: a new audited entry, never an edit. Caller: host, recorder, 支委. */
  addCorrection: action({
    input: z.strictObject({ meetingId: Id, field: z.enum(CORRECTION_FIELDS), text: Text(1000), reason: Text(200) }),
    output: MeetingDetailSchema,
    policy: KEEPERS,
    kind: 'write',
  }),

  /** 补学: the member confirms having read the minutes and materials of a meeting they missed. Caller: that member. */
  confirmMakeup: action({ input: MeetingRef, output: z.object({ meetingId: z.string(), done: z.boolean() }), policy: { member: 'branch' }, kind: 'write' }),

  /** A member's attendance over a year (flags only for 支委). Caller: the member; 支委; 党小组长 (their group). */
  memberAttendance: action({
    input: z.strictObject({ memberId: z.optional(Id), year: Year }),
    output: MemberHistorySchema,
    policy: { member: 'self', committee: 'branch', 'group-leader': 'group' },
    kind: 'read',
  }),

  /** The year × month grid of every member with consecutive-absence flags. Caller: 支委; 上级 admins. */
  attendanceGrid: action({ input: BranchYear, output: GridSchema, policy: { committee: 'branch', 'org-admin': 'org' }, kind: 'read' }),

  /** Held vs required per kind and period for the branch's profile, with the missing periods. Caller: 支委; 上级 admins. */
  compliance: action({ input: BranchYear, output: ComplianceSchema, policy: { committee: 'branch', 'org-admin': 'org' }, kind: 'read' }),

  /** The year's plan (members see it once published). Caller: members; 上级 admins. */
  getPlan: action({ input: BranchYear, output: PlanSchema, policy: { member: 'branch', 'org-admin': 'org' }, kind: 'read' }),

  /** Draft the year's plan from the branch profile (replaces an unpublished draft). Caller: 支委. */
  draftPlan: action({ input: BranchYear, output: PlanSchema, policy: { committee: 'branch' }, kind: 'write' }),

  /** Edit the draft plan's items. Caller: 支委. */
  updatePlan: action({
    input: z.strictObject({ branchId: z.optional(Id), year: Year, items: z.array(PlanItemInputSchema).check(z.maxLength(200)) }),
    output: PlanSchema,
    policy: { committee: 'branch' },
    kind: 'write',
  }),

  /** Publish the plan to members: its meetings are set up (host 书记, recorder 组织委员 by default). Caller: 支委. */
  publishPlan: action({ input: BranchYear, output: PlanSchema, policy: { committee: 'branch' }, kind: 'write' }),

  /** The caller's 组织生活 to-dos: 补学 owed, meetings in the next 7 days and this month's 主题党日, in their own branch. Caller: any member. */
  myTasks: action({ input: z.strictObject({}), output: TasksSchema, policy: { member: 'any' }, kind: 'read' }),
})

