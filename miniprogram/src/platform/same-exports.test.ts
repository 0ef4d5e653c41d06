/**
 * Both builds of each platform capability offer the same functions with the same types: the WeChat file
 * type-checks against the browser file (the one tests run) and back, and the names match at run time.
 */
import * as callWeapp from './call-function.weapp'
import * as callH5 from './call-function.h5'
import * as scanWeapp from './scan.weapp'
import * as scanH5 from './scan.h5'
import * as locationWeapp from './location.weapp'
import * as locationH5 from './location.h5'
import * as subscribeWeapp from './subscribe.weapp'
import * as subscribeH5 from './subscribe.h5'
import * as filesWeapp from './files.weapp'
import * as filesH5 from './files.h5'
import * as printWeapp from './print.weapp'
import * as printH5 from './print.h5'

const PAIRS = [
  ['call-function', callWeapp satisfies typeof callH5, callH5 satisfies typeof callWeapp],
  ['scan', scanWeapp satisfies typeof scanH5, scanH5 satisfies typeof scanWeapp],
  ['location', locationWeapp satisfies typeof locationH5, locationH5 satisfies typeof locationWeapp],
  ['subscribe', subscribeWeapp satisfies typeof subscribeH5, subscribeH5 satisfies typeof subscribeWeapp],
  ['files', filesWeapp satisfies typeof filesH5, filesH5 satisfies typeof filesWeapp],
  ['print', printWeapp satisfies typeof printH5, printH5 satisfies typeof printWeapp],
] as const

test.each(PAIRS)('%s: the WeChat and browser files export the same names', (_name, weapp, h5) => {
  expect(Object.keys(weapp).sort()).toEqual(Object.keys(h5).sort())
})
