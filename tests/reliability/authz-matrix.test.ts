/**
 * Authorization matrix (issues 2 and 10): every contract action × every persona, against a record of
 * 第一党支部. Who should be allowed is computed here independently from the policy table; the server
 * must answer FORBIDDEN / UNAUTHENTICATED exactly for the others.
 */
import { domains } from '../../shared/src/contract'
import type { Policy, PolicyRole, Scope } from '../../shared/src/contract/roles'
import { fixturesAt } from '../fixtures'
import { PERSONAS, type Persona } from '../fixtures/personas'
import type { Target } from '../fixtures/types'
import { startTestCloud, type TestCloud } from '../support/cloud'

// The demo branch and the fixtures aimed at it, made at 10:00 Beijing, Friday 2026-11-20.
const AT = '2026-11-20T02:00:00.000Z'
const FIXTURES = fixturesAt(AT)

const covers = (scope: Scope, p: Persona, t: Target): boolean => {
  switch (scope) {
    case 'any':
      return true
    case 'self':
      return p.memberId !== null && p.branchId === t.branchId && p.memberId === t.memberId
    case 'group':
      return p.groupId !== null && p.branchId === t.branchId && t.groupId === p.groupId
    case 'branch':
      return p.branchId === t.branchId
    case 'org':
      return p.adminBranchIds.includes(t.branchId)
  }
}

const expectedAllowed = (policy: Policy, p: Persona, t: Target) =>
  (Object.entries(policy) as [PolicyRole, Scope][]).some(([role, scope]) => p.holds.includes(role) && covers(scope, p, t))

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ at: AT })
})
afterAll(() => cloud.close())

const cells = Object.entries(domains).flatMap(([fn, domain]) =>
  Object.entries(domain.actions).map(([action, def]) => ({ fn, action, policy: def.policy as Policy })),
)

test('every contract action has a fixture', () => {
  for (const { fn, action } of cells) {
    expect((FIXTURES as Record<string, Record<string, unknown>>)[fn]?.[action]).toBeDefined()
  }
})

test.each(cells)('$fn.$action × every persona', async ({ fn, action, policy }) => {
  const fixture = (FIXTURES as Record<string, Record<string, { good: unknown; target: Target }>>)[fn]?.[action]
  if (!fixture) throw new Error(`no fixture for ${fn}.${action}`)
  const outcomes: string[] = []
  for (const p of PERSONAS) {
    const r = await cloud.call(fn, action, fixture.good, p.openid)
    const denied = !r.ok && (r.error.code === 'FORBIDDEN' || r.error.code === 'UNAUTHENTICATED')
    const allowed = expectedAllowed(policy, p, fixture.target)
    outcomes.push(`${p.key}:${allowed ? 'allow' : 'deny'}:${r.ok ? 'ok' : r.error.code}`)
    if (allowed && denied) throw new Error(`${fn}.${action}: ${p.label} should be allowed, got ${r.ok ? 'ok' : r.error.code}`)
    if (!allowed && !denied) throw new Error(`${fn}.${action}: ${p.label} should be refused, got ${r.ok ? 'ok' : r.error.code}`)
    // Never an internal error, for anyone.
    expect(r.ok || r.error.code !== 'INTERNAL').toBe(true)
  }
  expect(outcomes).toHaveLength(PERSONAS.length)
})

afterAll(() => {
  console.log(`authorization matrix: ${cells.length} actions × ${PERSONAS.length} personas = ${cells.length * PERSONAS.length} cells`)
})
