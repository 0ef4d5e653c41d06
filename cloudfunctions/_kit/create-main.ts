/**
 * createMain: the whole request pipeline of a cloud function — route `{ action, input }`, resolve the
 * caller from the invocation context, coarse policy check, parse input (bad input → INVALID_INPUT before
 * anything is written), load the action's target and authorize it against the contract's policy row
 * (FORBIDDEN before anything is written), run the handler with what the target step loaded, validate its
 * output, and answer with the envelope.
 *
 * Authorization is a step of the pipeline, not something a handler must remember: every handler is a
 * `{ target, run }` pair, and `run` is only reached once the record `target` names has passed the policy.
 */
import type * as z from 'zod/mini'
import type { ActionDef, Domain, OutputOf, ParsedInputOf } from '@shared/contract/define'
import { AppError, isAppError, type Envelope } from '@shared/contract/errors'
import type { PolicyRole } from '@shared/contract/roles'
import { writeAudit, type AuditInput } from './audit'
import { openidFromContext, resolveCaller, systemCaller, type Caller } from './caller'
import { invocationInstant } from './clock'
import { createLog, type Log } from './log'
import { assertAllowed, holdsAnyRole, type Target } from './policy'
import { createStore, type Store } from './store'

/** What the target step may use: who is calling and the data, nothing that writes. */
export interface TargetContext {
  fn: string
  action: string
  caller: Caller
  store: Store
  /** The invocation's instant; all "today" computations derive from it in Beijing time. */
  now: Date
  log: Log
}

export interface HandlerContext extends TargetContext {
  /** The policy roles that let the caller act on the action's target (e.g. to show a 支委 more than a member). */
  grants: PolicyRole[]
  /**
   * Checks the action's policy against a further record the action touches (a second member, the branch a
   * record moves to); FORBIDDEN otherwise. The action's own target is authorized by the pipeline.
   */
  authorize(target: Target): PolicyRole[]
  audit(entry: AuditInput): Promise<void>
}

/** The target step's answer: whose record the action touches, and what was read to know it. */
export interface Targeted<L> {
  target: Target
  loaded: L
}

/**
 * One action's server side. `target` reads what the action is about and names its branch / 党小组 / member;
 * the pipeline authorizes that against the contract's policy row and only then calls `run` with what
 * `target` loaded, so a handler cannot forget the check and does not read its record twice.
 */
export interface Handler<A extends ActionDef, L = undefined> {
  target(input: ParsedInputOf<A>, ctx: TargetContext): Targeted<L> | Promise<Targeted<L>>
  run(input: ParsedInputOf<A>, ctx: HandlerContext, loaded: L): Promise<OutputOf<A>>
}

/** Every action of a domain has a handler; what each loads is its own (`run` is a method, so `unknown` admits any `L`). */
export type Handlers<D extends Domain> = { [K in keyof D['actions']]: Handler<D['actions'][K], unknown> }

/**
 * Thrown by a target step when the record is missing but whose it would be is known (a branch id named in
 * the input): the pipeline checks the caller against that target first, so a caller outside it meets
 * FORBIDDEN and learns nothing about what exists there; an authorized caller gets `error` (NOT_FOUND).
 */
export class MissingTarget extends Error {
  constructor(
    readonly target: Target,
    readonly error: AppError,
  ) {
    super(error.message)
    this.name = 'MissingTarget'
  }
}

/** A target with nothing loaded. */
export const targeting = (target: Target): Targeted<undefined> => ({ target, loaded: undefined })

/**
 * For actions about the caller alone (`me`, my to-dos): the caller's own record. Any `self`, `group` or
 * `branch` scope covers it; a caller without a branch passes only an `any` scope.
 */
export const callerTarget = (_input: unknown, ctx: Pick<TargetContext, 'caller'>): Targeted<undefined> =>
  targeting({ branchId: ctx.caller.branchId ?? '', groupId: ctx.caller.groupId, memberId: ctx.caller.memberId })

/**
 * For branch-wide actions whose input may name a branch (a 上级党委 admin picks one; a member means their
 * own): the branch named, else the caller's. `loaded` is that branch's id.
 */
export const branchTarget = (input: { branchId?: string | undefined }, ctx: Pick<TargetContext, 'caller'>): Targeted<string> => {
  const branchId = input.branchId ?? ctx.caller.branchId ?? ''
  return { target: { branchId }, loaded: branchId }
}

