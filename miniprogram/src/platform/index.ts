/**
 * The platform adapter: the only code that touches `Taro.cloud`, `scanCode`, the location APIs and
 * `requestSubscribeMessage`. Each capability has a WeChat file and a browser file (`<name>.weapp.ts`,
 * `<name>.h5.ts`) with the same exports; Taro's resolver builds only the platform's own, so neither build
 * carries the other's code. weapp talks to CloudBase; h5 (browser, e2e) to the local host's `/api/<function>`.
 * Files (`@/platform/files`) and printing (`@/platform/print`) are separate entry points, used by subpackages.
 */
export { callFunction } from './call-function'
export { scanCode } from './scan'
export { canChooseOnMap, chooseLocation, getLocation } from './location'
export { requestSubscribe } from './subscribe'
export { TransportError, type Position, type SubscribeAnswer } from './types'
