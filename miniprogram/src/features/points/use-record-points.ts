/** Recording 积分 for members: volunteer hours and scheme items. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useRecordVolunteer = () => useAction(api.points.recordVolunteer)
export const useRecordEntry = () => useAction(api.points.recordEntry)
