/** A small helper the workbench handlers share: the year of a call. */
import { beijingDate } from '@shared/rules/time'

/** The year named in the input, or this Beijing year. */
export const yearOf = (input: { year?: number | undefined }, now: Date): number => input.year ?? Number(beijingDate(now).slice(0, 4))
