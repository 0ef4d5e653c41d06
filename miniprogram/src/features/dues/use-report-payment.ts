/** A member reporting a payment made (with the screenshot) for the 党费管理员 to confirm. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useReportPayment = () => useAction(api.dues.reportPayment)
