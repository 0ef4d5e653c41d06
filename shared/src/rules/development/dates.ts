/**
 * The dates and counts of 发展党员 (docs/DOMAIN.md 发展党员, 《中国共产党发展党员工作细则》): age to apply, the
 * 谈话 deadline, the year of 培养考察, the 公示 in working days, the 支部大会's 双过半, the 3-month approval
 * and the 预备期 with its extension. Beijing dates `YYYY-MM-DD`; bad input throws `RuleInputError`.
 * The fixed entry points use the national numbers; the `…For` forms take them from a profile.
 */
import { RuleInputError } from '../errors'
import { addDays, addMonths, addYears, assertDate, parseDate, type DateString } from '../time'
import { isWorkingDay } from '../calendar'

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

function assertCount(n: unknown, what: string, min = 0): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min) {
    throw new RuleInputError('INVALID_COUNT', `${what}应为不小于${min}的整数`, { value: String(n) })
  }
  return n
}

/**
 * The day a person born on `birthDate` completes `years` 周岁. Someone born on 29 February completes
 * them on 1 March in a common year: the anniversary that would fall on 29 February has not yet passed
 * on 28 February.
 */
export function ageReachedOn(birthDate: DateString, years: number): DateString {
  const { month, day, year } = parseDate(birthDate)
  assertCount(years, '周岁')
  if (month === 2 && day === 29 && !isLeapYear(year + years)) return addDays(addYears(birthDate, years), 1)
  return addYears(birthDate, years)
}

/** Whether the applicant is at least `minAge` 周岁 on `appliedOn`. Throws when `appliedOn` is before `birthDate`. */
export function applicantAgeOkFor(birthDate: DateString, appliedOn: DateString, minAge: number): boolean {
  assertDate(birthDate, '出生日期')
  assertDate(appliedOn, '申请日期')
  if (appliedOn < birthDate) throw new RuleInputError('INVALID_RANGE', '申请日期早于出生日期', { birthDate, appliedOn })
  return appliedOn >= ageReachedOn(birthDate, minAge)
}

/** 年满十八周岁 on `appliedOn` (born 2008-12-07: ok on 2026-12-07, not on 2026-12-06; born 29 Feb: from 1 Mar). */
export function applicantAgeOk(birthDate: DateString, appliedOn: DateString): boolean {
  return applicantAgeOkFor(birthDate, appliedOn, 18)
}

/** The last day for the 党组织's 谈话: one calendar month after the application, clamped (01-31 → 02-28/29). */
export function interviewDueBy(appliedOn: DateString): DateString {
  return addMonths(assertDate(appliedOn, '申请日期'), 1)
}

/** The first day an 入党积极分子 may be made a 发展对象: one year later (一年以上 includes the anniversary; 02-29 → 02-28). */
export function candidateEligibleFrom(activistOn: DateString): DateString {
  return addYears(assertDate(activistOn, '确定入党积极分子日期'), 1)
}

/**
 * The last day of a 公示 of `workingDays` working days starting on `startOn` (counted when it is a
 * working day), on the official holiday and 调休 calendar (`isWorkingDay`: a 调休 Saturday counts, a
 * holiday Monday does not; a year the calendar does not cover falls back to Monday–Friday).
 */
export function publicityEndsOn(startOn: DateString, workingDays = 5): DateString {
  assertDate(startOn, '公示开始日期')
  if (!Number.isSafeInteger(workingDays) || workingDays < 1) {
    throw new RuleInputError('INVALID_ARGUMENT', '公示工作日数应为正整数', { value: String(workingDays) })
  }
  let d = startOn
  let left = isWorkingDay(d) ? workingDays - 1 : workingDays
  while (left > 0) {
    d = addDays(d, 1)
    if (isWorkingDay(d)) left -= 1
  }
  return d
}

/** A 支部大会 vote: 应到 (entitled 正式党员 with 表决权), 实到 and 赞成. */
export interface BranchVote {
  entitled: number
  present: number
  yes: number
}

/**
 * 双过半 (第二十条): more than half of the 应到 正式党员 present, and more than half of them voting for.
 * `entitled = 0` → false. Throws for negative or non-integer counts, `present > entitled`, `yes > present`.
 */
export function branchVotePasses({ entitled, present, yes }: BranchVote): boolean {
  assertCount(entitled, '应到人数')
  assertCount(present, '实到人数')
  assertCount(yes, '赞成人数')
  if (present > entitled) throw new RuleInputError('INVALID_COUNT', '实到人数不能多于应到人数', { entitled, present })
  if (yes > present) throw new RuleInputError('INVALID_COUNT', '赞成人数不能多于实到人数', { present, yes })
  return present * 2 > entitled && yes * 2 > entitled
}

/** The last day for the higher 党委's approval: three calendar months after the 支部大会, clamped. */
export function approvalDueBy(meetingOn: DateString): DateString {
  return addMonths(assertDate(meetingOn, '支部大会日期'), 3)
}

/** The end of the 预备期: one year after the 支部大会 admitted the member (02-29 → 02-28). */
export function probationEndsOn(admittedOn: DateString): DateString {
  return addYears(assertDate(admittedOn, '接收为预备党员日期'), 1)
}

/** Whether `months` is an allowed 延长预备期 (an integer in [min, max]). */
export function isValidExtension(months: unknown, min = 6, max = 12): months is number {
  return typeof months === 'number' && Number.isSafeInteger(months) && months >= min && months <= max
}

/** The end of an extended 预备期: `months` (6–12, integer, else throws) calendar months after it first ended, clamped. */
export function extendedProbationEndsOn(probationEnd: DateString, months: number): DateString {
  assertDate(probationEnd, '预备期满日期')
  if (!isValidExtension(months)) {
    throw new RuleInputError('INVALID_ARGUMENT', '延长预备期应为6至12个月', { value: String(months) })
  }
  return addMonths(probationEnd, months)
}
