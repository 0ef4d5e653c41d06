/** points.uploadPhoto — store one evidence photo under `points/<branch>/<member>/`; the 申报 then names its fileID. */
import { MAX_PHOTO_BYTES, type points } from '@shared/contract/points'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { storeImage } from '../../_kit/files'

export const uploadPhoto: Handler<typeof points.actions.uploadPhoto, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const { fileId, url } = await storeImage(`points/${branchId}/${ctx.caller.memberId}/`, input, MAX_PHOTO_BYTES, ctx.now)
    return { fileId, url }
  },
}
