/**
 * The rules package: pure functions and data both ends use (the mini-program shows them, the cloud
 * functions enforce them). No I/O, no clock: callers pass `today` / `now`. See docs/RULES.md.
 * This barrel (`@shared`) carries the fixed entry points and the main helpers; workflow rules
 * (rules/<domain>/<concept>.ts) are imported by path.
 */
export * from './errors'
export * from './time'
export * from './calendar'
export * from './money'
export * from './theme-day'
export * from './dues/categories'
export * from './dues/amount'
export * from './dues/months'
export * from './dues/arrears'
export * from './dues/payment'
export * from './dues/ledger'
export * from './meetings/kinds'
export * from './meetings/compliance'
export * from './meetings/attendance'
export * from './meetings/sign-in'
export * from './meetings/absence'
export * from './points/scheme'
export * from './points/totals'
export * from './evaluation/grades'
export * from './evaluation/ballot'
export * from './evaluation/tally'
export * from './evaluation/proposal'
export * from './branch'
export * from './reminders/calendar'
export * from './development'
export * from './subscribe'
