/**
 * development.createRecord — 递交入党申请书: a person enters the procedure. Refused under 18 (RULE_VIOLATED
 * with the rule); the id is derived from branch + name + birth date, so the same person twice is one record.
 */
import { AppError } from '@shared/contract/errors'
import type { development } from '@shared/contract/development'
import { beijingDate, formatDateCN } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { stableId } from '../../_kit/ids'
import { isDuplicate } from '../../_kit/store'
import { loadBranch } from '../../org/public/branches'
import type { DevRecordDoc } from '../documents'
import { detailView, findingsOf, newBlocking, profileOf, refusal, ruleSteps, stepId } from '../model'

export const createRecord: Handler<typeof development.actions.createRecord, string> = {
  target: branchTarget,
  run: async ({ person, appliedOn, materials }, ctx, branchId) => {
    const { store, now, caller } = ctx
    const branch = await loadBranch(store, branchId)
    if (person.groupId && !branch.groups.some((g) => g.id === person.groupId)) throw new AppError('INVALID_INPUT', '所选党小组不存在')
    if (appliedOn < person.birthDate) throw new AppError('INVALID_INPUT', '申请日期不能早于出生日期')
    if ((materials ?? []).some((m) => m.fileId)) throw new AppError('INVALID_INPUT', '请在建立记录后再上传材料图片')
    const profile = profileOf(branch)
    const today = beijingDate(now)
    const at = now.toISOString()
    const doc: DevRecordDoc = {
      _id: stableId('dv', branchId, person.name, person.birthDate),
      branchId,
      name: person.name,
      gender: person.gender,
      birthDate: person.birthDate,
      groupId: person.groupId ?? null,
      unit: person.unit ?? '',
      appliedOn,
      stage: 'applicant',
      steps: [
        {
          id: stepId('apply', appliedOn),
          step: 'apply',
          on: appliedOn,
          endOn: null,
          people: [],
          materials: (materials ?? []).map((m) => ({ kind: m.kind, fileId: null })),
          vote: null,
          training: null,
          months: null,
          note: '',
          recordedBy: caller.memberId,
          recordedByName: caller.name,
          recordedAt: at,
        },
      ],
      memberId: null,
      createdBy: caller.memberId,
      createdAt: at,
      updatedAt: at,
    }
    const blocking = newBlocking([], findingsOf(ruleSteps(doc), profile, today))
    if (blocking.length) throw refusal(blocking)
    try {
      await store.add('dev_records', doc)
    } catch (e) {
      if (!isDuplicate(e)) throw e
      const existing = await store.get('dev_records', doc._id)
      if (!existing) throw e
      return { detail: detailView(existing, profile, today), repeat: true }
    }
    await ctx.audit({ branchId, action: 'development.createRecord', targetId: doc._id, summary: `${doc.name}递交入党申请书（${formatDateCN(appliedOn)}）`, after: doc })
    return { detail: detailView(doc, profile, today), repeat: false }
  },
}
