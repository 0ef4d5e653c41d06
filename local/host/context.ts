/**
 * Fabricates the SCF invocation context CloudBase passes to `main(event, context)`. The caller's openid
 * travels in `context.environment` exactly as in the cloud, so `getCloudbaseContext(context)` in
 * production code is the only identity path.
 */
import { randomUUID } from 'node:crypto'
import { functionTimeoutMs } from './functions'

export const LOCAL_APPID = 'wx_local_demo'

/**
 * `timeLimitMs`: the invocation's timeout, which SCF reports as `time_limit_in_ms` — by default the
 * function's own (`config.json` "timeout", `functionTimeoutMs`). `invoke.ts` enforces it.
 */
export const fabricateContext = (fn: string, openid: string | null, timeLimitMs = functionTimeoutMs(fn)) => ({
  memory_limit_in_mb: 256,
  time_limit_in_ms: timeLimitMs,
  request_id: randomUUID(),
  function_version: '$LATEST',
  function_name: fn,
  namespace: 'local',
  environment: JSON.stringify(
    openid
      ? { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID', WX_OPENID: openid, WX_APPID: LOCAL_APPID, WX_UNIONID: '' }
      : { WX_CONTEXT_KEYS: '' },
  ),
})
