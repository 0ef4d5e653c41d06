/** Saving the 核定 缴费基数 of members. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useSetBases = () => useAction(api.dues.setBases)
