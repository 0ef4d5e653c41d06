// `node scripts/check-indexes.mjs [logDir]`: is every query the functions issued (in the handler tests) served by an
// index in cloudfunctions/_kit/indexes.ts? Logic in scripts/lib/check-indexes.ts; `npm test` runs it after jest.
import { resolve } from 'node:path'
import { loadTs } from './lib/run-ts.mjs'

const root = resolve(import.meta.dirname, '..')
const { runCheckIndexes } = await loadTs('scripts/lib/check-indexes.ts')
process.exitCode = runCheckIndexes(process.argv.slice(2), root)
