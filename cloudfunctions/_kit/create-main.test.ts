/**
 * The request pipeline authorizes before it runs: createMain parses the input, calls the handler's `target`,
 * checks what it names against the contract's policy row, and only then calls `run` with what `target`
 * loaded. A handler cannot skip the check, and the compiler refuses one without a target.
 */
import * as z from 'zod/mini'
import { action, defineDomain } from '@shared/contract/define'
import { AppError, type Envelope } from '@shared/contract/errors'
import { fabricateContext } from '../../local/host/context'
import { DEMO, devOpenid, startTestCloud, type TestCloud } from '../../tests/support/cloud'
import { branchTarget, callerTarget, createMain, MissingTarget, targeting, type Handler, type Handlers } from './create-main'

const AT = '2026-11-20T02:00:00.000Z'
let cloud: TestCloud
const otherBranchId = DEMO.branch2
beforeAll(async () => {
  cloud = await startTestCloud({ at: AT })
})
afterAll(() => cloud.close())

const probe = defineDomain('probe', {
  readRecord: action({
    input: z.strictObject({ branchId: z.string().check(z.minLength(1)) }),
    output: z.object({ loaded: z.string(), grants: z.array(z.string()) }),
    policy: { member: 'branch', 'org-admin': 'org' },
    kind: 'read',
  }),
  committeeOnly: action({ input: z.strictObject({}), output: z.object({ ran: z.boolean() }), policy: { committee: 'branch' }, kind: 'write' }),
  mine: action({ input: z.strictObject({}), output: z.object({ ran: z.boolean() }), policy: { member: 'self' }, kind: 'read' }),
  branchRecord: action({
    input: z.strictObject({ branchId: z.string() }),
    output: z.object({ ran: z.boolean() }),
    policy: { member: 'branch', 'org-admin': 'org' },
    kind: 'read',
  }),
  named: action({
    input: z.strictObject({ branchId: z.optional(z.string()) }),
    output: z.object({ branchId: z.string() }),
    policy: { member: 'branch', 'org-admin': 'org' },
    kind: 'read',
  }),
})

const calls: string[] = []
const handlers: Handlers<typeof probe> = {
  readRecord: {
    target: ({ branchId }) => {
      calls.push('target')
      return { target: { branchId }, loaded: `record of ${branchId}` }
    },
    run: async (_input, ctx, loaded: string) => {
      calls.push('run')
      return { loaded, grants: ctx.grants }
    },
  } satisfies Handler<typeof probe.actions.readRecord, string>,
  committeeOnly: {
    target: callerTarget,
    run: async () => {
      calls.push('run')
      return { ran: true }
    },
  },
  mine: {
    target: callerTarget,
    run: async () => ({ ran: true }),
  },
  branchRecord: {
    target: ({ branchId }) => {
      throw new MissingTarget({ branchId }, new AppError('NOT_FOUND', '没有找到该支部'))
    },
    run: async () => ({ ran: true }),
  },
  named: {
    target: branchTarget,
    run: async (_input, _ctx, branchId: string) => ({ branchId }),
  } satisfies Handler<typeof probe.actions.named, string>,
}
const main = createMain(probe, handlers)
const call = (actionName: string, input: unknown, openid: string | null) =>
  main({ action: actionName, input }, fabricateContext('probe', openid)) as Promise<Envelope<Record<string, unknown>>>

beforeEach(() => {
  calls.length = 0
})

test('a target in the caller’s branch runs the handler with what the target step loaded and the grants', async () => {
  const r = await call('readRecord', { branchId: DEMO.branch }, devOpenid(DEMO.m.formal))
  expect(r).toEqual({ ok: true, data: { loaded: `record of ${DEMO.branch}`, grants: ['member'] } })
  expect(calls).toEqual(['target', 'run'])
})

test('a target in another branch is FORBIDDEN and run is never reached', async () => {
  const r = await call('readRecord', { branchId: otherBranchId }, devOpenid(DEMO.m.secretary))
  expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(calls).toEqual(['target'])
})

test('bad input is INVALID_INPUT before the target step', async () => {
  const r = await call('readRecord', { branchId: '' }, devOpenid(DEMO.m.formal))
  expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect(calls).toEqual([])
})

test('a role the policy does not name stops at the coarse check', async () => {
  const r = await call('committeeOnly', {}, devOpenid(DEMO.m.formal))
  expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(calls).toEqual([])
  expect(await call('committeeOnly', {}, devOpenid(DEMO.m.secretary))).toEqual({ ok: true, data: { ran: true } })
})

test('callerTarget: the caller’s own record passes a self scope; an unbound user is not let through', async () => {
  expect(await call('mine', {}, devOpenid(DEMO.m.formal))).toEqual({ ok: true, data: { ran: true } })
  expect(await call('mine', {}, 'dev_stranger')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
})

test('branchTarget: the branch named, else the caller’s; a member naming another branch is FORBIDDEN', async () => {
  expect(await call('named', {}, devOpenid(DEMO.m.formal))).toEqual({ ok: true, data: { branchId: DEMO.branch } })
  expect(await call('named', { branchId: otherBranchId }, devOpenid(DEMO.m.formal))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  // The 上级党委 admin has no branch of their own: they name one below their org node.
  expect(await call('named', { branchId: DEMO.branch }, DEMO.adminOpenid)).toEqual({ ok: true, data: { branchId: DEMO.branch } })
  expect(await call('named', {}, DEMO.adminOpenid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await call('named', { branchId: 'br_elsewhere' }, DEMO.adminOpenid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('a missing record whose branch is known: FORBIDDEN outside that branch, NOT_FOUND inside it', async () => {
  expect(await call('branchRecord', { branchId: DEMO.branch }, devOpenid(DEMO.m.formal))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await call('branchRecord', { branchId: 'br_elsewhere' }, devOpenid(DEMO.m.formal))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('the compiler refuses a handler without a target step', () => {
  const plain = async () => ({ ran: true })
  // @ts-expect-error — a bare function is not a handler: `target` and `run` are both required
  const bare: Handlers<typeof probe>['mine'] = plain
  // @ts-expect-error — `run` alone is not enough either
  const runOnly: Handlers<typeof probe>['mine'] = { run: plain }
  expect([bare, runOnly]).toHaveLength(2)
  expect(targeting({ branchId: 'b' })).toEqual({ target: { branchId: 'b' }, loaded: undefined })
})
