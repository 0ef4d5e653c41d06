// `node -r tests/bench/register.cjs x.ts`: runs the TypeScript bench modules (and the functions from source,
// as the test cloud does) outside jest — the same esbuild transform as jest's, plus the `@shared` aliases.
const fs = require('node:fs')
const path = require('node:path')
const Module = require('node:module')
const { transformSync } = require('esbuild')

const root = path.resolve(__dirname, '..', '..')
const shared = path.join(root, 'shared', 'src')

const resolveFilename = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  if (request === '@shared') request = path.join(shared, 'index.ts')
  else if (request.startsWith('@shared/')) request = path.join(shared, request.slice('@shared/'.length))
  return resolveFilename.call(this, request, ...rest)
}

for (const ext of ['.ts', '.tsx']) {
  require.extensions[ext] = (module, filename) => {
    const out = transformSync(fs.readFileSync(filename, 'utf8'), {
      loader: ext.slice(1),
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      sourcemap: 'inline',
      sourcefile: filename,
    })
    module._compile(out.code, filename)
  }
}
