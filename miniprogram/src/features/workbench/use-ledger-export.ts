/**
 * Exporting 台账 with progress: each file is built by the server (生成中), then downloaded with a
 * percentage (下载中); "全部导出" runs the five one after another and shows which one of five is running.
 * A second tap while one runs is ignored; a failure keeps the server's message.
 */
import { useCallback, useRef, useState } from 'react'
import type { LedgerFile, LedgerKind } from '@shared/contract/workbench'
import { downloadAndOpen } from '@/platform/files'
import { toApiError } from '../common/use-api-call'

export type LedgerPhase = 'idle' | 'generating' | 'downloading' | 'done' | 'error'

export interface LedgerExportState {
  phase: LedgerPhase
  /** The export running (or last run). */
  kind: LedgerKind | null
  /** 0–100 for the running file. */
  percent: number
  /** In a batch: which file (1-based) of how many. */
  step: number
  steps: number
  done: LedgerKind[]
  error: string | null
}

export const IDLE_EXPORT: LedgerExportState = { phase: 'idle', kind: null, percent: 0, step: 0, steps: 0, done: [], error: null }

export interface LedgerExportDeps {
  build: (kind: LedgerKind) => Promise<LedgerFile>
  download?: (url: string, fileName: string, onProgress: (p: number) => void) => Promise<void>
}

export function useLedgerExport(deps: LedgerExportDeps): {
  state: LedgerExportState
  run: (kinds: readonly LedgerKind[]) => Promise<boolean>
} {
  const [state, setState] = useState<LedgerExportState>(IDLE_EXPORT)
  const busy = useRef(false)
  const depsRef = useRef(deps)
  depsRef.current = deps

  const run = useCallback(async (kinds: readonly LedgerKind[]): Promise<boolean> => {
    if (busy.current || kinds.length === 0) return false
    busy.current = true
    const done: LedgerKind[] = []
    try {
      for (const [i, kind] of kinds.entries()) {
        setState({ phase: 'generating', kind, percent: 10, step: i + 1, steps: kinds.length, done: [...done], error: null })
        const file = await depsRef.current.build(kind)
        setState((s) => ({ ...s, phase: 'downloading', percent: 30 }))
        const download = depsRef.current.download ?? downloadAndOpen
        await download(file.url, file.fileName, (p) => setState((s) => ({ ...s, percent: Math.max(s.percent, 30 + Math.round(p * 0.7)) })))
        done.push(kind)
      }
      setState((s) => ({ ...s, phase: 'done', percent: 100, done: [...done] }))
      return true
    } catch (e) {
      const message = e instanceof Error && !('code' in e) ? e.message : toApiError(e).message
      setState((s) => ({ ...s, phase: 'error', percent: 0, done: [...done], error: message }))
      return false
    } finally {
      busy.current = false
    }
  }, [])

  return { state, run }
}

export const LEDGER_PHASE_LABELS: Record<LedgerPhase, string> = {
  idle: '',
  generating: '正在生成表格…',
  downloading: '正在下载…',
  done: '已导出',
  error: '导出失败',
}
