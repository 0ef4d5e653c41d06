/** A member's objection (异议) to a 积分 公示. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useObjectPublication = () => useAction(api.points.objectPublication)
