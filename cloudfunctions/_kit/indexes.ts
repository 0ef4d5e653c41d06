/**
 * The database indexes the functions' queries need, as data: `npm run provision` creates them in
 * CloudBase, and a test checks every query a handler issues is covered by one of these. Each entry says
 * which query it serves.
 */
import type { CollectionName } from './collections'

export interface IndexSpec {
  collection: CollectionName
  name: string
  keys: { field: string; direction: 1 | -1 }[]
  unique?: boolean
  /** The query it serves (file and purpose). */
  serves: string
}

const k = (...fields: string[]) => fields.map((f) => (f.startsWith('-') ? { field: f.slice(1), direction: -1 as const } : { field: f, direction: 1 as const }))

export const INDEXES: IndexSpec[] = [
  { collection: 'todos', name: 'recipient_open', keys: k('recipientId', 'done', 'dueDate', 'createdAt', 'until'), serves: 'reminders.listTodos (todos.openTodos)' },
  { collection: 'reminder_log', name: 'status_lease', keys: k('status', 'leaseUntil', 'expiresAt'), serves: 'reminders timer (end entries of runs that died)' },
  { collection: 'reminder_events', name: 'cancelled_due', keys: k('cancelled', 'dueAt'), serves: 'reminders timer (scheduled reminders due now)' },
  { collection: 'orgs', name: 'kind', keys: k('kind'), serves: 'reminders timer (every branch)' },
  { collection: 'events', name: 'type_created', keys: k('type', 'createdAt'), serves: 'reminders timer (to-dos settled by sign-ins and payments)' },
  { collection: 'meeting_plans', name: 'status_year', keys: k('status', 'year'), serves: 'reminders timer (published plans: 主题党日 dates)' },
  { collection: 'users', name: 'admin_branches', keys: k('adminBranchIds'), serves: 'reminders timer (上级 admins of a branch, multikey)' },
  { collection: 'meetings', name: 'status_starts', keys: k('status', 'startsAt'), serves: 'reminders timer (meetings within 2 h)' },
  { collection: 'meetings', name: 'kind_date', keys: k('kind', 'date'), serves: 'reminders timer (主题党日 meetings)' },
  { collection: 'eval_rounds', name: 'status_voting', keys: k('status', 'votingFrom'), serves: 'reminders timer (voting open)' },
  { collection: 'members', name: 'branch_active_joined', keys: k('branchId', 'active', 'joinedAt', '_id'), serves: 'org.listMembers, org/public/branches.branchMembers, dues (roster by 入党日期, then _id)' },
  { collection: 'members', name: 'branch_active_group', keys: k('branchId', 'active', 'groupId', 'joinedAt'), serves: 'org.listMembers (group, by 入党日期), org.updateBranch (group size)' },
  { collection: 'members', name: 'branch_active_roles', keys: k('branchId', 'active', 'roles'), serves: 'org.setRoles (one 书记)' },
  { collection: 'users', name: 'admin_orgs', keys: k('adminOrgs.id'), serves: 'org.createBranch (admins above a new branch, multikey)' },
  { collection: 'invites', name: 'member_open', keys: k('memberId', 'usedAt', 'revoked'), serves: 'org.createInvite (revoke earlier codes)' },
  { collection: 'audit', name: 'branch_at', keys: k('branchId', '-at'), serves: 'org.listAudit' },
  { collection: 'events', name: 'branch_created', keys: k('branchId', 'createdAt', '_id'), serves: 'events.eventsAfter, points consumer (cursor createdAt + _id)' },
  { collection: 'meetings', name: 'branch_starts_closes', keys: k('branchId', 'startsAt', 'signInClosesAt'), serves: 'meetings.listMeetings (upcoming / past: sign-in closes after / before now, by start)' },
  { collection: 'meetings', name: 'branch_starts', keys: k('branchId', 'startsAt'), serves: 'meetings.myTasks (upcoming, 本月主题党日)' },
  { collection: 'meetings', name: 'branch_date', keys: k('branchId', 'date'), serves: 'meetings.attendanceGrid, meetings.compliance' },
  { collection: 'meetings', name: 'branch_roster_date', keys: k('branchId', 'rosterIds', 'date'), serves: 'meetings.memberAttendance (multikey)' },
  { collection: 'meetings', name: 'branch_makeup_starts', keys: k('branchId', 'makeupIds', 'startsAt'), serves: 'meetings.myTasks (补学, multikey)' },
  { collection: 'meetings', name: 'branch_status_date', keys: k('branchId', 'status', 'date'), serves: 'meetings/public/attendance.yearlyAttendance (held meetings of a year); workbench overview and exportLedger' },
  { collection: 'attendance', name: 'meeting', keys: k('meetingId'), serves: 'meetings.meetingAttendance' },
  { collection: 'meeting_leaves', name: 'branch_status_starts', keys: k('branchId', 'status', 'meetingStartsAt'), serves: 'meetings.listLeaves' },
  { collection: 'meeting_leaves', name: 'branch_group_starts', keys: k('branchId', 'groupId', '-meetingStartsAt'), serves: 'meetings.listLeaves (党小组长)' },
  { collection: 'meeting_leaves', name: 'branch_group_status_starts', keys: k('branchId', 'groupId', 'status', '-meetingStartsAt'), serves: 'meetings.listLeaves (党小组长, one status)' },
  { collection: 'meeting_leaves', name: 'meeting', keys: k('meetingId'), serves: 'meetings.listLeaves (one meeting), meetings.meetingAttendance' },
  { collection: 'dues_accounts', name: 'branch', keys: k('branchId'), serves: 'dues.collection, dues.arrears, dues.baseReview (lookup from members), dues timer' },
  { collection: 'dues_ledger', name: 'member_month', keys: k('memberId', 'month'), serves: 'dues.memberDues (lookup), dues.setBases (due of paid months)' },
  { collection: 'dues_ledger', name: 'branch_month', keys: k('branchId', 'month'), serves: 'dues.collection, dues.publish, dues.exportFile' },
  { collection: 'dues_ledger', name: 'branch_status_updated', keys: k('branchId', 'status', 'updatedAt', 'month'), serves: 'dues.pendingReports (oldest first), dues.todos (prefix)' },
  { collection: 'dues_ledger', name: 'member_payment', keys: k('memberId', 'paymentId'), serves: 'dues.reviewReport' },
  { collection: 'dues_publications', name: 'branch_period', keys: k('branchId', '-period'), serves: 'dues.listPublications' },
  { collection: 'eval_rounds', name: 'branch_year_seq', keys: k('branchId', '-year', '-seq'), serves: 'evaluation: latest round of a branch, listRounds, openRound (rounds of the branch)' },
  { collection: 'eval_tallies', name: 'round', keys: k('roundId'), serves: 'evaluation.getTally / setFinalGrades / exportXlsx / closeRound / publishResults (tally shards of a round)' },
  { collection: 'eval_roster', name: 'round', keys: k('roundId'), serves: 'evaluation: roster lookup from the round (turnout, voted), closeRound count' },
  { collection: 'talks', name: 'branch_year_date', keys: k('branchId', 'year', 'date'), serves: 'workbench.listTalks, workbench/board-data (dashboard 谈心谈话)' },
  { collection: 'study_records', name: 'branch_year_member', keys: k('branchId', 'year', 'memberId'), serves: 'workbench.listStudy, workbench/board-data (dashboard 学时)' },
  { collection: 'dev_records', name: 'branch_applied', keys: k('branchId', 'appliedOn'), serves: 'development.listPipeline (everyone in the procedure, by 申请 date)' },
  { collection: 'dues_ledger', name: 'branch_status_month', keys: k('branchId', 'status', 'month'), serves: 'workbench: dashboard (paid by month), overview (grouped), exportLedger (党费交纳登记表)' },
  { collection: 'points_entries', name: 'branch_status', keys: k('branchId', 'status'), serves: 'workbench dashboard (积分 review backlog)' },
  { collection: 'points_entries', name: 'member_year_month', keys: k('memberId', 'year', 'month', 'createdAt'), serves: 'points.listEntries' },
  { collection: 'points_entries', name: 'branch_origin_status_month_created', keys: k('branchId', 'origin', 'status', '-month', 'createdAt'), serves: 'points.reviewQueue (newest month first, oldest entry first), points.publishPeriod (pending count)' },
  { collection: 'points_entries', name: 'branch_origin_group_status_month_created', keys: k('branchId', 'origin', 'groupId', 'status', '-month', 'createdAt'), serves: 'points.reviewQueue (党小组: newest month first, oldest entry first)' },
  { collection: 'points_branches', name: 'branch', keys: k('branchId'), serves: 'points timer (consume events per branch)' },
  { collection: 'points_years', name: 'branch_year', keys: k('branchId', 'year'), serves: 'points.yearView / ranking / publishPeriod, points/public/yearly-standings.yearlyPointTotals' },
]
