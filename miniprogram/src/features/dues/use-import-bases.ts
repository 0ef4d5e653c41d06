/** Importing 核算 rows: a check (dry run) or the commit, depending on its input. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useImportBases = () => useAction(api.dues.importBases)
