/** The 收缴公示: `publish` previews (dry run) or publishes, depending on its input. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const usePublishDues = () => useAction(api.dues.publish)
