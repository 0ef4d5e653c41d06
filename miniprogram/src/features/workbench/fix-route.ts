/**
 * Where a dashboard item's fix leads: the server names the page (`Fix`), the app knows the routes. A
 * missing meeting opens the new-meeting form prefilled (kind, date, 党小组, topic).
 */
import type { Fix } from '@shared/contract/workbench'
import { ROUTES } from '@/constants/routes'

export interface RouteTarget {
  route: string
  query: Record<string, string>
}

/** Workbench routes (registered in constants/routes.ts). */
export const WB = {
  dashboard: ROUTES.workbench,
  talks: ROUTES.workbenchTalks,
  study: ROUTES.workbenchStudy,
  standard: ROUTES.workbenchStandard,
  summary: ROUTES.workbenchSummary,
  exports: ROUTES.workbenchExports,
  overview: ROUTES.workbenchOverview,
} as const

const pick = (params: Record<string, string>, ...keys: string[]): Record<string, string> =>
  Object.fromEntries(keys.filter((k) => params[k] !== undefined && params[k] !== '').map((k) => [k, params[k] as string]))

export function fixRoute(fix: Fix): RouteTarget {
  const p = fix.params
  switch (fix.page) {
    case 'create-meeting':
      return { route: ROUTES.meetingEdit, query: pick(p, 'kind', 'date', 'groupId', 'topic') }
    case 'meetings':
      return p.meetingId ? { route: ROUTES.meetingDetail, query: { meetingId: p.meetingId } } : { route: ROUTES.meetingCompliance, query: {} }
    case 'attendance':
      return { route: ROUTES.meetingGrid, query: {} }
    case 'dues':
      return p.tab === 'arrears' ? { route: ROUTES.duesArrears, query: {} } : { route: ROUTES.duesAdmin, query: {} }
    case 'points-review':
      return { route: ROUTES.pointsReview, query: {} }
    case 'points-publish':
      return p.periodKey ? { route: ROUTES.pointsPublication, query: { key: p.periodKey } } : { route: ROUTES.pointsAdmin, query: {} }
    case 'evaluation':
      return { route: ROUTES.evaluationManage, query: pick(p, 'roundId') }
    case 'talks':
      return { route: WB.talks, query: pick(p, 'withId') }
    case 'study':
      return { route: WB.study, query: {} }
    case 'branch-settings':
      return { route: ROUTES.adminBranch, query: {} }
    case 'members':
      return { route: ROUTES.adminMembers, query: {} }
    case 'standard':
      return { route: WB.standard, query: {} }
  }
}
