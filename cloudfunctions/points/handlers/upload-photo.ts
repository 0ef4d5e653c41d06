/** points.uploadPhoto — store one evidence photo under `points/<branch>/<member>/`; the 申报 then names its fileID. */
import { AppError } from '@shared/contract/errors'
import { MAX_PHOTO_BYTES, type points } from '@shared/contract/points'
import { beijingDate } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import { files } from '../../_kit/files'
import { newId } from '../../_kit/ids'
import { branchIdOf } from '../access'

const MAGIC: Record<'jpg' | 'png', number[]> = { jpg: [0xff, 0xd8, 0xff], png: [0x89, 0x50, 0x4e, 0x47] }

export const uploadPhoto: Handler<typeof points.actions.uploadPhoto> = async (input, ctx) => {
  const branchId = branchIdOf(input, ctx)
  ctx.authorize({ branchId })
  const buf = Buffer.from(input.base64, 'base64')
  if (buf.length === 0 || buf.length > MAX_PHOTO_BYTES) throw new AppError('INVALID_INPUT', '照片过大，请不超过2MB')
  // The bytes must be the picture the name says: a renamed file of another type is refused.
  if (!MAGIC[input.ext].every((b, i) => buf[i] === b)) throw new AppError('INVALID_INPUT', '照片应为 JPG 或 PNG 图片')
  const name = `${beijingDate(ctx.now).replace(/-/g, '')}-${newId('p').slice(2)}.${input.ext}`
  const fileId = await files().put(`points/${branchId}/${ctx.caller.memberId}/${name}`, buf)
  const urls = await files().tempUrls([fileId], 3600)
  return { fileId, url: urls.get(fileId) ?? null }
}
