/**
 * First-run actions for the pages: `useClaimAdmin()` redeems the 初始化码 and replaces the shared identity (the
 * user is now an admin); `useCreateBranch()` sets up a 党支部 and keeps what was created this session.
 */
import { useState } from 'react'
import type { CreatedBranch, Me } from '@shared/contract/org'
import { api } from '@/services/api'
import { useAction } from '@/features/common/use-action'
import { setMe } from '@/features/org/me-store'
import type { ClaimInput, CreateBranchInput } from './setup-forms'

export function useClaimAdmin() {
  const action = useAction((input: ClaimInput) => api.org.claimAdmin(input), { toast: false })
  const claim = async (input: ClaimInput): Promise<Me | undefined> => {
    const me = await action.run(input)
    if (me) setMe(me)
    return me
  }
  return { claim, pending: action.pending, error: action.error, errorCode: action.errorCode, reset: action.reset }
}

export function useCreateBranch() {
  const [created, setCreated] = useState<CreatedBranch[]>([])
  const action = useAction((input: CreateBranchInput) => api.org.createBranch(input), { toast: false })
  const create = async (input: CreateBranchInput): Promise<CreatedBranch | undefined> => {
    const result = await action.run(input)
    if (result) setCreated((list) => [result, ...list])
    return result
  }
  return { create, created, pending: action.pending, error: action.error, reset: action.reset }
}
