/** Cloud function `meetings`: 组织生活 — plan, meetings, rotating-code sign-in, leave, 纪实, attendance, compliance. */
import { meetings } from '@shared/contract/meetings'
import { createMain } from '../_kit/create-main'
import * as h from './handlers'

export const main = createMain(meetings, h)
