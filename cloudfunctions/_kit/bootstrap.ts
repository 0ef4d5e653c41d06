/**
 * The first-run bootstrap code: `npm run provision` writes only a salted hash of a one-time code
 * to `bootstrap/admin`; `org.claimAdmin` checks it and marks it claimed in the same transaction that makes
 * the caller the 上级党委 admin, so the code works once, for one person, ever.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { BootstrapDoc } from './documents'
import { newCode } from './ids'

/** The one bootstrap document of an environment. */
export const BOOTSTRAP_DOC_ID = 'admin'
/** 12 characters of the invite alphabet: 32^12 ≈ 1.2e18 possibilities (60 bits), guesses rate-limited. */
export const BOOTSTRAP_CODE_LENGTH = 12

/** Letters and digits only, upper-cased: `abcd-efgh jklm` → `ABCDEFGHJKLM`. */
export const normalizeBootstrapCode = (code: string): string => code.replace(/[^0-9A-Za-z]/g, '').toUpperCase()

/** `ABCDEFGHJKLM` → `ABCD-EFGH-JKLM`, easier to read aloud and type. */
export const formatBootstrapCode = (code: string): string => (normalizeBootstrapCode(code).match(/.{1,4}/g) ?? []).join('-')

export const hashBootstrapCode = (code: string, salt: string): string =>
  createHash('sha256').update(`zhibu-bootstrap\u0000${salt}\u0000${normalizeBootstrapCode(code)}`).digest('hex')

/** A fresh code and the document that stores its hash (never the code itself). */
export const issueBootstrap = (nowIso: string): { code: string; doc: Omit<BootstrapDoc, '_id'> } => {
  const code = newCode(BOOTSTRAP_CODE_LENGTH)
  const salt = randomBytes(16).toString('hex')
  return {
    code,
    doc: { codeHash: hashBootstrapCode(code, salt), salt, createdAt: nowIso, claimedAt: null, claimedBy: null, orgId: null },
  }
}

/** Constant-time comparison of a typed code with the stored hash. */
export const bootstrapCodeMatches = (doc: Pick<BootstrapDoc, 'codeHash' | 'salt'>, code: string): boolean => {
  const expected = Buffer.from(doc.codeHash, 'hex')
  const actual = Buffer.from(hashBootstrapCode(code, doc.salt), 'hex')
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
