/**
 * Every page route of the app, in one place. Tab pages are in the main package (WeChat requires it);
 * admin pages live in the `subpackages/admin` subpackage so the main package stays small.
 */
export const TAB_ROUTES = {
  home: '/pages/index/index',
  meetings: '/pages/meetings/index',
  mine: '/pages/mine/index',
} as const

export const ROUTES = {
  ...TAB_ROUTES,
  bind: '/pages/bind/index',
  about: '/pages/about/index',
  adminMembers: '/subpackages/admin/members/index',
  adminMemberEdit: '/subpackages/admin/member-edit/index',
  adminMemberDetail: '/subpackages/admin/member-detail/index',
  adminRoles: '/subpackages/admin/roles/index',
  adminBranch: '/subpackages/admin/branch/index',
  meetingDetail: '/subpackages/meetings/detail/index',
  meetingHost: '/subpackages/meetings/host/index',
  meetingChecklist: '/subpackages/meetings/checklist/index',
  meetingMinutes: '/subpackages/meetings/minutes/index',
  meetingEdit: '/subpackages/meetings/edit/index',
  meetingLeaves: '/subpackages/meetings/leaves/index',
  meetingGrid: '/subpackages/meetings/attendance/index',
  meetingMember: '/subpackages/meetings/member/index',
  meetingPlan: '/subpackages/meetings/plan/index',
  meetingCompliance: '/subpackages/meetings/compliance/index',
  duesMine: '/subpackages/dues/mine/index',
  duesReport: '/subpackages/dues/report/index',
  duesPublications: '/subpackages/dues/publications/index',
  duesPublication: '/subpackages/dues/publication/index',
  duesAdmin: '/subpackages/dues-admin/index/index',
  duesBaseReview: '/subpackages/dues-admin/base-review/index',
  duesImport: '/subpackages/dues-admin/import/index',
  duesCollection: '/subpackages/dues-admin/collection/index',
  duesReports: '/subpackages/dues-admin/reports/index',
  duesArrears: '/subpackages/dues-admin/arrears/index',
  duesPublish: '/subpackages/dues-admin/publish/index',
  evaluation: '/subpackages/evaluation/index/index',
  evaluationSelf: '/subpackages/evaluation/self/index',
  evaluationBallot: '/subpackages/evaluation/ballot/index',
  evaluationManage: '/subpackages/evaluation/manage/index',
  evaluationOpen: '/subpackages/evaluation/open/index',
  evaluationAssess: '/subpackages/evaluation/assess/index',
  evaluationFollowUp: '/subpackages/evaluation/followup/index',
  pointsHome: '/subpackages/points/index/index',
  pointsDeclare: '/subpackages/points/declare/index',
  pointsEntry: '/subpackages/points/entry/index',
  pointsRanking: '/subpackages/points/ranking/index',
  pointsAdmin: '/subpackages/points-admin/index/index',
  pointsReview: '/subpackages/points-admin/review/index',
  pointsScheme: '/subpackages/points-admin/scheme/index',
  pointsPublication: '/subpackages/points-admin/publication/index',
  pointsRecord: '/subpackages/points-admin/record/index',
  setupClaimAdmin: '/subpackages/setup/claim-admin/index',
  setupCreateBranch: '/subpackages/setup/create-branch/index',
  workbench: '/subpackages/workbench/dashboard/index',
  workbenchTalks: '/subpackages/workbench/talks/index',
  workbenchStudy: '/subpackages/workbench/study/index',
  workbenchStandard: '/subpackages/workbench/standard/index',
  workbenchSummary: '/subpackages/workbench/summary/index',
  workbenchExports: '/subpackages/workbench/exports/index',
  workbenchOverview: '/subpackages/workbench/overview/index',
  remindersSettings: '/subpackages/reminders/settings/index',
} as const

export type RouteName = keyof typeof ROUTES

export const ADMIN_ROOT = 'subpackages/admin'

/** Builds `route?key=value&…` with encoded values; undefined values are skipped. */
export function withQuery(route: string, query: Record<string, string | number | undefined>): string {
  const parts = Object.entries(query)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `${route}?${parts.join('&')}` : route
}

export const isTabRoute = (route: string): boolean =>
  (Object.values(TAB_ROUTES) as string[]).includes(route.split('?')[0] ?? '')
