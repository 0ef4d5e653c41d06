/** points.schemeEditor — the draft, the published versions and presets (the branch profile's scheme first). */
import type { points, SchemeEditor } from '@shared/contract/points'
import { resolveProfile } from '@shared/profiles'
import { schemePresets } from '@shared/rules/points/branch-scheme'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { loadBranch } from '../../org/public/branches'
import type { Store } from '../../_kit/store'
import { loadHead } from '../engine'
import { editorView } from '../views'

export const presetsFor = async (store: Store, branchId: string): Promise<SchemeEditor['presets']> => {
  const branch = await loadBranch(store, branchId)
  return schemePresets(resolveProfile(branch.profileId, (branch.profileOverrides ?? {}) as Parameters<typeof resolveProfile>[1]))
}

export const schemeEditor: Handler<typeof points.actions.schemeEditor, string> = {
  target: branchTarget,
  run: async (_input, ctx, branchId) => {
    const [head, presets] = await Promise.all([loadHead(ctx.store, branchId), presetsFor(ctx.store, branchId)])
    return editorView(branchId, head, presets)
  },
}
