import { defineDomain, action } from '@shared/contract/define'
import * as z from 'zod/mini'
import { domains } from '@shared/contract'
import { ApiError, BAD_REPLY_MESSAGE, NETWORK_MESSAGE, createClient, unwrapEnvelope, type Transport } from './client'

const demo = defineDomain('demo', {
  echo: action({ input: z.strictObject({ n: z.number() }), output: z.object({ twice: z.number() }), policy: { member: 'any' }, kind: 'read' }),
})

describe('createClient', () => {
  it('sends { action, input } to the function named after the domain and returns data', async () => {
    const transport = jest.fn<ReturnType<Transport>, Parameters<Transport>>(async () => ({ ok: true, data: { twice: 4 } }))
    const client = createClient({ demo }, transport)
    const out = await client.demo.echo({ n: 2 })
    expect(out).toEqual({ twice: 4 })
    expect(transport).toHaveBeenCalledWith('demo', { action: 'echo', input: { n: 2 } })
  })

  it('throws an ApiError with the server code and Chinese message', async () => {
    const client = createClient({ demo }, async () => ({ ok: false, error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } }))
    await expect(client.demo.echo({ n: 1 })).rejects.toMatchObject({ name: 'ApiError', code: 'FORBIDDEN', message: '您没有权限进行此操作' })
  })

  it('turns a transport failure into INTERNAL with the network message', async () => {
    const client = createClient({ demo }, async () => {
      throw new Error('socket hang up')
    })
    const err = await client.demo.echo({ n: 1 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ code: 'INTERNAL', message: NETWORK_MESSAGE })
  })

  it('builds one function per action for every shared domain', () => {
    const client = createClient(domains, async () => ({ ok: true, data: null }))
    for (const [key, domain] of Object.entries(domains)) {
      const fns = (client as unknown as Record<string, Record<string, unknown>>)[key]
      expect(Object.keys(fns ?? {}).sort()).toEqual(Object.keys(domain.actions).sort())
    }
    expect(typeof client.org.me).toBe('function')
  })
})

describe('unwrapEnvelope', () => {
  it.each([
    ['null', null],
    ['a string', 'oops'],
    ['no ok flag', { data: 1 }],
    ['ok without data', { ok: true }],
    ['error without body', { ok: false }],
  ])('rejects %s as INTERNAL', (_label, reply) => {
    expect(() => unwrapEnvelope(reply)).toThrow(BAD_REPLY_MESSAGE)
  })

  it('maps an unknown error code to INTERNAL but keeps the message', () => {
    try {
      unwrapEnvelope({ ok: false, error: { code: 'TEAPOT', message: '出错了' } })
      throw new Error('should have thrown')
    } catch (e) {
      expect(e).toMatchObject({ code: 'INTERNAL', message: '出错了' })
    }
  })

  it('keeps details', () => {
    try {
      unwrapEnvelope({ ok: false, error: { code: 'INVALID_INPUT', message: '手机号应为11位数字', details: { field: 'phone' } } })
      throw new Error('should have thrown')
    } catch (e) {
      expect((e as ApiError).details).toEqual({ field: 'phone' })
    }
  })

  it('returns data, including falsy data', () => {
    expect(unwrapEnvelope({ ok: true, data: 0 })).toBe(0)
    expect(unwrapEnvelope({ ok: true, data: null })).toBeNull()
  })
})
