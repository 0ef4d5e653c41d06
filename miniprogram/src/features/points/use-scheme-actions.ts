/** The scheme editor's actions: saving the draft and publishing it. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useSaveSchemeDraft = () => useAction(api.points.saveDraft)
export const usePublishScheme = () => useAction(api.points.publishScheme)
