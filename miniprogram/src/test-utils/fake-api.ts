/**
 * For jest `ui` tests: answers the h5 platform's `fetch('/api/<fn>')` with envelopes from a handler,
 * so hooks and pages run through the real platform adapter, client and envelope checks.
 */
export interface ApiCall {
  fn: string
  action: string
  input: unknown
}

export type ApiHandler = (call: ApiCall) => unknown

export const ok = (data: unknown) => ({ ok: true, data })
export const fail = (code: string, message: string) => ({ ok: false, error: { code, message } })

export function installFakeApi(handler: ApiHandler): { calls: ApiCall[]; restore: () => void } {
  const calls: ApiCall[] = []
  const previous = global.fetch
  global.fetch = (async (url: string, init?: { body?: string }) => {
    const body = JSON.parse(init?.body ?? '{}') as { action: string; input: unknown }
    const call = { fn: String(url).replace(/^\/api\//, ''), action: body.action, input: body.input }
    calls.push(call)
    const reply = await handler(call)
    return { status: 200, json: async () => reply }
  }) as unknown as typeof fetch
  return {
    calls,
    restore: () => {
      global.fetch = previous
    },
  }
}
