/** Every domain's contract, by function name. The client and the reliability suite iterate over these. */
import { org } from './org'
import { workbench } from './workbench'
import { points } from './points'
import { meetings } from './meetings'
import { evaluation } from './evaluation'
import { dues } from './dues'
import { reminders } from './reminders'
import { development } from './development'

export const domains = { org, points, meetings, dues, evaluation, reminders, workbench, development } as const
export type Domains = typeof domains

export * from './define'
export * from './errors'
export * from './roles'
export * from './common'
export { org } from './org'
export { points } from './points'
export { meetings } from './meetings'
export { evaluation } from './evaluation'
export { dues } from './dues'
export { reminders } from './reminders'
export { workbench } from './workbench'
export { development } from './development'
