/**
 * A stand-in for a test cloud started later (in `beforeAll`): every property read goes to the cloud `get()` returns
 * at that moment, methods bound to it. Lets a file's setup hand out `cloud` before the cloud exists.
 */
import type { TestCloud } from './cloud'

export const lateCloud = (get: () => TestCloud): TestCloud =>
  new Proxy({} as TestCloud, {
    get: (_, key) => {
      const c = get()
      const v = Reflect.get(c, key) as unknown
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(c) : v
    },
  })
