/** Changing the branch's 积分 settings (the points admin home). */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useUpdateSettings = () => useAction(api.points.updateSettings)
