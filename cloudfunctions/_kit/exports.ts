/**
 * The one export reply: a generated file (the .xlsx from `xlsx.ts`) stored through the `files.ts` port and
 * answered as `ExportFileSchema` (file name, temporary link, file id, rows of its main table, size). Every
 * export action (dues.exportFile, workbench.exportLedger, evaluation.exportXlsx) answers through it.
 */
import type { ExportFile } from '@shared/contract/common'
import { AppError } from '@shared/contract/errors'
import { files } from './files'
import { newId } from './ids'

/** How long an export's download link stays valid (the phone downloads it at once; another export asks again). */
export const EXPORT_LINK_SECONDS = 3600

export interface GeneratedFile {
  /** The name to save as (its extension is the stored file's). */
  fileName: string
  content: Buffer
  /** Rows of the file's main table. */
  rows: number
}

/**
 * Stores `file` as `<folder><stem>-<random>.<ext>` (`folder` ends in `/`; the random part keeps two exports of
 * the same thing apart) and answers the export reply with a temporary link.
 */
export async function storeExport(folder: string, stem: string, file: GeneratedFile): Promise<ExportFile> {
  const ext = /\.([a-z0-9]+)$/i.exec(file.fileName)?.[1]?.toLowerCase() ?? 'bin'
  const fileId = await files().put(`${folder}${stem}-${newId('x')}.${ext}`, file.content)
  const url = (await files().tempUrls([fileId], EXPORT_LINK_SECONDS)).get(fileId)
  if (!url) throw new AppError('INTERNAL', '文件服务暂时不可用，请稍后再试')
  return { fileName: file.fileName, url, fileId, rows: file.rows, bytes: file.content.length }
}
