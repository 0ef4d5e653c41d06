/**
 * Splitting a list of ids for `cmd.in` filters, so a query over every branch stays within what one
 * request may name.
 */

/** Ids per `cmd.in` filter. */
export const IN_CHUNK = 500

/** `xs` in consecutive slices of at most `n`. */
export const chunks = <T>(xs: readonly T[], n = IN_CHUNK): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n))
  return out
}
