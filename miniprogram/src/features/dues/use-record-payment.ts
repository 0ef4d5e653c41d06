/** The collection screen: recording a payment and voiding one recorded by mistake. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useRecordPayment = () => useAction(api.dues.recordPayment)
export const useVoidPayment = () => useAction(api.dues.voidPayment)
