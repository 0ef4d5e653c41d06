/** The file-store helpers every upload uses: the folder check and the magic-byte check. */
import { isAppError } from '@shared/contract/errors'
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
    expect(decodeUpload(b64([0x89, 0x50, 0x4e, 0x47, 1]), 'png', 100)).toHaveLength(5)
    expect(decodeUpload(b64([0xff, 0xd8, 0xff, 1]), 'jpg', 100)).toHaveLength(4)
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
