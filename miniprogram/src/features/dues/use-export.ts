/**
 * Exporting an .xlsx with progress: ask the server to build the file (生成中), download it through the
 * platform adapter with a percentage (下载中), then done — or the server's message on failure.
 */
import { useCallback, useRef, useState } from 'react'
import type { ExportResult } from '@shared/contract/dues'
import { downloadAndOpen } from '@/platform/files'
import { toApiError } from '../common/use-api-call'

export type ExportPhase = 'idle' | 'generating' | 'downloading' | 'done' | 'error'

export interface ExportState {
  phase: ExportPhase
  percent: number
  /** Which export is running (its key), so one button shows the progress. */
  key: string | null
  fileName: string | null
  error: string | null
}

export const IDLE: ExportState = { phase: 'idle', percent: 0, key: null, fileName: null, error: null }

export interface ExportDeps {
  download: (url: string, fileName: string, onProgress: (p: number) => void) => Promise<void>
}

export function useExport(deps: ExportDeps = { download: downloadAndOpen }): {
  state: ExportState
  run: (key: string, build: () => Promise<ExportResult>) => Promise<boolean>
  reset: () => void
} {
  const [state, setState] = useState<ExportState>(IDLE)
  const busy = useRef(false)
  const run = useCallback(
    async (key: string, build: () => Promise<ExportResult>): Promise<boolean> => {
      if (busy.current) return false
      busy.current = true
      setState({ phase: 'generating', percent: 10, key, fileName: null, error: null })
      try {
        const file = await build()
        setState({ phase: 'downloading', percent: 30, key, fileName: file.fileName, error: null })
        await deps.download(file.url, file.fileName, (p) => setState((s) => ({ ...s, percent: Math.max(s.percent, 30 + Math.round(p * 0.7)) })))
        setState({ phase: 'done', percent: 100, key, fileName: file.fileName, error: null })
        return true
      } catch (e) {
        const message = e instanceof Error && !('code' in e) ? e.message : toApiError(e).message
        setState({ phase: 'error', percent: 0, key, fileName: null, error: message })
        return false
      } finally {
        busy.current = false
      }
    },
    [deps],
  )
  return { state, run, reset: () => setState(IDLE) }
}

export const PHASE_LABELS: Record<ExportPhase, string> = {
  idle: '',
  generating: '正在生成表格…',
  downloading: '正在下载…',
  done: '已导出',
  error: '导出失败',
}
