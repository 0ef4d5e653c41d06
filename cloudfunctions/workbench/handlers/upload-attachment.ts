/** workbench.uploadAttachment — store one JPG / PNG attachment for the self-assessment, in the branch's own folder. */
import { MAX_ATTACHMENT_BYTES, type workbench } from '@shared/contract/workbench'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { storeImage } from '../../_kit/files'

export const uploadAttachment: Handler<typeof workbench.actions.uploadAttachment, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const { fileId, url } = await storeImage(`workbench/${branchId}/`, input, MAX_ATTACHMENT_BYTES, ctx.now)
    return { fileId, name: input.name, url }
  },
}
