/**
 * createMain: the whole request pipeline of a cloud function — route `{ action, input }`, resolve the
 * caller from the invocation context, coarse policy check, parse input (bad input → INVALID_INPUT before
 * anything is written), run the handler, validate its output, and answer with the envelope.
 */
import type * as z from 'zod/mini'
import type { ActionDef, Domain, OutputOf, ParsedInputOf } from '@shared/contract/define'
import { AppError, isAppError, type Envelope } from '@shared/contract/errors'
import type { Policy, PolicyRole } from '@shared/contract/roles'
import { writeAudit, type AuditInput } from './audit'
import { openidFromContext, resolveCaller, systemCaller, type Caller } from './caller'
import { invocationInstant } from './clock'
import { createLog, type Log } from './log'
import { assertAllowed, holdsAnyRole, type Target } from './policy'
import { createStore, type Store } from './store'

export interface HandlerContext {
  fn: string
  action: string
  caller: Caller
  store: Store
  /** The invocation's instant; all "today" computations derive from it in Beijing time. */
  now: Date
  log: Log
  /** Checks the action's policy against the record it touches; FORBIDDEN otherwise. */
  authorize(target: Target): PolicyRole[]
  /** For actions about the caller alone (e.g. `me`): declares that no record-level check applies. */
  noTarget(): void
  audit(entry: AuditInput): Promise<void>
}

export type Handler<A extends ActionDef> = (input: ParsedInputOf<A>, ctx: HandlerContext) => Promise<OutputOf<A>>
export type Handlers<D extends Domain> = { [K in keyof D['actions']]: Handler<D['actions'][K]> }

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

/** Does any role in this policy need a record-level check? */
const needsTarget = (policy: Policy) => Object.values(policy).some((scope) => scope !== 'any')

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
      const handler = (handlers as Record<string, Handler<ActionDef>>)[actionName]
      if (!handler) throw new AppError('INTERNAL')

      const caller = await resolveCaller(store, context)
      if (!holdsAnyRole(def.policy, caller)) {
        throw new AppError(caller.held.has('member') || caller.held.has('org-admin') ? 'FORBIDDEN' : 'UNAUTHENTICATED')
      }

      // An absent input means `{}`; anything else (null included) must match the contract.
      const parsed = def.input.safeParse(event.input === undefined ? {} : event.input)
      if (!parsed.success) throw invalid(parsed.error)

      let checked = !needsTarget(def.policy)
      const ctx: HandlerContext = {
        fn: domain.name,
        action: actionName,
        caller,
        store,
        now,
        log,
        authorize(target) {
          const grants = assertAllowed(def.policy, caller, target)
          checked = true
          return grants
        },
        noTarget() {
          checked = true
        },
        audit: (entry) => writeAudit(store, caller, now, entry),
      }
      const result = await handler(parsed.data, ctx)
      if (!checked) {
        // A handler that never checked its target is a programming error: refuse rather than leak.
        log.error('handler returned without authorize()', { action: actionName })
        throw new AppError('INTERNAL')
      }
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
