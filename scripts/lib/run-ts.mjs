// Loads a TypeScript module (scripts/lib/*.ts and what it imports from cloudfunctions/ and shared/) from a plain
// `node` script: esbuild bundles our sources into build/scripts/<name>.cjs, leaving node_modules packages to
// Node, and it is required. The scripts' logic stays typed, linted and unit-tested like the rest.
import { build } from 'esbuild'
import { createRequire } from 'node:module'
import { basename, join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..', '..')

export async function loadTs(entry) {
  const outfile = join(root, 'build', 'scripts', basename(entry).replace(/\.ts$/, '.cjs'))
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    alias: { '@shared': join(root, 'shared', 'src') },
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'error',
    sourcemap: 'inline',
  })
  return createRequire(import.meta.url)(outfile)
}