export interface TimerContext {
  fn: string
  store: Store
  now: Date
  log: Log
  caller: Caller
  trigger: string
}

export interface MainOptions {
  /** Runs for a timer trigger event (`{ Type: 'Timer', TriggerName, Time }`). */
  timer?: (ctx: TimerContext) => Promise<unknown>
  /** Where each invocation's instant comes from (default: the platform clock, `_kit/clock.ts`). */
  now?: () => Date
}

type Main = (event: unknown, context: unknown) => Promise<Envelope<unknown>>

const fail = (e: AppError): Envelope<never> => ({ ok: false, error: e.toBody() })

const hasCjk = (s: string) => /[\u4e00-\u9fff]/.test(s)

const invalid = (error: z.core.$ZodError): AppError => {
  const issues = error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
  const first = issues.find((i) => hasCjk(i.message))
  return new AppError('INVALID_INPUT', first ? first.message : undefined, { issues })
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

let sharedStore: Store | null = null
const getStore = (): Store => (sharedStore ??= createStore())

export function createMain<D extends Domain>(domain: D, handlers: Handlers<D>, options: MainOptions = {}): Main {
  const log = createLog(domain.name)
  const instant = options.now ?? invocationInstant

  return async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
    const now = instant()
    const store = getStore()
    try {
      if (isObject(event) && event.Type === 'Timer') {
        // A real trigger invocation carries no WeChat caller (no WX_OPENID in the SCF context). The same
        // event from a signed-in user (callFunction, POST /api/<fn>) is refused before anything runs.
        if (openidFromContext(context) !== null) throw new AppError('INVALID_INPUT', '请求格式不正确')
        if (!options.timer) throw new AppError('NOT_FOUND', '没有定时任务')
        const data = await options.timer({
          fn: domain.name,
          store,
          now,
          log,
          caller: systemCaller(),
          trigger: String(event.TriggerName ?? ''),
        })
        return { ok: true, data: data ?? null }
      }
      if (!isObject(event) || typeof event.action !== 'string') throw new AppError('INVALID_INPUT', '请求格式不正确')
      const actionName = event.action
      if (actionName === 'health') return { ok: true, data: { fn: domain.name, at: now.toISOString() } }
      if (!Object.prototype.hasOwnProperty.call(domain.actions, actionName)) {
        throw new AppError('INVALID_INPUT', '未知的操作')
      }
      const def = domain.actions[actionName] as ActionDef
      const handler = (handlers as Record<string, Handler<ActionDef, unknown> | undefined>)[actionName]
      if (!handler) throw new AppError('INTERNAL')

      const caller = await resolveCaller(store, context)
      if (!holdsAnyRole(def.policy, caller)) {
        throw new AppError(caller.held.has('member') || caller.held.has('org-admin') ? 'FORBIDDEN' : 'UNAUTHENTICATED')
      }

      // An absent input means `{}`; anything else (null included) must match the contract.
      const parsed = def.input.safeParse(event.input === undefined ? {} : event.input)
      if (!parsed.success) throw invalid(parsed.error)

      const base: TargetContext = { fn: domain.name, action: actionName, caller, store, now, log }
      const { target, loaded } = await Promise.resolve(base).then((b) => handler.target(parsed.data, b)).catch((e: unknown) => {
        if (!(e instanceof MissingTarget)) throw e
        assertAllowed(def.policy, caller, e.target)
        throw e.error
      })
      const ctx: HandlerContext = {
        ...base,
        grants: assertAllowed(def.policy, caller, target),
        authorize: (further) => assertAllowed(def.policy, caller, further),
        audit: (entry) => writeAudit(store, caller, now, entry),
      }
      const result = await handler.run(parsed.data, ctx, loaded)
      const out = def.output.safeParse(result)
      if (!out.success) {
        log.error('output does not match contract', { action: actionName, issues: out.error.issues.slice(0, 5) })
        throw new AppError('INTERNAL')
      }
      return { ok: true, data: out.data }
    } catch (e) {
      if (isAppError(e)) return fail(e)
      log.error('unexpected error', { message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined })
      return fail(new AppError('INTERNAL'))
    }
  }
}
