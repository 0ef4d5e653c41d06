/**
 * points.publishScheme — the draft becomes version n+1, immutable (`points_schemes/${branch}_v${n}`), in force
 * from `effectiveFrom`. Entries keep the version they were scored under. When it takes effect before events
 * already consumed, the cursor steps back so those events are scored (entries are idempotent by event).
 */
import { AppError } from '@shared/contract/errors'
import type { points } from '@shared/contract/points'
import { beijingDateTime } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import type { PointsBranchDoc } from '../documents'
import { scoringOf, versionDocId } from '../model'
import { editorView } from '../views'
import { presetsFor } from './scheme-editor'

export const publishScheme: Handler<typeof points.actions.publishScheme, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const nowIso = ctx.now.toISOString()
    const by = { id: ctx.caller.memberId, name: ctx.caller.name }
    const next = await ctx.store.transaction(async (tx) => {
      const head = await tx.get('points_branches', branchId)
      if (!head?.draft) throw new AppError('RULE_VIOLATED', '请先保存积分方案草稿', { rule: 'NO_DRAFT' })
      const latest = head.current?.version ?? 0
      if (input.expectVersion !== latest) throw new AppError('CONFLICT', '积分方案已被他人发布，请刷新后再试')
      const last = head.versions.find((v) => v.version === latest)
      if (last && input.effectiveFrom < last.effectiveFrom) {
        throw new AppError('RULE_VIOLATED', `生效日期不能早于上一版本的生效日期（${last.effectiveFrom}）`, { rule: 'EFFECTIVE_ORDER' })
      }
      const version = latest + 1
      const doc = { branchId, version, effectiveFrom: input.effectiveFrom, scheme: head.draft, publishedAt: nowIso, publishedBy: by.id, publishedByName: by.name }
      await tx.create('points_schemes', versionDocId(branchId, version), doc)
      const start = beijingDateTime(input.effectiveFrom)
      const cursor = head.cursor.at > start ? { at: start, id: '' } : head.cursor
      const updated: PointsBranchDoc = {
        ...head,
        current: { version, effectiveFrom: input.effectiveFrom, scheme: head.draft, publishedAt: nowIso, publishedBy: by.id, publishedByName: by.name },
        versions: [...head.versions, { version, effectiveFrom: input.effectiveFrom, publishedAt: nowIso, name: head.draft.name }],
        cursor,
        updatedAt: nowIso,
      }
      const { _id, ...body } = updated
      await tx.set('points_branches', branchId, body)
      return updated
    })
    // Years the new version ends in are scored by its numbers (base, bands, period) from now on.
    const cur = next.current!
    await ctx.store.updateWhere('points_years', { branchId, year: ctx.store.cmd.gte(Number(input.effectiveFrom.slice(0, 4))) }, { scoring: scoringOf(cur.scheme, cur.version) })
    await ctx.audit({
      branchId,
      action: 'points.publishScheme',
      targetId: versionDocId(branchId, next.current!.version),
      summary: `发布积分方案“${next.current!.scheme.name}”第${next.current!.version}版，${input.effectiveFrom}起生效`,
      after: next.current,
    })
    return editorView(branchId, next, await presetsFor(ctx.store, branchId))
  },
}
