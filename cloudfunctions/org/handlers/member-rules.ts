/** Checks shared by creating and editing a member. */
import { AppError } from '@shared/contract/errors'
import type { OrgDoc } from '../documents'

export const checkMemberFields = (
  branch: OrgDoc,
  f: { joinedAt: string; formalAt: string | null; status: string; groupId: string | null },
): void => {
  if (f.groupId && !branch.groups.some((g) => g.id === f.groupId)) {
    throw new AppError('INVALID_INPUT', '所选党小组不存在', { issues: [{ path: 'fields.groupId', message: '所选党小组不存在' }] })
  }
  if (f.formalAt && f.formalAt < f.joinedAt) {
    throw new AppError('INVALID_INPUT', '转正日期不能早于入党日期', {
      issues: [{ path: 'fields.formalAt', message: '转正日期不能早于入党日期' }],
    })
  }
  if (f.status === 'probationary' && f.formalAt) {
    throw new AppError('INVALID_INPUT', '预备党员不应填写转正日期', {
      issues: [{ path: 'fields.formalAt', message: '预备党员不应填写转正日期' }],
    })
  }
}
