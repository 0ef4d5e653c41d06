// `npm run provision [-- --dry-run]`: create the collections, indexes and deny-all security rules in the CloudBase
// environment and issue the first-run bootstrap code (logic in scripts/lib/provision.ts; guide in docs/DEPLOY.md).
import { resolve } from 'node:path'
import { loadTs } from './lib/run-ts.mjs'

const { runProvision } = await loadTs('scripts/lib/provision.ts')
process.exitCode = await runProvision(process.argv.slice(2), { root: resolve(import.meta.dirname, '..') })
