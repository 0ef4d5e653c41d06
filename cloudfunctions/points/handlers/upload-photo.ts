/** points.uploadPhoto — store one evidence photo under `points/<branch>/<member>/`; the 申报 then names its fileID. */
import { MAX_PHOTO_BYTES, type points } from '@shared/contract/points'
import type { Handler } from '../../_kit/create-main'
import { storeImage } from '../../_kit/files'
import { branchIdOf } from '../access'

export const uploadPhoto: Handler<typeof points.actions.uploadPhoto> = async (input, ctx) => {
  const branchId = branchIdOf(input, ctx)
  ctx.authorize({ branchId })
  const { fileId, url } = await storeImage(`points/${branchId}/${ctx.caller.memberId}/`, input, MAX_PHOTO_BYTES, ctx.now)
  return { fileId, url }
}
