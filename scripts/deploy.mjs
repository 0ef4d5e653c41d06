// `npm run deploy [-- --dry-run]`: build the function bundles and deploy them to CloudBase as cloudbaserc.json
// describes (logic and options in scripts/lib/deploy.ts; guide in docs/DEPLOY.md).
import { resolve } from 'node:path'
import { loadTs } from './lib/run-ts.mjs'

const { runDeploy } = await loadTs('scripts/lib/deploy.ts')
process.exitCode = await runDeploy(process.argv.slice(2), { root: resolve(import.meta.dirname, '..') })
