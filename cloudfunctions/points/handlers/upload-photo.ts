/** points.uploadPhoto — store one evidence photo under `points/<branch>/<member>/`; the 申报 then names its fileID. */
import { MAX_PHOTO_BYTES, type points } from '@shared/contract/points'
import { beijingDate } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import { decodeUpload, files } from '../../_kit/files'
import { newId } from '../../_kit/ids'
import { branchIdOf } from '../access'

export const uploadPhoto: Handler<typeof points.actions.uploadPhoto> = async (input, ctx) => {
  const branchId = branchIdOf(input, ctx)
  ctx.authorize({ branchId })
  // The bytes must be the picture the name says: a renamed file of another type is refused.
  const buf = decodeUpload(input.base64, input.ext, MAX_PHOTO_BYTES)
  const name = `${beijingDate(ctx.now).replace(/-/g, '')}-${newId('p').slice(2)}.${input.ext}`
  const fileId = await files().put(`points/${branchId}/${ctx.caller.memberId}/${name}`, buf)
  const urls = await files().tempUrls([fileId], 3600)
  return { fileId, url: urls.get(fileId) ?? null }
}
