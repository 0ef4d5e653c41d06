// Writes shared/src/contract/catalog.ts from the contracts (see scripts/lib/catalog.ts).
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { loadTs } from './lib/run-ts.mjs'

const root = resolve(import.meta.dirname, '..')
const { renderCatalog } = await loadTs('scripts/lib/catalog.ts')
const { domains } = await loadTs('shared/src/contract/index.ts')
writeFileSync(join(root, 'shared', 'src', 'contract', 'catalog.ts'), renderCatalog(domains))
console.log('shared/src/contract/catalog.ts written')
