/** Cloud function `dues`: 党费 bases, ledger, payments, reports, arrears, 公示 and exports; daily overdue events. */
import { dues } from '@shared/contract/dues'
import { createMain } from '../_kit/create-main'
import * as h from './handlers'
import { duesTimer } from './timer'

export const main = createMain(dues, h, { timer: duesTimer })
