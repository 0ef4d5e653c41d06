/**
 * Function timeouts as SCF enforces them: each invocation runs under its function's
 * `config.json` "timeout", the SCF context reports that limit, and a run past it fails for the caller
 * (FUNCTIONS_TIME_LIMIT_EXCEEDED; the H5 host answers an INTERNAL envelope). The same helper runs the
 * HTTP host and the in-process test cloud. Limits are injected small here; assertions are on behaviour.
 */
import { DEMO, devOpenid, errCode, ok, startTestCloud, type TestCloud } from '../../tests/support/cloud'
import { fabricateContext } from './context'
import { DEFAULT_FUNCTION_TIMEOUT_S, FunctionTimeoutError, functionTimeoutMs, invokeFunction } from './invoke'
import { createHost } from './server'

const AT = '2026-11-20T02:00:00.000Z'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('invokeFunction', () => {
  test("the context reports the function's configured timeout", async () => {
    let seen: { time_limit_in_ms?: number } = {}
    const main = async (_event: unknown, context: unknown) => {
      seen = context as typeof seen
      return 'done'
    }
    await expect(invokeFunction({ fn: 'dues', main, event: {}, openid: null, tag: 'dues.t#1' })).resolves.toBe('done')
    expect(seen.time_limit_in_ms).toBe(20_000) // cloudfunctions/dues/config.json "timeout": 20
    expect(fabricateContext('reminders', null).time_limit_in_ms).toBe(60_000)
    expect(functionTimeoutMs('org')).toBe(10_000)
    expect(functionTimeoutMs('no-such-function')).toBe(DEFAULT_FUNCTION_TIMEOUT_S * 1000)
  })

  test('a handler that runs past its timeout fails with FUNCTIONS_TIME_LIMIT_EXCEEDED; one within it answers', async () => {
    const slow = async () => {
      await sleep(400)
      return 'late'
    }
    const late = invokeFunction({ fn: 'org', main: slow, event: {}, openid: null, tag: 'org.slow#1', timeoutMs: 100 })
    await expect(late).rejects.toBeInstanceOf(FunctionTimeoutError)
    await expect(late).rejects.toMatchObject({ code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED', message: 'Task timed out after 0.1 seconds' })
    await expect(invokeFunction({ fn: 'org', main: slow, event: {}, openid: null, tag: 'org.slow#2', timeoutMs: 2_000 })).resolves.toBe('late')
  })
})

describe('the host and the test cloud enforce it', () => {
  let cloud: TestCloud
  // Every database request takes 60 ms; org.me makes a few, so a 100 ms limit is exceeded and 10 s is not.
  let limitMs: number | undefined
  beforeAll(async () => {
    cloud = await startTestCloud({ at: AT, db: { requestDelayMs: 60 }, timeoutMs: () => limitMs })
  })
  afterAll(async () => {
    await cloud.close()
  })
  afterEach(() => {
    limitMs = undefined
  })
  const secretary = devOpenid(DEMO.m.secretary)

  test('the test cloud: a call past the limit rejects; the typed client sees INTERNAL', async () => {
    ok(await cloud.call('org', 'me', {}, secretary))
    limitMs = 100
    await expect(cloud.call('org', 'me', {}, secretary)).rejects.toMatchObject({ code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED' })
    expect(errCode(await cloud.as(secretary).org.me({}))).toBe('INTERNAL')
  })

  test('the HTTP host: a call past the limit answers an INTERNAL envelope; within it, the function answers', async () => {
    const host = await createHost({ db: cloud.db, mode: 'source', timeoutMs: () => limitMs })
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const base = await host.listen(0)
      const post = async () => {
        const res = await fetch(`${base}/api/org`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-zhibu-openid': secretary },
          body: JSON.stringify({ action: 'me', input: {} }),
        })
        return (await res.json()) as { ok: boolean; error?: { code: string; details?: { cause?: string } } }
      }
      expect((await post()).ok).toBe(true)
      limitMs = 100
      const timedOut = await post()
      expect(timedOut).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { cause: 'FUNCTIONS_TIME_LIMIT_EXCEEDED' } } })
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('FUNCTIONS_TIME_LIMIT_EXCEEDED'))
      await expect(host.invoke('org', 'me', {}, secretary)).rejects.toMatchObject({ code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED' })
    } finally {
      logged.mockRestore()
      await host.close()
    }
  })
})
