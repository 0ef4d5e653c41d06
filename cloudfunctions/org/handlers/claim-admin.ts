/**
 * org.claimAdmin — first run of a fresh environment: the holder of the bootstrap code printed by
 * `npm run provision` becomes the 上级党委 admin of a new root org node. One transaction checks the code's
 * hash, marks it claimed and writes the node, the admin's identity and the audit entry, so ten people racing
 * with the right code yield exactly one admin, and nobody can claim again. Guesses are limited per WeChat
 * user like `bind`, and across the environment too, since openids cost nothing to make.
 */
import { AppError } from '@shared/contract/errors'
import type { org } from '@shared/contract/org'
import { DEFAULT_PROFILE_ID, getProfile } from '@shared/profiles'
import type { ThemeDayRule } from '@shared/rules/theme-day-rule'
import { auditDoc } from '../../_kit/audit'
import { BOOTSTRAP_DOC_ID, bootstrapCodeMatches } from '../../_kit/bootstrap'
import type { OrgDoc, UserDoc } from '../documents'
import { callerTarget, type Handler } from '../../_kit/create-main'
import { newId } from '../../_kit/ids'
import { countAttempt, RATE_LIMITS } from '../../_kit/rate-limit'
import { meOf } from './me'

/**
 * 党费 is commonly collected at the monthly 主题党日, so a new node's collection day follows a day-of-month
 * rule (capped at 28 so every month has it); otherwise the 1st. Branches change it in their settings.
 */
export const defaultDuesDay = (rule: ThemeDayRule): number => (rule.kind === 'day-of-month' ? Math.min(rule.day, 28) : 1)

export const claimAdmin: Handler<typeof org.actions.claimAdmin> = {
  // Anyone may try (policy `unbound: any`); the bootstrap code itself is the authorization.
  target: callerTarget,
  run: async ({ code, orgName, adminName }, ctx) => {
    const { caller, store, now } = ctx
    const openid = caller.openid
    if (!openid) throw new AppError('UNAUTHENTICATED', '无法识别微信身份，请在微信中打开')

    // Per user first: one user hammering is refused without using up everyone's allowance.
    await countAttempt(store, RATE_LIMITS.bootstrapGuessesPerUser, openid, now)
    await countAttempt(store, RATE_LIMITS.bootstrapGuessesGlobal, 'env', now)

    const orgId = newId('org')
    const at = now.toISOString()
    const profile = getProfile(DEFAULT_PROFILE_ID)
    const themeDayRule: ThemeDayRule = { ...profile.themeDay.rule }
    const user = await store.transaction(async (tx): Promise<UserDoc> => {
      const boot = await tx.get('bootstrap', BOOTSTRAP_DOC_ID)
      if (!boot) throw new AppError('NOT_FOUND', '本环境还没有生成初始化码，请部署人员运行 npm run provision')
      if (boot.claimedAt) throw new AppError('CONFLICT', '本环境已设置过上级党委管理员，初始化码已失效')
      if (!bootstrapCodeMatches(boot, code)) throw new AppError('NOT_FOUND', '初始化码不正确，请核对后重试')
      await tx.update('bootstrap', BOOTSTRAP_DOC_ID, { claimedAt: at, claimedBy: openid, orgId })
      const node: Omit<OrgDoc, '_id'> = {
        kind: 'committee',
        name: orgName,
        parentId: null,
        parentName: null,
        ancestors: [],
        profileId: DEFAULT_PROFILE_ID,
        themeDayRule,
        termStartedAt: null,
        termEndsAt: null,
        duesDay: defaultDuesDay(themeDayRule),
        groups: [],
        createdAt: at,
        updatedAt: at,
      }
      await tx.create('orgs', orgId, node)
      const existing = await tx.get('users', openid)
      const next: Omit<UserDoc, '_id'> = {
        memberId: existing?.memberId ?? null,
        branchId: existing?.branchId ?? null,
        groupId: existing?.groupId ?? null,
        status: existing?.status ?? null,
        roles: existing?.roles ?? [],
        name: existing?.name || adminName,
        adminOrgs: [...(existing?.adminOrgs ?? []), { id: orgId, name: orgName }],
        adminBranchIds: existing?.adminBranchIds ?? [],
        createdAt: existing?.createdAt ?? at,
      }
      await tx.set('users', openid, next)
      await tx.create(
        'audit',
        `claim_${orgId}`,
        auditDoc({ ...caller, name: next.name }, now, {
          branchId: null,
          action: 'org.claimAdmin',
          targetId: orgId,
          summary: `${adminName} 使用初始化码成为「${orgName}」的管理员`,
        }),
      )
      return { _id: openid, ...next }
    })
    caller.user = user
    return meOf(ctx)
  },
}
