/** The audit log: who changed what, when, with before/after, for every administrative write. */
import type { AuditDoc } from './documents'
import type { Caller } from './caller'
import type { Store, Tx } from './store'

export interface AuditInput {
  branchId: string | null
  action: string
  targetId: string
  summary: string
  before?: unknown
  after?: unknown
}

export const auditDoc = (caller: Caller, now: Date, entry: AuditInput): AuditDoc => ({
  at: now.toISOString(),
  branchId: entry.branchId,
  actorMemberId: caller.memberId,
  actorName: caller.name || '系统',
  action: entry.action,
  targetId: entry.targetId,
  summary: entry.summary,
  before: entry.before ?? null,
  after: entry.after ?? null,
})

export const writeAudit = async (store: Store, caller: Caller, now: Date, entry: AuditInput): Promise<void> => {
  await store.add('audit', auditDoc(caller, now, entry))
}

/** Inside a transaction (only single-document ops), the audit entry needs an id of its own. */
export const writeAuditTx = async (tx: Tx, caller: Caller, now: Date, entry: AuditInput, id: string): Promise<void> => {
  await tx.create('audit', id, auditDoc(caller, now, entry))
}
