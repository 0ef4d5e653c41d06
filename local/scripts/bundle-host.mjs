// Bundles the local host (TypeScript) into build/local/host.cjs; node_modules stay external.
import { build } from 'esbuild'
import { resolve, join } from 'node:path'

const root = resolve(import.meta.dirname, '..', '..')

export async function bundleHost() {
  const outfile = join(root, 'build', 'local', 'host.cjs')
  await build({
    entryPoints: [join(root, 'local', 'host', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
    alias: { '@shared': join(root, 'shared', 'src') },
    // functions.ts computes the repo root from __dirname: keep it pointing at build/local/.
    define: {},
  })
  return outfile
}
