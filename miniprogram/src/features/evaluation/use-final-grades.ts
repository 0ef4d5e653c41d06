/** Saving the 支委会's final grades of a round. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useSetFinalGrades = () =>
  useAction((input: Parameters<typeof api.evaluation.setFinalGrades>[0]) => api.evaluation.setFinalGrades(input))
