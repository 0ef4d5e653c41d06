/** Cloud function `development`: 发展党员 — the branch's pipeline, each person's timeline, steps checked by the rules, admission to the roster. */
import { development } from '@shared/contract/development'
import { createMain } from '../_kit/create-main'
import * as h from './handlers'

export const main = createMain(development, h)
