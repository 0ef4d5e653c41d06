/**
 * Index coverage: every query the functions issue is served by an index in
 * `cloudfunctions/_kit/indexes.ts` (what `npm run provision` creates). The sweep here runs every contract
 * action's good fixture as each persona allowed to call it, and every timer, with the local backend's query
 * observer on; `npm test` also checks the queries of all handler tests (scripts/check-indexes.mjs).
 * "Covered" is defined in scripts/lib/index-coverage.ts: equality fields, then sort, then one range field.
 */
import { COLLECTIONS } from '../../cloudfunctions/_kit/collections'
import { INDEXES, type IndexSpec } from '../../cloudfunctions/_kit/indexes'
import { functionConfig, functionNames, loadMain } from '../../local/host/functions'
import { fabricateContext } from '../../local/host/context'
import { withInvocationTag, type QueryShape as DbQueryShape } from '../../local/db'
import { accessPaths, checkCoverage, coverage, formatUncovered, indexServes, suggestIndex, type QueryShape } from '../../scripts/lib/index-coverage'
import { domains } from '../../shared/src/contract'
import type { Policy, PolicyRole, Scope } from '../../shared/src/contract/roles'
import { fixturesAt } from '../fixtures'
import { PERSONAS, type Persona } from '../fixtures/personas'
import type { Target } from '../fixtures/types'
import { startTestCloud, type TestCloud } from '../support/cloud'

// The demo branch and the fixtures aimed at it, made at 10:00 Beijing, Friday 2026-11-20.
const AT = '2026-11-20T02:00:00.000Z'
const FIXTURES = fixturesAt(AT)

const k = (...fields: string[]) => fields.map((f) => (f.startsWith('-') ? { field: f.slice(1), direction: -1 as const } : { field: f, direction: 1 as const }))
const idx = (collection: string, ...fields: string[]): IndexSpec => ({ collection: collection as IndexSpec['collection'], name: fields.join('_'), keys: k(...fields), serves: 'test' })
const q = (filter: Record<string, unknown>, sort: [string, 1 | -1][] = [], collection = 'members'): QueryShape => ({ collection, op: 'get', filter, sort })
const covered = (query: QueryShape, ...indexes: IndexSpec[]) => accessPaths(query).every((p) => coverage(p, indexes).kind !== 'none')

describe('what "covered" means', () => {
  const members = idx('members', 'branchId', 'active', 'joinedAt')
  test('equality fields in any order, as a prefix', () => {
    expect(covered(q({ branchId: 'b', active: true }), members)).toBe(true)
    expect(covered(q({ active: true, branchId: 'b' }), members)).toBe(true)
    expect(covered(q({ branchId: 'b' }), members)).toBe(true)
    expect(covered(q({ active: true }), members)).toBe(false)
    expect(covered(q({ branchId: 'b', groupId: 'g' }), members)).toBe(false)
    expect(covered(q({ branchId: 'b', status: { $in: ['formal'] } }), idx('members', 'branchId', 'status'))).toBe(true)
    expect(covered(q({ branchId: 'b', usedAt: null }), idx('members', 'branchId', 'usedAt'))).toBe(true)
  })
  test('then the sort, in order, in the index directions or all reversed', () => {
    expect(covered(q({ branchId: 'b', active: true }, [['joinedAt', 1]]), members)).toBe(true)
    expect(covered(q({ branchId: 'b', active: true }, [['joinedAt', -1]]), members)).toBe(true)
    expect(covered(q({ branchId: 'b' }, [['joinedAt', 1]]), members)).toBe(false)
    const two = idx('audit', 'branchId', '-at', 'seq')
    expect(covered(q({ branchId: 'b' }, [['at', -1], ['seq', 1]], 'audit'), two)).toBe(true)
    expect(covered(q({ branchId: 'b' }, [['at', 1], ['seq', -1]], 'audit'), two)).toBe(true)
    expect(covered(q({ branchId: 'b' }, [['at', -1], ['seq', -1]], 'audit'), two)).toBe(false)
    // Sorting on a field fixed by equality costs nothing.
    expect(covered(q({ branchId: 'b', active: true }, [['active', 1], ['joinedAt', 1]]), members)).toBe(true)
  })
  test('range fields: without a sort the next key must bound one of them; with a served sort they are filtered', () => {
    const events = idx('events', 'branchId', 'createdAt')
    expect(covered(q({ branchId: 'b', createdAt: { $gt: 'x' } }, [['createdAt', 1]], 'events'), events)).toBe(true)
    expect(covered(q({ branchId: 'b', createdAt: { $gt: 'x', $lte: 'y' } }, [], 'events'), events)).toBe(true)
    expect(covered(q({ branchId: 'b', name: /张/ }, [], 'events'), events)).toBe(false)
    expect(covered(q({ branchId: 'b', createdAt: { $gt: 'x' }, other: { $ne: 1 } }, [], 'events'), events)).toBe(true)
    expect(covered(q({ branchId: 'b', createdAt: { $gt: 'x' }, other: { $ne: 1 } }, [], 'events'), idx('events', 'branchId', 'seq'))).toBe(false)
    // Range before sort in the index (not equality–sort–range): the order is not served.
    expect(covered(q({ branchId: 'b', closesAt: { $gt: 'x' } }, [['startsAt', 1]], 'events'), idx('events', 'branchId', 'closesAt', 'startsAt'))).toBe(false)
    expect(covered(q({ branchId: 'b', closesAt: { $gt: 'x' } }, [['startsAt', 1]], 'events'), idx('events', 'branchId', 'startsAt', 'closesAt'))).toBe(true)
    expect(covered(q({ branchId: 'b', status: { $ne: 'x' } }, [['createdAt', -1]], 'events'), idx('events', 'branchId', 'createdAt'))).toBe(true)
    expect(covered(q({ branchId: 'b', status: { $ne: 'x' } }, [], 'events'), idx('events', 'branchId', 'createdAt'))).toBe(false)
  })
  test('_id is always covered; a bare read of the whole collection is a scan, not a failure', () => {
    expect(covered(q({ _id: 'm1' }))).toBe(true)
    expect(covered(q({ _id: { $in: ['a', 'b'] }, anything: 1 }))).toBe(true)
    expect(accessPaths(q({})).map((p) => coverage(p, []).kind)).toEqual(['scan'])
  })
  test('$or is checked branch by branch with the fields outside it', () => {
    const query = q({ branchId: 'b', $or: [{ groupId: 'g' }, { roles: 'secretary' }] })
    expect(accessPaths(query).map((p) => p.eq)).toEqual([
      ['branchId', 'groupId'],
      ['branchId', 'roles'],
    ])
    expect(covered(query, idx('members', 'branchId', 'groupId'))).toBe(false)
    expect(covered(query, idx('members', 'branchId', 'groupId'), idx('members', 'branchId', 'roles'))).toBe(true)
  })
  test('the failure names the index to add, and the one to extend', () => {
    const [path] = accessPaths(q({ branchId: 'b', active: true, groupId: 'g' }, [['joinedAt', 1]]))
    expect(suggestIndex(path!, 'org.listMembers')).toBe("{ collection: 'members', name: 'branch_active_group_joinedAt', keys: k('branchId', 'active', 'groupId', 'joinedAt'), serves: 'org.listMembers' }")
    const report = checkCoverage([{ ...q({ branchId: 'b', active: true, groupId: 'g' }, [['joinedAt', 1]]), source: 'org.listMembers' }], [idx('members', 'branchId', 'active', 'groupId')])
    const text = formatUncovered(report)
    expect(text).toContain('members where {branchId: =, active: =, groupId: =} sorted by joinedAt asc')
    expect(text).toContain('issued by: org.listMembers')
    expect(text).toContain("k('branchId', 'active', 'groupId', 'joinedAt')")
    expect(text).toContain("or extend 'branchId_active_groupId'")
    expect(indexServes(idx('members', 'branchId', 'active', 'groupId', 'joinedAt'), path!)).toBe(true)
  })
})

