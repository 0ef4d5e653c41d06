/** Saving the member form: updates the member when `memberId` is given, adds a new one otherwise. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export type MemberFields = Parameters<typeof api.org.createMember>[0]['fields']

export const useSaveMember = (memberId: string | undefined) =>
  useAction(async (fields: MemberFields) => (memberId ? api.org.updateMember({ memberId, fields }) : api.org.createMember({ fields })))
