/** points.saveDraft — save the branch's draft scheme (a preset, edited); nothing changes for members until published. */
import type { points } from '@shared/contract/points'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { resolveProfile } from '@shared/profiles'
import { loadBranch } from '../../org/public/branches'
import { ensureHead } from '../engine'
import { editorView } from '../views'
import { presetsFor } from './scheme-editor'

export const saveDraft: Handler<typeof points.actions.saveDraft, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const branch = await loadBranch(ctx.store, branchId)
    // A new head takes the ranking setting from the profile (off by default: anti-形式主义).
    const publicRanking = resolveProfile(branch.profileId, (branch.profileOverrides ?? {}) as Parameters<typeof resolveProfile>[1]).points.publicRanking
    const head = await ensureHead(ctx.store, branchId, ctx.now, publicRanking)
    const nowIso = ctx.now.toISOString()
    await ctx.store.update('points_branches', branchId, { draft: input.scheme, draftUpdatedAt: nowIso, updatedAt: nowIso })
    return editorView(branchId, { ...head, draft: input.scheme, draftUpdatedAt: nowIso }, await presetsFor(ctx.store, branchId))
  },
}
