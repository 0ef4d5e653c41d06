/**
 * Schemas shared by many contracts: ids, Beijing dates, months, money, bounded text.
 * Every input object is strict (unknown keys are refused) so injected keys such as `__proto__`
 * or query operators never reach a handler.
 */
import * as z from 'zod/mini'

/** Document ids: letters, digits, `_` and `-` only — never an object, never an operator. */
export const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确'))

const isRealDate = (s: string): boolean => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

/** A Beijing calendar date `YYYY-MM-DD`. */
export const DateStr = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  z.refine(isRealDate, '日期不存在'),
)

/** A Beijing calendar month `YYYY-MM`. */
export const MonthStr = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'))

/** An instant, ISO 8601 in UTC (`…Z`) or with an explicit offset. */
export const Instant = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, '时间格式不正确'),
  z.refine((s) => !Number.isNaN(Date.parse(s)), '时间不存在'),
)

export const Year = z.number().check(z.int(), z.gte(2000), z.lte(2100))

/** Money in integer fen (分), never negative. */
export const Fen = z.number().check(z.int(), z.gte(0), z.lte(1_000_000_000))

/** Trimmed text of 1..max characters. */
export const Text = (max: number) => z.string().check(z.trim(), z.minLength(1, '不能为空'), z.maxLength(max, `不能超过${max}个字`))

/** Optional trimmed text of 0..max characters. */
export const OptText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max, `不能超过${max}个字`)))

/** A person's name: 1..20 characters, no digits or control characters. */
export const PersonName = z.string().check(
  z.trim(),
  z.minLength(1, '请填写姓名'),
  z.maxLength(20, '姓名不能超过20个字'),
  z.regex(/^[^\d\p{Cc}<>]+$/u, '姓名格式不正确'),
)

/** Mainland mobile number, 11 digits. */
export const Phone = z.string().check(z.trim(), z.regex(/^1\d{10}$/, '手机号应为11位数字'))

export const Page = z.optional(
  z.strictObject({
    offset: z.optional(z.number().check(z.int(), z.gte(0), z.lte(100_000))),
    limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(200))),
  }),
)

export const Empty = z.strictObject({})
export const Ok = z.strictObject({ ok: z.literal(true) })

/**
 * A base64 file body (no `data:` prefix) of at most `maxBytes` once decoded; `noun` names it in the
 * messages (照片, 附件). The server still checks the decoded size and the type, and parses a picture whole
 * (`decodeUpload`, `cloudfunctions/_kit/image-check.ts`).
 */
export const Base64Body = (maxBytes: number, noun: string) =>
  z.string().check(
    z.minLength(8, `${noun}内容为空`),
    z.maxLength(Math.ceil((maxBytes * 4) / 3) + 4, `${noun}过大，请不超过${Math.round(maxBytes / 1024 / 1024)}MB`),
    z.regex(/^[A-Za-z0-9+/]+={0,2}$/, `${noun}内容不正确`),
  )

/**
 * A file id the server stored for an upload: `cloud://<env>/<root>/<folder>…/<file>` with exactly `folders`
 * id segments under `root` and a file name that is never a dot-file. The handler then checks the folder
 * is the caller's own (`inFolder`); this only keeps anything else out of the database.
 */
export const StoredFileId = (root: string, folders: number, message: string) =>
  z.string().check(
    z.maxLength(300),
    z.regex(new RegExp(`^cloud://[A-Za-z0-9._-]+/${root}(?:/[A-Za-z0-9_-]+){${folders}}/[A-Za-z0-9_-][A-Za-z0-9._-]{0,79}$`), message),
  )

/** Picture types the app uploads (after the client's compression). */
export const ImageExt = z.enum(['jpg', 'png'])

/**
 * The reply of every export action, each of which stores its file (`cloudfunctions/_kit/exports.ts`):
 * dues.exportFile, evaluation.exportXlsx and workbench.exportLedger (which adds the 台账 kind and title). The
 * file name to save as, a temporary download link (CloudBase storage; locally the host's file route), the
 * stored file's id, the rows of its main table and its size.
 */
export const ExportFileSchema = z.object({
  fileName: z.string(),
  /** A temporary download link. */
  url: z.string(),
  fileId: z.string(),
  rows: z.number(),
  bytes: z.number(),
})
export type ExportFile = z.infer<typeof ExportFileSchema>