test('INDEXES: known collections, unique names, keys given, each says what it serves', () => {
  const names = new Set<string>()
  for (const i of INDEXES) {
    expect(COLLECTIONS).toContain(i.collection)
    expect(names.has(`${i.collection}.${i.name}`) ? `duplicate ${i.collection}.${i.name}` : null).toBeNull()
    names.add(`${i.collection}.${i.name}`)
    expect(i.keys.length).toBeGreaterThan(0)
    expect(new Set(i.keys.map((x) => x.field)).size).toBe(i.keys.length)
    expect(i.serves.length).toBeGreaterThan(0)
  }
})

describe('the sweep: every action as every persona it admits, and every timer', () => {
  let cloud: TestCloud
  const queries: (DbQueryShape & { source: string })[] = []
  const sources = new Map<string, string>()
  let seq = 0

  const covers = (scope: Scope, p: Persona, t: Target): boolean =>
    scope === 'any' ||
    (scope === 'self' && p.memberId !== null && p.branchId === t.branchId && p.memberId === t.memberId) ||
    (scope === 'group' && p.groupId !== null && p.branchId === t.branchId && t.groupId === p.groupId) ||
    (scope === 'branch' && p.branchId === t.branchId) ||
    (scope === 'org' && p.adminBranchIds.includes(t.branchId))

  const invoke = async (fn: string, source: string, event: unknown, openid: string | null): Promise<void> => {
    const tag = `sweep#${++seq}`
    sources.set(tag, source)
    await withInvocationTag(tag, () => loadMain(fn, 'source')(event, fabricateContext(fn, openid)))
  }

  beforeAll(async () => {
    cloud = await startTestCloud({ at: AT })
    const previous = cloud.db.onQuery
    cloud.db.onQuery = (shape) => {
      previous?.(shape)
      const source = sources.get(shape.tag)
      if (source) queries.push({ ...shape, source })
    }
  })
  afterAll(() => cloud.close())

  test('every query issued is served by an index', async () => {
    let calls = 0
    for (const [fn, domain] of Object.entries(domains)) {
      for (const [action, def] of Object.entries(domain.actions)) {
        const fixture = (FIXTURES as Record<string, Record<string, { good: unknown; target: Target }>>)[fn]?.[action]
        if (!fixture) continue // the authorization matrix reports a missing fixture
        const policy = (def as { policy: Policy }).policy
        const allowed = PERSONAS.filter((p) => (Object.entries(policy) as [PolicyRole, Scope][]).some(([role, scope]) => p.holds.includes(role) && covers(scope, p, fixture.target)))
        for (const p of allowed) {
          await invoke(fn, `${fn}.${action}`, { action, input: fixture.good }, p.openid)
          calls++
        }
      }
    }
    for (const fn of functionNames()) {
      for (const t of functionConfig(fn).triggers ?? []) {
        await invoke(fn, `${fn} timer ${t.name}`, { Type: 'Timer', TriggerName: t.name, Time: AT }, null)
        calls++
      }
    }
    const report = checkCoverage(queries, INDEXES)
    console.log(`index coverage sweep: ${calls} calls, ${queries.length} queries, ${report.total} distinct shapes, ${report.uncovered.length} uncovered`)
    expect(calls).toBeGreaterThan(Object.keys(domains).length)
    expect(report.uncovered.length === 0 ? 'every query is served' : formatUncovered(report)).toBe('every query is served')
  }, 300_000)
})
