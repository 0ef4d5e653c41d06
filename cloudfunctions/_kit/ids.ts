/** Random and deterministic document ids. Deterministic ids make "one per …" rules hold under races. */
import { createHash, randomBytes, randomInt } from 'node:crypto'

export const newId = (prefix: string): string => `${prefix}_${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`

/** A stable id from parts (e.g. one member per branch + name + join date). */
export const stableId = (prefix: string, ...parts: string[]): string =>
  `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20)}`

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A human-typable code (no 0/O, 1/I): 32^n possibilities. */
export const newCode = (length: number): string =>
  Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
