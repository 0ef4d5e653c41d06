/**
 * Function size and cold start for `npm run bench`: each esbuild bundle (`build/functions/<fn>/index.js`,
 * what CloudBase runs) beside the same function unbundled — every source file transpiled on its own into
 * `build/bench/unbundled/` and loaded with the repository's node_modules, as a deployment with
 * node_modules would be. Cold start = time to `require` the entry in a fresh `node` process (median of 7).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { buildSync } from 'esbuild'
import { median } from './measure'

const ROOT = join(__dirname, '..', '..')
const BUNDLES = join(ROOT, 'build', 'functions')
const UNBUNDLED = join(ROOT, 'build', 'bench', 'unbundled')
const RUNS = 7

export interface FunctionFigures {
  bundleBytes: number
  /** Transpiled sources plus every node_modules package the entry loads (whole packages, as uploaded). */
  unbundledBytes: number
  /** Only the files the unbundled entry actually reads at `require`. */
  unbundledLoadedBytes: number
  unbundledFiles: number
  coldStartMs: number
  unbundledColdStartMs: number
}

const walk = (dir: string, out: string[] = []): string[] => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) walk(p, out)
    else out.push(p)
  }
  return out
}

const isSource = (p: string) => /\.tsx?$/.test(p) && !/\.test\.tsx?$/.test(p) && !p.endsWith('.d.ts')

/** Transpiles cloudfunctions/ and shared/src/ file by file (no bundling); `@shared` resolves through a link. */
export function transpileUnbundled(): string {
  rmSync(UNBUNDLED, { recursive: true, force: true })
  const files = [...walk(join(ROOT, 'cloudfunctions')), ...walk(join(ROOT, 'shared', 'src'))].filter(isSource)
  buildSync({
    entryPoints: files,
    outdir: UNBUNDLED,
    outbase: ROOT,
    bundle: false,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    logLevel: 'error',
  })
  // `require('@shared/x')` → node_modules/@shared/x.js (a link to the transpiled shared/src).
  mkdirSync(join(UNBUNDLED, 'node_modules'), { recursive: true })
  symlinkSync(join(UNBUNDLED, 'shared', 'src'), join(UNBUNDLED, 'node_modules', '@shared'), 'dir')
  return UNBUNDLED
}

/** One fresh process: ms to require `file`, and the files it loaded. */
const PROBE = `
const t0 = process.hrtime.bigint();
require(process.argv[1]);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(JSON.stringify({ ms, files: Object.keys(require.cache) }));
`

const probe = (file: string): { ms: number; files: string[] } =>
  JSON.parse(execFileSync(process.execPath, ['-e', PROBE, file], { cwd: dirname(file), encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } as unknown as NodeJS.ProcessEnv })) as {
    ms: number
    files: string[]
  }

const size = (p: string) => statSync(p).size
const dirBytes = (d: string) => walk(d).reduce((s, f) => s + size(f), 0)

/** The package folder (node_modules/<name> or node_modules/@scope/<name>) a loaded file belongs to. */
const packageRoot = (file: string): string | null => {
  const parts = file.split(sep)
  const i = parts.lastIndexOf('node_modules')
  if (i < 0) return null
  const name = parts[i + 1]?.startsWith('@') ? 2 : 1
  return parts.slice(0, i + 1 + name).join(sep)
}

export function benchFunction(fn: string): FunctionFigures {
  const bundle = join(BUNDLES, fn, 'index.js')
  const unbundled = join(UNBUNDLED, 'cloudfunctions', fn, 'index.js')
  const bundled: number[] = []
  const loose: number[] = []
  let files: string[] = []
  // Alternate the two so machine load drifts hit both alike.
  for (let i = 0; i < RUNS; i++) {
    bundled.push(probe(bundle).ms)
    const p = probe(unbundled)
    loose.push(p.ms)
    files = p.files
  }
  const own = files.filter((f) => f.startsWith(UNBUNDLED + sep) && !relative(UNBUNDLED, f).startsWith('node_modules'))
  const packages = new Set(files.map(packageRoot).filter((p): p is string => p !== null && !p.startsWith(join(UNBUNDLED, 'node_modules'))))
  return {
    bundleBytes: size(bundle),
    unbundledBytes: own.reduce((s, f) => s + size(f), 0) + [...packages].reduce((s, p) => s + dirBytes(p), 0),
    unbundledLoadedBytes: files.reduce((s, f) => s + (existsSync(f) ? size(f) : 0), 0),
    unbundledFiles: files.length,
    coldStartMs: Math.round(median(bundled) * 10) / 10,
    unbundledColdStartMs: Math.round(median(loose) * 10) / 10,
  }
}

export function benchBundles(fns: readonly string[]): Record<string, FunctionFigures> {
  transpileUnbundled()
  return Object.fromEntries(fns.map((fn) => [fn, benchFunction(fn)]))
}
