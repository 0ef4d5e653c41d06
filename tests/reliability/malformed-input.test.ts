/**
 * Malformed input (issues 2 and 10): for every action, ≥200 generated payloads the contract refuses —
 * wrong types, missing fields, huge strings, unicode, `__proto__` keys, query operators such as
 * `{"$gt": ""}` in ids — each answered INVALID_INPUT (never INTERNAL) with the database unchanged.
 */
import fc from 'fast-check'
import { domains } from '../../shared/src/contract'
import type { ActionDef } from '../../shared/src/contract/define'
import type { Policy } from '../../shared/src/contract/roles'
import { fixturesAt } from '../fixtures'
import { PERSONAS } from '../fixtures/personas'
import { startTestCloud, type TestCloud } from '../support/cloud'

// The demo branch and the fixtures aimed at it, made at 10:00 Beijing, Friday 2026-11-20.
const AT = '2026-11-20T02:00:00.000Z'
const FIXTURES = fixturesAt(AT)

const RUNS = Number(process.env.MALFORMED_RUNS ?? 200)

let cloud: TestCloud
let tried = 0
beforeAll(async () => {
  cloud = await startTestCloud({ at: AT })
})
afterAll(async () => {
  console.log(`malformed input: ${tried} refused payloads tried`)
  await cloud.close()
})

const nasty = fc.oneof(
  fc.anything(),
  fc.string({ maxLength: 5000 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.constantFrom({ $gt: '' }, { $ne: null }, { $where: 'sleep(1)' }, ['$or'], '__proto__', 'constructor', null, -1, Infinity, NaN),
  fc.integer(),
  fc.double(),
  fc.boolean(),
)

/** Mutations of the action's good input: drop a key, replace a value, add a poisonous key. */
const mutations = (good: unknown): fc.Arbitrary<unknown> => {
  if (typeof good !== 'object' || good === null || Array.isArray(good)) return nasty
  const keys = Object.keys(good)
  const base = good as Record<string, unknown>
  return fc.oneof(
    nasty,
    keys.length ? fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(base).filter(([key]) => key !== k))) : nasty,
    keys.length ? fc.tuple(fc.constantFrom(...keys), nasty).map(([k, v]) => ({ ...base, [k]: v })) : nasty,
    fc.tuple(fc.constantFrom('__proto__', 'constructor', '$where', 'x', '_id', 'openid'), nasty).map(([k, v]) => {
      const o: Record<string, unknown> = { ...base }
      Object.defineProperty(o, k, { value: v, enumerable: true })
      return JSON.parse(JSON.stringify(o)) as unknown
    }),
  )
}

const cases = Object.entries(domains).flatMap(([fn, domain]) =>
  Object.entries(domain.actions).map(([action, def]) => ({ fn, action, def: def as ActionDef })),
)

test.each(cases)('$fn.$action refuses malformed input and writes nothing', async ({ fn, action, def }) => {
  const fixture = (FIXTURES as Record<string, Record<string, { good: unknown; bad: unknown[] }>>)[fn]?.[action]
  if (!fixture) throw new Error(`no fixture for ${fn}.${action}`)
  // Call as someone the policy lets through the coarse check, so refusals come from input validation.
  const policy = def.policy as Policy
  const persona =
    PERSONAS.find((p) => p.key === 'secretary' && p.holds.some((r) => r in policy)) ??
    PERSONAS.find((p) => p.holds.some((r) => r in policy))
  if (!persona) throw new Error(`no persona may call ${fn}.${action}`)
  const before = cloud.snapshot()
  // As on the server, an absent input means `{}`.
  const refused = (x: unknown) => !def.input.safeParse(x === undefined ? {} : x).success

  for (const bad of fixture.bad) {
    expect(refused(bad)).toBe(true)
    const r = await cloud.call(fn, action, bad, persona.openid)
    expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT')
    tried++
  }
  await fc.assert(
    fc.asyncProperty(mutations(fixture.good).filter(refused), async (input) => {
      const r = await cloud.call(fn, action, input, persona.openid)
      tried++
      return !r.ok && r.error.code === 'INVALID_INPUT'
    }),
    { numRuns: RUNS },
  )
  expect(cloud.snapshot()).toEqual(before)
})
