/**
 * org.bind — redeem a one-time invite code: the calling WeChat identity becomes the member's. Single use,
 * 7-day expiry, guesses limited per WeChat user in a sliding window (`RATE_LIMITS.inviteGuessesPerUser`).
 * One transaction, so two people racing for one code (or one person racing two codes) produce exactly one
 * binding.
 */
import { AppError } from '@shared/contract/errors'
import type { org } from '@shared/contract/org'
import { callerTarget, type Handler } from '../../_kit/create-main'
import { auditDoc } from '../../_kit/audit'
import { countAttempt, RATE_LIMITS } from '../../_kit/rate-limit'
import { meOf } from './me'

export const bind: Handler<typeof org.actions.bind> = {
  target: callerTarget,
  run: async ({ code }, ctx) => {
    const { caller, store, now } = ctx
    const openid = caller.openid
    if (!openid) throw new AppError('UNAUTHENTICATED', '无法识别微信身份，请在微信中打开')
    if (caller.memberId) throw new AppError('CONFLICT', '您已绑定党员身份')

    // Count this attempt first, so guesses are limited whether they succeed or not.
    await countAttempt(store, RATE_LIMITS.inviteGuessesPerUser, openid, now)

    await store.transaction(async (tx) => {
      const invite = await tx.get('invites', code)
      if (!invite || invite.revoked || Date.parse(invite.expiresAt) <= now.getTime()) {
        throw new AppError('NOT_FOUND', '邀请码无效或已过期，请联系支部重新获取')
      }
      if (invite.usedAt) throw new AppError('CONFLICT', '该邀请码已被使用')
      const member = await tx.get('members', invite.memberId)
      if (!member || !member.active) throw new AppError('NOT_FOUND', '邀请码对应的党员已不存在')
      if (member.openid) throw new AppError('CONFLICT', '该党员已绑定其他微信')
      const existing = await tx.get('users', openid)
      if (existing?.memberId) throw new AppError('CONFLICT', '您已绑定党员身份')
      const at = now.toISOString()
      await tx.update('invites', code, { usedAt: at, usedBy: openid })
      await tx.update('members', member._id, { openid, boundAt: at, updatedAt: at })
      await tx.set('users', openid, {
        memberId: member._id,
        branchId: member.branchId,
        groupId: member.groupId,
        status: member.status,
        roles: member.roles,
        name: member.name,
        adminOrgs: existing?.adminOrgs ?? [],
        adminBranchIds: existing?.adminBranchIds ?? [],
        createdAt: existing?.createdAt ?? at,
      })
      const auditCaller = { ...caller, memberId: member._id, name: member.name }
      await tx.create(
        'audit',
        `bind_${code}`,
        auditDoc(auditCaller, now, {
          branchId: member.branchId,
          action: 'org.bind',
          targetId: member._id,
          summary: `${member.name} 使用邀请码绑定了微信`,
        }),
      )
      caller.memberId = member._id
      caller.branchId = member.branchId
    })
    return meOf(ctx)
  },
}
