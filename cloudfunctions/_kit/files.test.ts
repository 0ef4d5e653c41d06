/** The file-store helpers every upload uses: the folder check and the magic-byte check. */
import { isAppError } from '@shared/contract/errors'
import { jpeg, png } from '../../tests/support/images'
import { decodeUpload, inFolder } from './files'

describe('inFolder: a record names only files uploaded for it', () => {
  const folder = 'meetings/br_1/mt_1/'
  test.each([
    ['cloud://env-1.abc/meetings/br_1/mt_1/20261122-x.png', true],
    ['cloud://env-1.abc/meetings/br_1/mt_2/20261122-x.png', false], // another meeting
    ['cloud://env-1.abc/meetings/br_1/mt_1/sub/x.png', false], // deeper
    ['cloud://env-1.abc/meetings/br_1/mt_1/', false], // the folder itself
    ['cloud://env-1.abc/meetings/br_1/mt_1/..', false],
    ['cloud://env-1.abc/meetings/br_1/mt_1/.hidden', false],
    ['cloud://env-1.abc/points/br_1/mt_1/x.png', false],
    ['meetings/br_1/mt_1/x.png', true], // a bare path (no environment prefix) is judged the same way
  ])('%s → %s', (fileId, expected) => {
    expect(inFolder(fileId, folder)).toBe(expected)
  })
})

describe('decodeUpload: the bytes must be what the name says', () => {
  const b64 = (bytes: number[]) => Buffer.from(bytes).toString('base64')
  test('a PNG and a JPEG pass; a GIF named .png and an oversized file are refused', () => {
    // Whole pictures (the structure check itself: image-check.test.ts).
    expect(decodeUpload(png(2, 2).toString('base64'), 'png', 100)).toEqual(png(2, 2))
    expect(decodeUpload(jpeg(2, 2).toString('base64'), 'jpg', 200)).toEqual(jpeg(2, 2))
    const refused = (f: () => unknown): string => {
      try {
        f()
      } catch (e) {
        return isAppError(e) ? `${e.code}: ${e.message}` : 'other'
      }
      return 'accepted'
    }
    expect(refused(() => decodeUpload(b64([0x47, 0x49, 0x46, 0x38]), 'png', 100))).toBe('INVALID_INPUT: 图片应为 JPG 或 PNG 格式')
    expect(refused(() => decodeUpload(b64(Array.from({ length: 2048 }, () => 0xff)), 'jpg', 1024))).toBe('INVALID_INPUT: 文件过大，请不超过1KB')
  })
})
