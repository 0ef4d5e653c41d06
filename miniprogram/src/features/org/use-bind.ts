/** Binding this WeChat account to a member with the invite code (errors stay inline on the bind page). */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useBind = () => useAction((code: string) => api.org.bind({ code }), { toast: false })
