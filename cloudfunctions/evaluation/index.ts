/** Cloud function `evaluation`: 民主评议党员 — 自评, anonymous 民主测评, 组织评定 within the 优秀 cap, 公示. */
import { evaluation } from '@shared/contract/evaluation'
import { createMain } from '../_kit/create-main'
import * as h from './handlers'

export const main = createMain(evaluation, h)
