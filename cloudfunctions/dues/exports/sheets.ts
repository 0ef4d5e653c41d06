/** What each dues export builds: its sheets, the title in its file name and the rows of its main table. */
import type { Sheet } from '../../_kit/xlsx'

export interface DuesWorkbook {
  tables: Sheet[]
  /** The title after the branch name in the file name (`<支部>_<title>.xlsx`). */
  title: string
  rows: number
}
