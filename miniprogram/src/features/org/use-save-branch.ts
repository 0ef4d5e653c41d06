/** Saving the 支部 settings form (the form is turned into the action's input by branch-form). */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'
import { inputFromForm, type BranchForm } from './branch-form'

export const useSaveBranch = () => useAction((f: BranchForm) => api.org.updateBranch(inputFromForm(f)))
