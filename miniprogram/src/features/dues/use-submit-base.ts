/** A member submitting their own 缴费基数 for the 党费管理员 to check. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useSubmitBase = () => useAction(api.dues.submitBase)
