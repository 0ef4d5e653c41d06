/**
 * What the five 台账 sheet builders share: the branch, year and subtitle of the export, other domains'
 * documents as the registration types them (read through the store for the 台账, never written), and the
 * cell texts every sheet writes alike.
 */
import { ROLE_LABELS, type BranchRole } from '@shared/contract/roles'
import { LEDGER_KIND_LABELS, type LedgerKind } from '@shared/contract/workbench'
import type { Collections } from '../../_kit/collections'
import type { OrgDoc } from '../../org/public/branches'

export type MeetingDoc = Collections['meetings']
export type DuesAccountDoc = Collections['dues_accounts']
export type DuesLedgerDoc = Collections['dues_ledger']
export type EvalRoundDoc = Collections['eval_rounds']
export type PointsYearDoc = Collections['points_years']

export const pct = (r: number | null): string => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`)
export const groupName = (branch: OrgDoc, id: string | null): string => branch.groups.find((g) => g.id === id)?.name ?? ''
export const roleText = (roles: readonly BranchRole[]): string => roles.map((r) => ROLE_LABELS[r]).join('、')
export const head = (branch: OrgDoc, year: number, kind: LedgerKind) => ({ title: `${branch.name}${year}年${LEDGER_KIND_LABELS[kind]}` })

export interface LedgerContext {
  branch: OrgDoc
  year: number
  /** `导出时间：…` and what the figures count up to. */
  subtitle: string
}
