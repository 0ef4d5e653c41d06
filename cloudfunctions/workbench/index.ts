/** Cloud function `workbench`: the 书记 dashboard, 谈心谈话 and 学时, the 达标 self-assessment, 台账 exports, the 上级 overview. */
import { workbench } from '@shared/contract/workbench'
import { createMain } from '../_kit/create-main'
import * as h from './handlers'

export const main = createMain(workbench, h)
