/**
 * The branch's fixed-day rule for 主题党日 (每月相对固定1天 [N]; docs/DOMAIN.md §2): a day of the month
 * (湘潭 26日, village 8日), the nth weekday (第二周周五), or a 农历 day, optionally moved off holidays.
 */
import * as z from 'zod/mini'

export const ThemeDayRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('day-of-month'),
    day: z.number().check(z.int(), z.gte(1), z.lte(31)),
    shiftIfHoliday: z.optional(z.boolean()),
  }),
  z.strictObject({
    kind: z.literal('nth-weekday'),
    n: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(-1)]),
    weekday: z.number().check(z.int(), z.gte(1), z.lte(7)),
    shiftIfHoliday: z.optional(z.boolean()),
  }),
  z.strictObject({
    kind: z.literal('lunar-day'),
    day: z.number().check(z.int(), z.gte(1), z.lte(30)),
    shiftIfHoliday: z.optional(z.boolean()),
  }),
])

export type ThemeDayRule = z.infer<typeof ThemeDayRuleSchema>
