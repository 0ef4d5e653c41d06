/**
 * development.uploadMaterial — store one material picture (JPG / PNG) in the record's own folder and file
 * it with a recorded step (replacing that kind's paper-only entry); the material then no longer shows as missing.
 */
import { AppError } from '@shared/contract/errors'
import { MAX_MATERIAL_BYTES, type development } from '@shared/contract/development'
import { DEVELOPMENT_MATERIAL_LABELS, DEVELOPMENT_STEP_BY_CODE } from '@shared/rules/development'
import { beijingDate } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import { storeImage } from '../../_kit/files'
import { loadBranch } from '../../org/public/branches'
import type { DevRecordDoc } from '../documents'
import { detailView, loadRecord, profileOf, recordTarget } from '../model'
import { materialFolder } from '../steps'

export const uploadMaterial: Handler<typeof development.actions.uploadMaterial, DevRecordDoc> = {
  target: async ({ recordId }, ctx) => {
    const rec = await loadRecord(ctx.store, recordId)
    return { target: recordTarget(rec), loaded: rec }
  },
  run: async (input, ctx, loaded) => {
    const { store, now } = ctx
    const step = loaded.steps.find((s) => s.id === input.stepId)
    if (!step) throw new AppError('INVALID_INPUT', '没有找到该步骤，请先记录该步骤')
    if (!DEVELOPMENT_STEP_BY_CODE[step.step].materials.includes(input.kind)) throw new AppError('INVALID_INPUT', '该步骤不需要此材料')
    const branch = await loadBranch(store, loaded.branchId)
    const { fileId, url } = await storeImage(materialFolder(loaded), input, MAX_MATERIAL_BYTES, now)
    const rec = await store.transaction(async (tx) => {
      const cur = await tx.get('dev_records', loaded._id)
      if (!cur) throw new AppError('NOT_FOUND', '没有找到该发展党员记录')
      const steps = cur.steps.map((s) => {
        if (s.id !== input.stepId) return s
        const paper = s.materials.findIndex((m) => m.kind === input.kind && m.fileId === null)
        const materials = paper >= 0 ? s.materials.map((m, i) => (i === paper ? { kind: input.kind, fileId } : m)) : [...s.materials, { kind: input.kind, fileId }]
        return { ...s, materials }
      })
      const next = { ...cur, steps, updatedAt: now.toISOString() }
      await tx.update('dev_records', cur._id, { steps, updatedAt: next.updatedAt })
      return next
    })
    await ctx.audit({
      branchId: loaded.branchId,
      action: 'development.uploadMaterial',
      targetId: loaded._id,
      summary: `${loaded.name}：上传${DEVELOPMENT_MATERIAL_LABELS[input.kind]}（${DEVELOPMENT_STEP_BY_CODE[step.step].name}）`,
    })
    const urls = new Map(url ? [[fileId, url]] : [])
    return { fileId, url, detail: detailView(rec, profileOf(branch), beijingDate(now), urls) }
  },
}
