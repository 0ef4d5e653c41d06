/**
 * Small, real pictures for upload tests and fixtures: every byte a decoder expects, so they pass the
 * server's whole-file check (`cloudfunctions/_kit/image-check.ts`). Generated, never read from disk.
 */
import { crc32, deflateSync } from 'node:zlib'

/** A valid PNG (truecolour, 8 bits, a colour gradient) of `width` × `height`. */
export function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(td) >>> 0)
    return Buffer.concat([len, td, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0)])
  for (let x = 0; x < width; x++) row.set([200, (22 + x) & 0xff, 29], 1 + x * 3)
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

/**
 * A valid baseline JPEG (JFIF, one grey component) of `width` × `height`, all mid-grey: one quantisation
 * table, a DC and an AC Huffman table with one code each, and per 8×8 block the two bits "DC difference 0,
 * end of block". Decoders (libjpeg, browsers) read it; it is what the smallest real JPEG looks like.
 */
export function jpeg(width: number, height: number): Buffer {
  const seg = (marker: number, body: number[]): number[] => [0xff, marker, ((body.length + 2) >> 8) & 0xff, (body.length + 2) & 0xff, ...body]
  const u16 = (n: number): number[] => [(n >> 8) & 0xff, n & 0xff]
  const oneCode = [1, ...Array<number>(15).fill(0), 0x00] // one code of length 1 for symbol 0
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8)
  const bits = blocks * 2
  const scan = Array<number>(Math.ceil(bits / 8)).fill(0)
  // Pad the last byte with 1 bits, as the standard asks; the data bits are all 0, so no 0xFF needs stuffing.
  if (bits % 8 !== 0) scan[scan.length - 1] = (1 << (8 - (bits % 8))) - 1
  return Buffer.from([
    0xff, 0xd8, // SOI
    ...seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, ...u16(1), ...u16(1), 0, 0]), // APP0 JFIF 1.1
    ...seg(0xdb, [0x00, ...Array<number>(64).fill(1)]), // DQT 0
    ...seg(0xc0, [8, ...u16(height), ...u16(width), 1, 1, 0x11, 0]), // SOF0: 8 bits, 1 component
    ...seg(0xc4, [0x00, ...oneCode]), // DHT DC 0
    ...seg(0xc4, [0x10, ...oneCode]), // DHT AC 0
    ...seg(0xda, [1, 1, 0x00, 0, 63, 0]), // SOS
    ...scan,
    0xff, 0xd9, // EOI
  ])
}
