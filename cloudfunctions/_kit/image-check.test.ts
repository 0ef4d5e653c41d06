/**
 * An upload named `.png` / `.jpg` must be that image, whole — a PNG signature followed by
 * HTML, a picture with something appended, a truncated or corrupted one are refused with INVALID_INPUT and
 * a Chinese message (`decodeUpload`, which every picture upload uses).
 */
import fc from 'fast-check'
import { isAppError } from '@shared/contract/errors'
import { jpeg, png } from '../../tests/support/images'
import { decodeUpload } from './files'
import { IMAGE_CORRUPT_MESSAGE, IMAGE_LIMITS, IMAGE_TOO_LARGE_MESSAGE, crc32, inspectImage, inspectJpeg, inspectPng } from './image-check'

/** What real encoders write: Chromium's canvas (libjpeg-turbo with an ICC profile; Skia's PNG). */
const CHROMIUM_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAMABQDASIAAhEBAxEB/8QAFwAAAwEAAAAAAAAAAAAAAAAAAAUHBv/EACcQAAEEAgAFAwUAAAAAAAAAAAIBAwQFBhEABxITFAgiMRUhI0FR/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAkEQACAgEEAQQDAAAAAAAAAAABAgMRBAAFEjFBFSEiI1Jhcf/aAAwDAQACEQMRAD8AQ0/LrHqZ3FsBrMP5dY5ax+ixtIuQ2aSZAoQikdUFCY7YKJuKu0JV9i+1NI40j5FVXEG4y/Hclr61bUygQYVLhDxhKAVJB15zJ9LjjLahpTEdqGkD3GmPxHmTPs2L1uJj1LVSWoDbcWZDadV2IKRUc/EjrhgP3RfkV11EqaXSpQsUg2WR3uL09llN01HrRM2vp8ga5TV41E+54oto5pI7eupF1stfPANo2ZdwxsXIeFGjZDXIknlSyEsrI93yC2JAwFmzQGm5GJMYZEJtUcxXdkFagsBxJ+TsLa1LUCNJ8ip7GZZl4eQ86Kc222/Jjw54QmO8Yo4SttMzBAR04iaEUROnSJpE4OKxjnp+5d8xK5clzVixubF194e/OmFIMAU1PoEnOokFCMlRN/tf7wcFg9MKcpMSNmJJJK+5JJPggefAA/WpOfHj3ORssZk0QbpFHxUdKo+xegAOh/Nf/9k=',
  'base64',
)
const CHROMIUM_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABQAAAAMCAYAAABiDJ37AAAAmklEQVR4AezTIc/BcQDE8e9sT3hIBMUEiqKaTWBTfsmmETRNUCg2kWyKoEg2yZhGVxQ2VTXFvIRz78Ab+IdPvXC7iwEqJVAvjVY5dC+i/zKq1tGggTZt9OiiVB+FERpP0H6GnkuUWaPmDk1P6HhGnxuKJQMkQ9Yq1rKhzW1rF3vZn+WtZh0b2cIOdrW3xa1AFBh1GKLZhN9P+QIAAP//FeNhEwAAAAZJREFUAwA4887nX2j7sgAAAABJRU5ErkJggg==',
  'base64',
)
const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>')
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

const reason = (r: ReturnType<typeof inspectImage>): string => (r.ok ? 'ok' : r.reason)

/** A PNG chunk with its CRC. */
const chunk = (type: string, data: Buffer, badCrc = false): Buffer => {
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const out = Buffer.alloc(td.length + 8)
  out.writeUInt32BE(data.length, 0)
  td.copy(out, 4)
  out.writeUInt32BE((crc32(td) ^ (badCrc ? 1 : 0)) >>> 0, td.length + 4)
  return out
}
/** The chunks of a valid PNG (signature dropped), to reassemble in other orders. */
const chunksOf = (buf: Buffer): Buffer[] => {
  const out: Buffer[] = []
  for (let pos = 8; pos < buf.length; ) {
    const end = pos + 12 + buf.readUInt32BE(pos)
    out.push(buf.subarray(pos, end))
    pos = end
  }
  return out
}
const ihdr = (w: number, h: number, depth = 8, colour = 2): Buffer => {
  const d = Buffer.alloc(13)
  d.writeUInt32BE(w, 0)
  d.writeUInt32BE(h, 4)
  d[8] = depth
  d[9] = colour
  return chunk('IHDR', d)
}
/** A JPEG's segments rebuilt: `mutate` gets the byte array of `jpeg(w, h)`. */
const jpegWith = (mutate: (b: number[]) => number[], w = 8, h = 8): Buffer => Buffer.from(mutate([...jpeg(w, h)]))
const sofAt = (b: number[]) => b.findIndex((x, i) => x === 0xff && b[i + 1] === 0xc0)
const sosAt = (b: number[]) => b.findIndex((x, i) => x === 0xff && b[i + 1] === 0xda)

