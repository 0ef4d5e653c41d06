/**
 * The annual plan [HN: 年初制定、向全体党员公布] as the contract shows it: one document per branch and year
 * (`${branchId}_${year}`), or an empty plan (`status: 'none'`) before the 支委 draft one.
 */
import type { Plan } from '@shared/contract/meetings'
import type { MeetingPlanDoc } from '../documents'

export const planId = (branchId: string, year: number): string => `${branchId}_${year}`

export const planView = (branchId: string, year: number, doc: MeetingPlanDoc | null): Plan =>
  doc
    ? { id: doc._id, branchId, year, status: doc.status, items: doc.items, publishedAt: doc.publishedAt, updatedAt: doc.updatedAt }
    : { id: planId(branchId, year), branchId, year, status: 'none', items: [], publishedAt: null, updatedAt: null }
