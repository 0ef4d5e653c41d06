import { callFunction, requestSubscribe, scanCode, TransportError } from './index'

/** jsdom has no fetch Response: a minimal one. */
const reply = (status: number, body: string) => ({
  status,
  json: async () => JSON.parse(body) as unknown,
})

describe('platform (h5 build)', () => {
  const realFetch = global.fetch
  afterEach(() => {
    global.fetch = realFetch
    jest.restoreAllMocks()
  })

  it('posts the payload as JSON to /api/<function> and returns the parsed reply', async () => {
    const fetchMock = jest.fn(async () => reply(200, JSON.stringify({ ok: true, data: { bound: false } })))
    global.fetch = fetchMock as unknown as typeof fetch
    const got = await callFunction('org', { action: 'me', input: {} })
    expect(got).toEqual({ ok: true, data: { bound: false } })
    expect(fetchMock).toHaveBeenCalledWith('/api/org', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'me', input: {} }),
      credentials: 'same-origin',
    })
  })

  it('throws TransportError when the network fails or the reply is not JSON', async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof fetch
    await expect(callFunction('org', {})).rejects.toBeInstanceOf(TransportError)
    global.fetch = jest.fn(async () => reply(502, '<html>')) as unknown as typeof fetch
    await expect(callFunction('org', {})).rejects.toThrow('HTTP 502')
  })

  it('scanCode asks the user to type the code text; cancel or blank gives null', async () => {
    const prompt = jest.spyOn(window, 'prompt')
    prompt.mockReturnValueOnce('  MEET-1234 ')
    await expect(scanCode()).resolves.toBe('MEET-1234')
    prompt.mockReturnValueOnce(null)
    await expect(scanCode()).resolves.toBeNull()
    prompt.mockReturnValueOnce('   ')
    await expect(scanCode()).resolves.toBeNull()
  })

  it('requestSubscribe accepts every template (at most three)', async () => {
    await expect(requestSubscribe(['a', 'b', 'c', 'd'])).resolves.toEqual({ a: 'accept', b: 'accept', c: 'accept' })
  })
})