describe('valid pictures pass, with their dimensions', () => {
  test.each([
    ['png 1×1', png(1, 1), 'png', 1, 1],
    ['png 96×64', png(96, 64), 'png', 96, 64],
    ['Chromium PNG 20×12', CHROMIUM_PNG, 'png', 20, 12],
    ['jpeg 1×1', jpeg(1, 1), 'jpg', 1, 1],
    ['jpeg 37×21', jpeg(37, 21), 'jpg', 37, 21],
    ['Chromium JPEG 20×12 (ICC profile)', CHROMIUM_JPEG, 'jpg', 20, 12],
  ] as const)('%s', (_label, buf, kind, width, height) => {
    expect(inspectImage(buf, kind)).toEqual({ ok: true, width, height })
    expect(decodeUpload(buf.toString('base64'), kind, 1 << 20)).toEqual(buf)
  })

  test('ancillary PNG chunks (text) and JPEG zero padding after EOI are fine', () => {
    const [head, ...rest] = chunksOf(png(4, 4))
    const withText = Buffer.concat([PNG_SIGNATURE, head as Buffer, chunk('tEXt', Buffer.from('Comment\0支部')), ...rest])
    expect(reason(inspectPng(withText))).toBe('ok')
    expect(reason(inspectJpeg(Buffer.concat([jpeg(8, 8), Buffer.alloc(16)])))).toBe('ok')
  })

  test('JPEG scans: stuffed bytes, restart markers and several scans (progressive) are walked', () => {
    const scanData = (data: number[]) => (b: number[]) => [...b.slice(0, b.length - 3), ...data, 0xff, 0xd9]
    expect(reason(inspectJpeg(jpegWith(scanData([0x12, 0xff, 0x00, 0x34]))))).toBe('ok')
    expect(reason(inspectJpeg(jpegWith(scanData([0x12, 0xff, 0xd0, 0x34]))))).toBe('ok')
    const twoScans = jpegWith((b) => {
      const sos = sosAt(b)
      const scan = b.slice(sos, b.length - 2) // SOS segment and its data
      return [...b.slice(0, b.length - 2), ...b.slice(sofAt(b) + 13, sos), ...scan, 0xff, 0xd9] // DHTs again, a second scan
    })
    expect(reason(inspectJpeg(twoScans))).toBe('ok')
  })
})

