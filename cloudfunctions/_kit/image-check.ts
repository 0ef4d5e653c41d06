/**
 * The whole-file check of an uploaded picture: its first bytes are not enough — a PNG
 * signature followed by HTML was stored as an image. The file must parse as the format it claims, end to
 * end, without decoding pixels:
 * - PNG: the signature, then chunks to IEND — IHDR first with sane dimensions and valid header fields,
 *   every chunk's length inside the file and its CRC right, PLTE where the colour type needs it, at least
 *   one IDAT (consecutive), no unknown critical chunk, and nothing after IEND;
 * - JPEG: SOI, marker segments whose lengths fit, exactly one SOF giving sane dimensions, at least one
 *   scan (its entropy-coded data walked to the next marker), EOI, and after it nothing but zero padding
 *   (some encoders pad the file to a block size).
 * Pure: no I/O, no clock; `files.ts` calls `assertImage` from `decodeUpload`.
 */
import { AppError } from '@shared/contract/errors'

export type ImageKind = 'jpg' | 'png'

export type ImageCheck = { ok: true; width: number; height: number } | { ok: false; reason: string; tooLarge?: true }

/**
 * Dimensions a picture may claim. Phone photos reach 12,000 × 9,000 (108 MP sensors) and panoramas about
 * 18,000 px on the long side; the uploads are also capped at a few MB. Anything beyond is not a photo of a
 * meeting or a screenshot, and would choke the phones that display it.
 */
export const IMAGE_LIMITS = { maxSide: 20_000, maxPixels: 120_000_000 } as const

export const IMAGE_CORRUPT_MESSAGE = '图片文件不完整或已损坏，请重新选择图片'
export const IMAGE_TOO_LARGE_MESSAGE = `图片尺寸过大（最长边不超过${IMAGE_LIMITS.maxSide}像素），请压缩后再上传`

const fail = (reason: string): ImageCheck => ({ ok: false, reason })

const sizeCheck = (width: number, height: number): ImageCheck => {
  if (width < 1 || height < 1) return fail(`zero dimension ${width}x${height}`)
  if (width > IMAGE_LIMITS.maxSide || height > IMAGE_LIMITS.maxSide || width * height > IMAGE_LIMITS.maxPixels) {
    return { ok: false, reason: `dimensions ${width}x${height} beyond the limits`, tooLarge: true }
  }
  return { ok: true, width, height }
}

// ---------------------------------------------------------------------------------------------- PNG

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** Allowed bit depths per colour type (PNG spec, 11.2.2). */
const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] }
/** The spec's limit on a chunk length (2^31 − 1). */
const PNG_MAX_CHUNK = 0x7fffffff

