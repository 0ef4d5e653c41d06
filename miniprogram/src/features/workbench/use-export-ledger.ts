/** Exporting a branch's 台账 of a year with progress: useLedgerExport over `workbench.exportLedger`. */
import { api } from '@/services/api'
import { useLedgerExport } from './use-ledger-export'

export const useExportLedger = (branchId: string | undefined, year: number) =>
  useLedgerExport({ build: (kind) => api.workbench.exportLedger({ branchId, year, kind }) })
