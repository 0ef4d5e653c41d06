/**
 * The schema of a meeting kind, apart from the list and labels in `kinds.ts`: the mini-program's main
 * package shows the labels, and a schema beside them would bring zod into it (webpack keeps an export
 * another chunk uses, whatever chunk the module lands in).
 */
import * as z from 'zod/mini'
import { MEETING_KINDS } from './kinds'

export const MeetingKindSchema = z.enum(MEETING_KINDS)
