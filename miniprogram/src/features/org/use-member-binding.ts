/** A member's WeChat binding, for the member page: a fresh invite code, and unbinding with a reason. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useCreateInvite = (memberId: string) => useAction(() => api.org.createInvite({ memberId }))

export const useUnbindMember = (memberId: string) => useAction((reason: string) => api.org.unbindMember({ memberId, reason }))
