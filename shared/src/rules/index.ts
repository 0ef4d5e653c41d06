/**
 * The rules package: pure functions and data both ends use (the mini-program shows them, the cloud
 * functions enforce them). No I/O, no clock: callers pass `today` / `now`. See docs/RULES.md.
 */
export * from './errors'
export * from './time'
export * from './money'
export * from './theme-day'
export * from './dues'
export * from './meetings'
export * from './points'
export * from './evaluation'
export * from './branch'
export * from './reminders'
export * from './subscribe'
