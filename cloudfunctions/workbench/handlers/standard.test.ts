/**
 * workbench.standard (五化 达标 self-assessment): auto items carry their evidence, the seeded hand scores count, totals add up.
 */
import { ok } from '../../../tests/support/cloud'
import { type AnyDoc, sec, workbenchCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) with its one missing 党小组会.
const AT = '2026-11-20T02:00:00.000Z'
const { call } = workbenchCloud(AT)

describe('五化 达标 self-assessment', () => {
  const items = (a: AnyDoc) => a.areas.flatMap((x: AnyDoc) => x.items) as AnyDoc[]

  test('auto items carry their evidence; the seeded hand scores count; totals add up', async () => {
    const a = ok(await call('standard', {}, sec))
    expect(a.max).toBe(100)
    expect(items(a).find((i) => i.code === '6.1')).toMatchObject({ status: 'scored', handDeduction: 12, score: 8 })
    expect(items(a).find((i) => i.code === '3.3')?.auto[0].evidence.some((e: string) => e.startsWith('邓明'))).toBe(true)
    expect(a.total).toBe(items(a).reduce((s, i) => s + (i.score ?? 0), 0))
    expect(a.pending).toBe(items(a).filter((i) => i.status === 'pending').length)
  })
})