let crcTable: Uint32Array | null = null
/** CRC-32 (ISO 3309, as PNG uses); own table because the functions' Node 18 runtime has no `zlib.crc32`. */
export const crc32 = (buf: Uint8Array, start = 0, end = buf.length): number => {
  const table = (crcTable ??= (() => {
    const t = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      t[n] = c >>> 0
    }
    return t
  })())
  let c = 0xffffffff
  for (let i = start; i < end; i++) c = (table[(c ^ (buf[i] as number)) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const isLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)

export function inspectPng(buf: Buffer): ImageCheck {
  if (buf.length < PNG_SIGNATURE.length || !PNG_SIGNATURE.every((b, i) => buf[i] === b)) return fail('no PNG signature')
  let pos = PNG_SIGNATURE.length
  let size: ImageCheck | null = null
  let colourType = -1
  let palette = false
  let idat: 'none' | 'open' | 'closed' = 'none'
  for (let index = 0; ; index++) {
    if (pos + 12 > buf.length) return fail('truncated before IEND')
    const length = buf.readUInt32BE(pos)
    if (length > PNG_MAX_CHUNK) return fail(`chunk ${index} length ${length} too large`)
    const typeBytes = [buf[pos + 4], buf[pos + 5], buf[pos + 6], buf[pos + 7]] as number[]
    if (!typeBytes.every(isLetter)) return fail(`chunk ${index} has no valid type`)
    const type = String.fromCharCode(...typeBytes)
    const data = pos + 8
    const end = data + length + 4
    if (end > buf.length) return fail(`chunk ${type} overruns the file`)
    if (crc32(buf, pos + 4, data + length) !== buf.readUInt32BE(data + length)) return fail(`chunk ${type} CRC mismatch`)
    if (index === 0 && type !== 'IHDR') return fail('IHDR is not the first chunk')
    if (idat === 'open' && type !== 'IDAT') idat = 'closed'
    switch (type) {
      case 'IHDR': {
        if (index !== 0) return fail('a second IHDR')
        if (length !== 13) return fail('IHDR length is not 13')
        const depth = buf[data + 8] as number
        colourType = buf[data + 9] as number
        if (!PNG_DEPTHS[colourType]?.includes(depth)) return fail(`bit depth ${depth} with colour type ${colourType}`)
        if (buf[data + 10] !== 0 || buf[data + 11] !== 0 || (buf[data + 12] as number) > 1) return fail('IHDR compression, filter or interlace method')
        size = sizeCheck(buf.readUInt32BE(data), buf.readUInt32BE(data + 4))
        if (!size.ok) return size
        break
      }
      case 'PLTE':
        if (idat !== 'none') return fail('PLTE after IDAT')
        if (length === 0 || length % 3 !== 0 || length > 256 * 3) return fail('PLTE length')
        palette = true
        break
      case 'IDAT':
        if (idat === 'closed') return fail('IDAT chunks are not consecutive')
        if (colourType === 3 && !palette) return fail('an indexed image without PLTE')
        idat = 'open'
        break
      case 'IEND':
        if (length !== 0) return fail('IEND has data')
        if (idat === 'none') return fail('no IDAT')
        if (end !== buf.length) return fail(`${buf.length - end} bytes after IEND`)
        return size ?? fail('no IHDR')
      default:
        // Bit 5 of the first byte clear: critical. A decoder must refuse one it does not know.
        if (((typeBytes[0] as number) & 0x20) === 0) return fail(`unknown critical chunk ${type}`)
    }
    pos = end
  }
}

// --------------------------------------------------------------------------------------------- JPEG

/** Start-of-frame markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc
const SOI = 0xd8
const EOI = 0xd9
const SOS = 0xda
const isRst = (m: number) => m >= 0xd0 && m <= 0xd7

/** After the header of a scan: the entropy-coded data up to the next marker (FF not followed by 00 or RSTn). */
const endOfScan = (buf: Buffer, from: number): number => {
  let i = from
  for (;;) {
    i = buf.indexOf(0xff, i)
    if (i < 0 || i + 1 >= buf.length) return -1
    const next = buf[i + 1] as number
    if (next === 0x00 || isRst(next) || next === 0xff) {
      i += next === 0xff ? 1 : 2 // stuffed byte, restart marker, or fill before a marker
      continue
    }
    return i
  }
}

export function inspectJpeg(buf: Buffer): ImageCheck {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== SOI) return fail('no SOI')
  let pos = 2
  let size: ImageCheck | null = null
  let scans = 0
  for (;;) {
    if (pos >= buf.length) return fail('truncated before EOI')
    if (buf[pos] !== 0xff) return fail(`no marker at ${pos}`)
    while (buf[pos] === 0xff) pos++ // fill bytes
    if (pos >= buf.length) return fail('truncated before EOI')
    const marker = buf[pos] as number
    pos++
    if (marker === EOI) {
      if (!size) return fail('no SOF')
      if (scans === 0) return fail('no scan')
      for (let i = pos; i < buf.length; i++) if (buf[i] !== 0) return fail(`${buf.length - pos} bytes after EOI`)
      return size
    }
    if (marker === 0x00 || marker === SOI) return fail(`marker ${marker.toString(16)} out of place`)
    if (marker === 0x01 || isRst(marker)) continue // no length
    if (pos + 2 > buf.length) return fail('truncated segment length')
    const length = buf.readUInt16BE(pos)
    if (length < 2 || pos + length > buf.length) return fail(`segment ${marker.toString(16)} overruns the file`)
    const data = pos + 2
    if (isSof(marker)) {
      if (size) return fail('a second SOF')
      if (length < 8) return fail('SOF too short')
      const components = buf[data + 5] as number
      if (components < 1 || components > 4 || length !== 8 + 3 * components) return fail('SOF components')
      size = sizeCheck(buf.readUInt16BE(data + 3), buf.readUInt16BE(data + 1))
      if (!size.ok) return size
    }
    pos += length
    if (marker === SOS) {
      if (!size) return fail('SOS before SOF')
      const components = buf[data] as number
      if (components < 1 || components > 4 || length !== 6 + 2 * components) return fail('SOS components')
      const next = endOfScan(buf, pos)
      if (next < 0) return fail('scan runs to the end of the file')
      scans++
      pos = next
    }
  }
}

/** The check, as a result (for logs and tests). */
export const inspectImage = (buf: Buffer, kind: ImageKind): ImageCheck => (kind === 'png' ? inspectPng(buf) : inspectJpeg(buf))

/** The check for upload handlers: INVALID_INPUT with a message for the member, the reason in details. */
export function assertImage(buf: Buffer, kind: ImageKind): { width: number; height: number } {
  const r = inspectImage(buf, kind)
  if (r.ok) return { width: r.width, height: r.height }
  throw new AppError('INVALID_INPUT', r.tooLarge ? IMAGE_TOO_LARGE_MESSAGE : IMAGE_CORRUPT_MESSAGE, { reason: r.reason })
}
