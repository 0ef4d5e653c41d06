/**
 * Declaring an action once: its input and output schemas and who may call it. The cloud function
 * registers a handler per action (a missing one is a compile error) and the client calls by name with
 * the types inferred from here.
 */
import type * as z from 'zod/mini'
import type { Policy } from './roles'

export type Schema = z.ZodMiniType

export interface ActionDef<I extends Schema = Schema, O extends Schema = Schema> {
  input: I
  output: O
  /** Role → scope. The server enforces it; `authorize(target)` checks the scope per record. */
  policy: Policy
  /** `write` actions change the database; the malformed-input suite checks none of them writes on bad input. */
  kind: 'read' | 'write'
}

export function action<I extends Schema, O extends Schema>(def: {
  input: I
  output: O
  policy: Policy
  kind: 'read' | 'write'
}): ActionDef<I, O> {
  return def
}

export interface Domain<N extends string = string, A extends Record<string, ActionDef> = Record<string, ActionDef>> {
  name: N
  actions: A
}

export function defineDomain<N extends string, A extends Record<string, ActionDef>>(name: N, actions: A): Domain<N, A> {
  return { name, actions }
}

export type InputOf<A extends ActionDef> = z.input<A['input']>
export type ParsedInputOf<A extends ActionDef> = z.output<A['input']>
export type OutputOf<A extends ActionDef> = z.output<A['output']>
