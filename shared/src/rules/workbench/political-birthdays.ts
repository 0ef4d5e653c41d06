/**
 * 政治生日 of a month for the workbench (docs/DOMAIN.md §6): the anniversaries of the day the 支部大会
 * accepted each member (seed `004_…`).
 */
import { politicalBirthday } from '../reminders/calendar'
import { assertMonth, type DateString, type MonthString, parseDate } from '../time'

export function politicalBirthdaysInMonth(
  members: readonly { id: string; name: string; joinedAt: DateString }[],
  month: MonthString,
): { memberId: string; name: string; date: DateString; years: number }[] {
  const year = Number(assertMonth(month).slice(0, 4))
  return members
    .map((m) => ({ memberId: m.id, name: m.name, date: politicalBirthday(m.joinedAt, year), years: year - parseDate(m.joinedAt).year }))
    .filter((b) => b.years >= 1 && b.date.startsWith(month))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name.localeCompare(b.name)))
}
