/** Exporting a 党费 sheet (登记表, 汇总, 核算表) with progress: useExport over `dues.exportFile`. */
import { useCallback } from 'react'
import { api } from '@/services/api'
import { useExport, type ExportDeps } from './use-export'

export type DuesExportInput = Parameters<typeof api.dues.exportFile>[0]

export function useDuesFileExport(deps?: ExportDeps) {
  const exporter = useExport(deps)
  const { run: runExport } = exporter
  const run = useCallback((key: string, input: DuesExportInput) => runExport(key, () => api.dues.exportFile(input)), [runExport])
  return { state: exporter.state, run, reset: exporter.reset }
}
