/**
 * `node scripts/check-indexes.mjs [logDir]`: the index coverage check over the query logs the handler tests
 * write when `ZHIBU_QUERY_LOG` is set (tests/support/query-log.ts). Without a directory it runs the handler
 * tests itself to produce one. Fails, naming the index to add, when a query is not served.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { INDEXES } from '../../cloudfunctions/_kit/indexes'
import { checkCoverage, formatUncovered, type QueryShape } from './index-coverage'

export function readQueryLogs(dir: string): (QueryShape & { source: string })[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.startsWith('queries-') && f.endsWith('.ndjson'))
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as QueryShape & { source: string }),
    )
}

export function runCheckIndexes(argv: string[], root: string, log: (line: string) => void = (l) => console.log(l)): number {
  let dir = argv[0]
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'zhibu-queries-'))
    log(`running the handler tests with ZHIBU_QUERY_LOG=${dir} …`)
    const r = spawnSync('npx', ['jest', '--selectProjects', 'node', '--testPathPatterns', 'cloudfunctions/', 'tests/production/index-coverage'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ZHIBU_QUERY_LOG: dir },
    })
    if (r.status !== 0) log('⚠ some handler tests failed; checking the queries they issued anyway')
  }
  // Test-made tags (`points-count#6`) name the same caller each time.
  const queries = readQueryLogs(dir).map((q) => ({ ...q, source: q.source.replace(/#\d+$/, '') }))
  if (queries.length === 0) {
    log(`✘ no query log in ${dir}: run the tests with ZHIBU_QUERY_LOG=${dir}`)
    return 1
  }
  const report = checkCoverage(queries, INDEXES)
  const sources = new Set(queries.map((q) => q.source))
  log(`index coverage: ${queries.length} queries from ${sources.size} callers, ${report.total} distinct shapes, ${INDEXES.length} indexes`)
  for (const s of report.scans) log(`  note: whole-collection read of ${s.collection} by ${s.sources.join(', ')}`)
  if (report.uncovered.length) {
    log(formatUncovered(report))
    return 1
  }
  log('✔ every query is served by an index (or by _id)')
  return 0
}
