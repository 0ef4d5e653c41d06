/**
 * The error rules throw when a caller passes something no rule can answer (a negative wage, a month
 * `2024-13`). It is an `AppError` with code `INVALID_INPUT`, so a handler that lets it escape answers
 * the member with a readable message; `reason` says precisely what was wrong.
 * Rule *outcomes* (a quota exceeded, a ballot incomplete) are never thrown: they are returned as results.
 */
import { AppError } from '../contract/errors'

export const RULE_INPUT_REASONS = [
  'MISSING_BASE',
  'NEGATIVE_AMOUNT',
  'NON_INTEGER_AMOUNT',
  'AMOUNT_TOO_LARGE',
  'FARMER_AMOUNT_OUT_OF_RANGE',
  'INVALID_COUNT',
  'INVALID_RATIO',
  'INVALID_DATE',
  'INVALID_MONTH',
  'INVALID_TIME',
  'INVALID_INSTANT',
  'INVALID_RANGE',
  'INVALID_RULE',
  'INVALID_ARGUMENT',
  'UNKNOWN_PROFILE',
  'INVALID_PROFILE',
] as const
export type RuleInputReason = (typeof RULE_INPUT_REASONS)[number]

export class RuleInputError extends AppError {
  readonly reason: RuleInputReason

  constructor(reason: RuleInputReason, message: string, details?: Record<string, unknown>) {
    super('INVALID_INPUT', message, { reason, ...details })
    this.name = 'RuleInputError'
    this.reason = reason
  }
}

export const isRuleInputError = (e: unknown): e is RuleInputError => e instanceof RuleInputError

/** A rule's answer: success with data, or a refusal with a machine-readable reason (STYLE.md "Errors"). */
export type RuleResult<Ok extends object, Fail extends { reason: string }> = ({ ok: true } & Ok) | ({ ok: false } & Fail)
