/** Cloud function `reminders`: subscribe-message accepts and switches, the to-do list, and the 10-minute timer that sends. */
import { reminders } from '@shared/contract/reminders'
import { createMain } from '../_kit/create-main'
import { wechatNotifier } from '../_kit/notifier'
import * as h from './handlers'
import { runTick } from './scheduler'

export const main = createMain(reminders, h, {
  timer: ({ store, now, log }) => runTick({ store, now, log, notifier: wechatNotifier() }),
})
