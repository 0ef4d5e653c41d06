/**
 * Document shapes of the 党费 collections (registered in `_kit/collections.ts`). An account per member holds
 * the 核定 history and the settled months (denormalised so a member's page is one read); the ledger has
 * one document per member and month, `${memberId}_${yyyymm}`, written when a month is paid or reported.
 */
import type { DuesMethod } from '@shared/contract/dues'
import type { DuesCategory } from '@shared/contract/org'
import type { DuesBaseRecord } from '@shared/rules/dues/ledger'

/** `dues_accounts/{memberId}`. */
export interface DuesAccountDoc {
  _id: string
  memberId: string
  branchId: string
  /** Every 核定, ordered by `fromMonth`. */
  bases: DuesBaseRecord[]
  /** Months confirmed paid (sorted): 党费交至 and arrears derive from these. */
  paidMonths: string[]
  /** Months self-reported and awaiting the 党费管理员 (sorted). */
  reportedMonths: string[]
  /** The member's own submission of category and base, awaiting confirmation. */
  proposal: { category: DuesCategory; baseFen: number | null; farmerFen: number | null; note: string | null; at: string } | null
  createdAt: string
  updatedAt: string
}

export type DuesLedgerStatus = 'paid' | 'reported' | 'rejected'

/** `dues_ledger/${memberId}_${yyyymm}`: one month of one member. */
export interface DuesLedgerDoc {
  _id: string
  memberId: string
  branchId: string
  /** `YYYY-MM`. */
  month: string
  status: DuesLedgerStatus
  /** Owed under the base in force that month (kept in step when a base changes). */
  dueFen: number
  category: DuesCategory
  /** Paid amount (0 until confirmed). */
  paidFen: number
  paidOn: string | null
  method: DuesMethod | null
  note: string | null
  /** 代交: the name of whoever paid for the member. */
  payerName: string | null
  /** Months paid or reported together share this id. */
  paymentId: string
  recordedBy: string | null
  recordedByName: string | null
  recordedAt: string | null
  report: {
    at: string
    method: DuesMethod
    paidOn: string
    note: string | null
    amountFen: number
    screenshotFileId: string | null
  } | null
  rejection: { reason: string; at: string; byName: string } | null
  createdAt: string
  updatedAt: string
}

/** `dues_publications/${branchId}_${periodKey}`: a published 公示 (no bases). */
export interface DuesPublicationDoc {
  _id: string
  branchId: string
  branchName: string
  period: string
  label: string
  start: string
  end: string
  publishedAt: string
  publishedBy: string | null
  publishedByName: string
  rows: { memberId: string; name: string; dueFen: number; paidFen: number; dueMonths: number; paidMonths: number }[]
  totals: { members: number; dueFen: number; paidFen: number; fullyPaid: number }
}