describe('refused: the found case and its relatives', () => {
  test('PNG magic bytes followed by HTML; a valid PNG or JPEG with HTML appended', () => {
    expect(reason(inspectPng(Buffer.concat([PNG_SIGNATURE, HTML])))).not.toBe('ok')
    expect(reason(inspectPng(Buffer.concat([png(2, 2), HTML])))).toMatch(/after IEND/)
    expect(reason(inspectJpeg(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), HTML])))).not.toBe('ok')
    expect(reason(inspectJpeg(Buffer.concat([jpeg(8, 8), HTML])))).toMatch(/after EOI/)
    expect(reason(inspectJpeg(Buffer.concat([jpeg(8, 8), Buffer.from([0, 0, 1])])))).toMatch(/after EOI/)
  })

  test('through decodeUpload: INVALID_INPUT with a Chinese message; a mislabelled type keeps its own message', () => {
    const refused = (base64: string, kind: 'jpg' | 'png'): string => {
      try {
        decodeUpload(base64, kind, 1 << 20)
      } catch (e) {
        return isAppError(e) ? `${e.code}: ${e.message}` : 'other'
      }
      return 'accepted'
    }
    expect(refused(Buffer.concat([PNG_SIGNATURE, HTML]).toString('base64'), 'png')).toBe(`INVALID_INPUT: ${IMAGE_CORRUPT_MESSAGE}`)
    expect(refused(Buffer.concat([jpeg(8, 8), HTML]).toString('base64'), 'jpg')).toBe(`INVALID_INPUT: ${IMAGE_CORRUPT_MESSAGE}`)
    // The 14-byte "JPEG" the fixtures used to send: a header and EOI, no frame, no scan.
    expect(refused(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]).toString('base64'), 'jpg')).toBe(
      `INVALID_INPUT: ${IMAGE_CORRUPT_MESSAGE}`,
    )
    expect(refused(png(2, 2).toString('base64'), 'jpg')).toBe('INVALID_INPUT: 图片应为 JPG 或 PNG 格式')
    expect(refused(Buffer.concat([PNG_SIGNATURE, ihdr(IMAGE_LIMITS.maxSide + 1, 10), ...chunksOf(png(1, 1)).slice(1)]).toString('base64'), 'png')).toBe(
      `INVALID_INPUT: ${IMAGE_TOO_LARGE_MESSAGE}`,
    )
    expect(IMAGE_CORRUPT_MESSAGE).toMatch(/[\u4e00-\u9fff]/)
  })

  test('PNG structure: IHDR first and sane, lengths inside the file, CRCs right, IDAT present, no unknown critical chunk', () => {
    const [head, idat, iend] = chunksOf(png(3, 3)) as [Buffer, Buffer, Buffer]
    const build = (...cs: Buffer[]) => Buffer.concat([PNG_SIGNATURE, ...cs])
    expect(reason(inspectPng(build(head, idat, iend)))).toBe('ok')
    expect(reason(inspectPng(build(idat, head, iend)))).toMatch(/IHDR is not the first/)
    expect(reason(inspectPng(build(head, iend)))).toMatch(/no IDAT/)
    expect(reason(inspectPng(build(head, idat)))).toMatch(/truncated/)
    expect(reason(inspectPng(build(head, head, idat, iend)))).toMatch(/second IHDR/)
    expect(reason(inspectPng(build(ihdr(0, 3), idat, iend)))).toMatch(/zero dimension/)
    expect(reason(inspectPng(build(ihdr(3, 0), idat, iend)))).toMatch(/zero dimension/)
    expect(inspectPng(build(ihdr(100_000, 3), idat, iend))).toMatchObject({ ok: false, tooLarge: true })
    expect(inspectPng(build(ihdr(15_000, 15_000), idat, iend))).toMatchObject({ ok: false, tooLarge: true }) // 225 MP
    expect(reason(inspectPng(build(ihdr(3, 3, 3, 2), idat, iend)))).toMatch(/bit depth/)
    expect(reason(inspectPng(build(ihdr(3, 3, 8, 3), idat, iend)))).toMatch(/without PLTE/)
    expect(reason(inspectPng(build(head, chunk('IDAT', idat.subarray(8, idat.length - 4), true), iend)))).toMatch(/CRC/)
    expect(reason(inspectPng(build(head, chunk('ABCD', Buffer.alloc(2)), idat, iend)))).toMatch(/unknown critical/)
    expect(reason(inspectPng(build(head, idat, chunk('tEXt', Buffer.from('a\0b')), idat, iend)))).toMatch(/not consecutive/)
    expect(reason(inspectPng(build(head, idat, chunk('IEND', Buffer.from([1])))))).toMatch(/IEND has data/)
    // A length that claims more than the file holds.
    const overrun = Buffer.from(build(head, idat, iend))
    overrun.writeUInt32BE(0x10000, 8 + head.length)
    expect(reason(inspectPng(overrun))).toMatch(/overruns/)
    const huge = Buffer.from(overrun)
    huge.writeUInt32BE(0xffffffff, 8 + head.length)
    expect(reason(inspectPng(huge))).toMatch(/too large/)
  })

  test('JPEG structure: one SOF with dimensions, a scan, lengths inside the file, EOI', () => {
    expect(reason(inspectJpeg(jpegWith((b) => [...b.slice(0, sofAt(b)), ...b.slice(sofAt(b) + 13)])))).toMatch(/SOS before SOF/)
    expect(reason(inspectJpeg(jpegWith((b) => [...b.slice(0, sosAt(b)), 0xff, 0xd9])))).toMatch(/no scan/)
    expect(reason(inspectJpeg(jpegWith((b) => b.slice(0, b.length - 2))))).toMatch(/scan runs to the end|truncated/)
    expect(reason(inspectJpeg(jpegWith((b) => { const s = sofAt(b); b[s + 5] = 0; b[s + 6] = 0; return b })))).toMatch(/zero dimension/) // height 0 (DNL)
    expect(reason(inspectJpeg(jpegWith((b) => { const s = sofAt(b); b[s + 7] = 0; b[s + 8] = 0; return b })))).toMatch(/zero dimension/)
    expect(reason(inspectJpeg(jpegWith((b) => { const s = sofAt(b); b[s + 3] = 9; return b })))).toMatch(/SOF components/) // length 9 ≠ 8 + 3n
    expect(reason(inspectJpeg(jpegWith((b) => { const s = sofAt(b); return [...b.slice(0, s + 13), ...b.slice(s, s + 13), ...b.slice(s + 13)] })))).toMatch(/second SOF/)
    expect(reason(inspectJpeg(jpegWith((b) => { b[5] = 0xff; return b })))).toMatch(/overruns/) // APP0 length 0x00ff…
    expect(reason(inspectJpeg(jpegWith((b) => [...b.slice(0, 2), 0xff, 0xd8, ...b.slice(2)])))).toMatch(/out of place/)
    expect(reason(inspectJpeg(jpegWith((b) => [...b.slice(0, 2), 0x12, ...b.slice(2)])))).toMatch(/no marker/)
  })

  test('any truncation of a valid picture, and anything but zeros appended to it, is refused', () => {
    const pictures: [Buffer, 'png' | 'jpg'][] = [[png(5, 4), 'png'], [CHROMIUM_PNG, 'png'], [jpeg(13, 9), 'jpg'], [CHROMIUM_JPEG, 'jpg']]
    for (const [buf, kind] of pictures) {
      fc.assert(fc.property(fc.integer({ min: 0, max: buf.length - 1 }), (n) => !inspectImage(buf.subarray(0, n), kind).ok), { numRuns: 200 })
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }).filter((a) => a.some((x) => x !== 0)), (tail) => !inspectImage(Buffer.concat([buf, tail]), kind).ok),
        { numRuns: 200 },
      )
    }
  })
})
