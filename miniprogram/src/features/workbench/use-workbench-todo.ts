/** What the home page's workbench to-do card reads: the dashboard, for 支委 only. */
import { api } from '@/services/api'
import { useApiCall } from '../common/use-api-call'

export const useWorkbenchTodo = (committee: boolean) => useApiCall(committee ? () => api.workbench.dashboard({}) : null, [committee])
