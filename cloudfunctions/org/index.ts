/** Cloud function `org`: identity, binding, members, roles and branch settings. */
import { org } from '@shared/contract/org'
import { createMain } from '../_kit/create-main'
import * as h from './handlers'

export const main = createMain(org, h)
