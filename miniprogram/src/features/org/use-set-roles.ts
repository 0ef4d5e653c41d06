/** Setting a member's 支部 roles (the roles page). */
import type { BranchRole } from '@shared/contract/roles'
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useSetRoles = (memberId: string) => useAction((roles: BranchRole[]) => api.org.setRoles({ memberId, roles }))
