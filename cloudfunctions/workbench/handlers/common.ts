/** Small helpers the workbench handlers share: the target branch and year of a call. */
import { beijingDate } from '@shared/rules/time'
import type { HandlerContext } from '../../_kit/create-main'

/** The branch named in the input, or the caller's own. */
export const branchOf = (input: { branchId?: string | undefined }, ctx: Pick<HandlerContext, 'caller'>): string => input.branchId ?? ctx.caller.branchId ?? ''

/** The year named in the input, or this Beijing year. */
export const yearOf = (input: { year?: number | undefined }, now: Date): number => input.year ?? Number(beijingDate(now).slice(0, 4))
