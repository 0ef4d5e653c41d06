import { renderHook, waitFor } from '@testing-library/react'
import type { EntryView } from '@shared/contract/points'
import { BASE_60_SCHEME } from '@shared/rules/points/scheme'
import { toBranchScheme } from '@shared/rules/points/branch-scheme'
import { fail, installFakeApi, ok } from '@/test-utils/fake-api'
import { barChart } from './chart'
import { batchable, groupByMonth, pendingDeclared } from './entries'
import { entryPoints, monthLabel, signed } from './labels'
import { itemSummary, newItem, schemeError } from './scheme-form'
import { useOverview, useReviewQueue, useSync } from './use-points'

let api: ReturnType<typeof installFakeApi> | undefined
afterEach(() => api?.restore())

const entry = (over: Partial<EntryView>): EntryView => ({
  id: 'e',
  memberId: 'm',
  memberName: '吴刚',
  groupId: 'g1',
  month: '2026-11',
  itemCode: 'duty',
  itemName: '岗位建功',
  kind: 'add',
  count: 1,
  points: 2,
  awarded: null,
  counted: null,
  capNote: null,
  origin: 'declared',
  source: null,
  description: '',
  photos: [],
  status: 'pending-group',
  reviews: [],
  schemeVersion: 1,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  canEdit: false,
  canReview: false,
  ...over,
})

describe('labels', () => {
  it('signs points with a real minus and shows what counts', () => {
    expect(signed(2)).toBe('+2')
    expect(signed(-0.5)).toBe('−0.5')
    expect(signed(0)).toBe('0')
    expect(entryPoints(entry({ status: 'approved', counted: 1.5 }))).toEqual({ text: '+1.5', counts: true })
    expect(entryPoints(entry({ status: 'approved', kind: 'deduct', counted: 3 }))).toEqual({ text: '−3', counts: true })
    expect(entryPoints(entry({ status: 'pending-committee', awarded: 1 }))).toEqual({ text: '+1', counts: false })
    expect(entryPoints(entry({ status: 'rejected' }))).toEqual({ text: '0', counts: false })
    expect(monthLabel('2026-03')).toBe('3月')
    expect(monthLabel('2026-03', true)).toBe('2026年3月')
  })
})

describe('entries', () => {
  it('groups by month, newest first, with the counted net and pending count', () => {
    const groups = groupByMonth([
      entry({ id: 'a', month: '2026-10', status: 'approved', counted: 2 }),
      entry({ id: 'b', month: '2026-11', status: 'approved', counted: 1, createdAt: '2026-11-02T00:00:00Z' }),
      entry({ id: 'c', month: '2026-11', status: 'approved', kind: 'deduct', counted: 3, createdAt: '2026-11-03T00:00:00Z' }),
      entry({ id: 'd', month: '2026-11', status: 'pending-group' }),
      entry({ id: 'e', month: '2026-10', status: 'rejected' }),
    ])
    expect(groups.map((g) => [g.month, g.net, g.pending, g.entries.map((e) => e.id).join('')])).toEqual([
      ['2026-11', -2, 1, 'cbd'],
      ['2026-10', 2, 0, 'ae'],
    ])
    expect(pendingDeclared([entry({ id: 'x' }), entry({ id: 'y', origin: 'auto' }), entry({ id: 'z', month: '2026-10' })], '2026-11').map((e) => e.id)).toEqual(['x'])
    expect(batchable([entry({ id: 'p', canReview: true }), entry({ id: 'q' })])).toEqual(['p'])
  })
})

describe('barChart', () => {
  it('puts the axis where zero is and scales bars to the largest magnitude', () => {
    const c = barChart([
      { month: '2026-01', value: 3 },
      { month: '2026-02', value: -1 },
      { month: '2026-03', value: 0 },
    ])
    expect(c.axisPct).toBe(75)
    expect(c.bars.map((b) => [b.label, b.heightPct, b.negative])).toEqual([
      ['1月', 75, false],
      ['2月', 25, true],
      ['3月', 0, false],
    ])
    expect(barChart([{ month: '2026-01', value: 0 }]).axisPct).toBe(100)
  })
})

describe('scheme form', () => {
  const scheme = toBranchScheme(BASE_60_SCHEME)
  it('explains the first problem in Chinese, naming the item', () => {
    expect(schemeError(scheme)).toBeNull()
    expect(schemeError({ ...scheme, publication: { period: 'quarter', days: 3 } })).toBe('公示期不少于7天')
    const items = [...scheme.items, { ...newItem(scheme), name: '' }]
    expect(schemeError({ ...scheme, items })).toBe(`第${items.length}个项目（未命名）请填写项目名称`)
  })
  it('new items get a fresh code; summaries read as one line', () => {
    const a = newItem(scheme)
    expect(scheme.items.some((i) => i.code === a.code)).toBe(false)
    expect(itemSummary(scheme.items.find((i) => i.code === 'volunteer')!)).toBe('每次+2分 · 每月最多4分 · 自动：支部登记的志愿服务 · 党员申报')
  })
})

describe('hooks', () => {
  it('useOverview asks for the year, and for a member when given', async () => {
    api = installFakeApi(() => ok({ memberId: 'm1' }))
    renderHook(() => useOverview(2026))
    renderHook(() => useOverview(2026, 'm9'))
    await waitFor(() => expect(api!.calls).toHaveLength(2))
    expect(api.calls).toEqual([
      { fn: 'points', action: 'overview', input: { year: 2026 } },
      { fn: 'points', action: 'overview', input: { year: 2026, memberId: 'm9' } },
    ])
  })
  it('useReviewQueue passes only the filters set and keeps the server message', async () => {
    api = installFakeApi(() => fail('FORBIDDEN', '您没有权限进行此操作'))
    const { result } = renderHook(() => useReviewQueue({ status: 'pending', groupId: 'g1' }))
    await waitFor(() => expect(result.current.error?.message).toBe('您没有权限进行此操作'))
    expect(api.calls[0]).toEqual({ fn: 'points', action: 'reviewQueue', input: { status: 'pending', groupId: 'g1' } })
  })
  it('useSync reloads only when something new was credited', async () => {
    api = installFakeApi(() => ok({ processed: 2, credited: 1, more: false }))
    const onCredited = jest.fn()
    const { result } = renderHook(() => useSync(onCredited))
    await waitFor(() => expect(result.current.syncing).toBe(false))
    expect(onCredited).toHaveBeenCalledTimes(1)
    api.restore()
    api = installFakeApi(() => ok({ processed: 0, credited: 0, more: false }))
    const quiet = jest.fn()
    const r2 = renderHook(() => useSync(quiet))
    await waitFor(() => expect(r2.result.current.syncing).toBe(false))
    expect(quiet).not.toHaveBeenCalled()
  })
})
