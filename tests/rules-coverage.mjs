#!/usr/bin/env node
// Runs the rules and profiles tests with V8 coverage (the esbuild transform is not instrumented, so the
// default babel provider would report 0 %) and requires 100 % line coverage of shared/src/rules.
// The tests run twice, under TZ=UTC and TZ=America/Los_Angeles: no result may depend on the process zone.
// Usage: node tests/rules-coverage.mjs
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js')
const common = ['shared/src/rules', 'shared/src/profiles', '--selectProjects=node', '--ci']

const runs = [
  {
    tz: 'UTC',
    args: [
      '--coverage',
      '--coverageProvider=v8',
      '--collectCoverageFrom=shared/src/rules/**/*.ts',
      '--collectCoverageFrom=shared/src/profiles/**/*.ts',
      '--collectCoverageFrom=!**/*.test.ts',
      '--coverageReporters=text-summary',
      '--coverageReporters=text',
      '--coverageDirectory=coverage/rules',
      `--coverageThreshold=${JSON.stringify({ './shared/src/rules/': { lines: 100 } })}`,
    ],
  },
  { tz: 'America/Los_Angeles', args: [] },
]

let failed = false
for (const { tz, args } of runs) {
  console.log(`\n— rules tests, TZ=${tz}`)
  const r = spawnSync(process.execPath, [jest, ...common, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: tz } })
  if (r.status !== 0) failed = true
}
process.exit(failed ? 1 : 0)
