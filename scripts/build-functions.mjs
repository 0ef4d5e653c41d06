// Bundles each cloud function with esbuild into build/functions/<fn>/{index.js,package.json,config.json}:
// self-contained (SDKs, zod, dayjs and shared/ inlined), no node_modules, ready for CloudBase or DevTools.
// Refuses any bundle that would contain code from local/ (the local cloud is never shipped).
import { build } from 'esbuild'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const srcDir = join(root, 'cloudfunctions')
const outRoot = join(root, 'build', 'functions')

export const functionNames = () =>
  readdirSync(srcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(srcDir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()

export async function buildFunction(fn, { minify = true } = {}) {
  const out = join(outRoot, fn)
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const result = await build({
    entryPoints: [join(srcDir, fn, 'index.ts')],
    outfile: join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify,
    keepNames: true,
    sourcemap: false,
    legalComments: 'none',
    metafile: true,
    logLevel: 'error',
    alias: { '@shared': join(root, 'shared', 'src') },
    tsconfig: join(root, 'tsconfig.json'),
    // Optional native / unused transports some SDK dependencies probe for.
    external: ['bufferutil', 'utf-8-validate', 'encoding', 'supports-color'],
  })
  const inputs = Object.keys(result.metafile.inputs)
  const leaked = inputs.filter((p) => p.startsWith('local/') || p.includes('/local/'))
  if (leaked.length) throw new Error(`${fn}: bundle would contain local/ code: ${leaked.join(', ')}`)
  writeFileSync(
    join(out, 'package.json'),
    JSON.stringify({ name: `zhibu-${fn}`, version: '1.0.0', private: true, main: 'index.js', dependencies: {} }, null, 2) + '\n',
  )
  const cfg = join(srcDir, fn, 'config.json')
  writeFileSync(join(out, 'config.json'), existsSync(cfg) ? readFileSync(cfg, 'utf8') : '{}\n')
  // What went into the bundle, kept beside (not inside) the function folder for the bundle-content test.
  mkdirSync(join(root, 'build', 'functions-meta'), { recursive: true })
  writeFileSync(join(root, 'build', 'functions-meta', `${fn}.inputs.json`), JSON.stringify(inputs.map((p) => relative(root, resolve(root, p)))))
  return { fn, bytes: readFileSync(join(out, 'index.js')).length }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv.slice(2)
  const names = only.length ? only : functionNames()
  const t0 = Date.now()
  const results = await Promise.all(names.map((fn) => buildFunction(fn)))
  for (const r of results) console.log(`  ${r.fn.padEnd(14)} ${(r.bytes / 1024).toFixed(0).padStart(6)} KB`)
  console.log(`built ${results.length} function(s) into build/functions in ${Date.now() - t0} ms`)
}
