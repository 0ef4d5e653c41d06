// Jest transformer: TypeScript/TSX → CommonJS with esbuild (type checking is `npm run typecheck`'s job).
const { transformSync } = require('esbuild')
const crypto = require('node:crypto')

module.exports = {
  getCacheKey(src, filename) {
    return crypto.createHash('sha1').update(src).update(filename).update('v3').digest('hex')
  },
  process(src, filename) {
    const loader = filename.endsWith('.tsx') ? 'tsx' : filename.endsWith('.ts') ? 'ts' : 'js'
    const out = transformSync(src, {
      loader,
      format: 'cjs',
      target: 'node20',
      jsx: 'automatic',
      sourcemap: 'inline',
      sourcefile: filename,
      define: { 'process.env.TARO_ENV': '"h5"' },
    })
    return { code: out.code }
  },
}
