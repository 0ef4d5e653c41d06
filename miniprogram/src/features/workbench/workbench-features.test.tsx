import { act, renderHook, waitFor } from '@testing-library/react'
import type { Dashboard, LedgerFile, LedgerKind, OverviewRow } from '@shared/contract/workbench'
import { ROUTES } from '@/constants/routes'
import { api as client } from '@/services/api'
import { fail, installFakeApi, ok } from '@/test-utils/fake-api'
import { workbenchTodoText } from '@/features/workbench/components/WorkbenchTodo'
import { prefillFromParams } from '../meetings/meeting-form'
import { fixRoute } from './fix-route'
import { deductionChoices, pct } from './format'
import { nextSort, sortOverview } from './overview-sort'
import { useLedgerExport } from './use-ledger-export'
import { useDashboard, useScoreItem } from './use-workbench'

const item = (key: string, level: Dashboard['items'][number]['level']): Dashboard['items'][number] => ({ key, area: 'meetings', level, title: key, detail: '', fix: null })

describe('fixRoute: each item opens the page that fixes it', () => {
  it('a missing 党小组会 opens the new-meeting form prefilled, which reads the parameters back', () => {
    const t = fixRoute({ page: 'create-meeting', params: { kind: 'group', date: '2026-10-31', groupId: 'g_demo_2', topic: '10月党小组会', extra: 'x' } })
    expect(t).toEqual({ route: ROUTES.meetingEdit, query: { kind: 'group', date: '2026-10-31', groupId: 'g_demo_2', topic: '10月党小组会' } })
    expect(prefillFromParams(t.query)).toEqual({ kind: 'group', date: '2026-10-31', groupId: 'g_demo_2', topic: '10月党小组会' })
    expect(prefillFromParams({ kind: 'party', date: '31/10/2026', groupId: '{"$ne":1}', topic: encodeURIComponent('10月党小组会') })).toEqual({ topic: '10月党小组会' })
  })
  it.each([
    [{ page: 'meetings', params: { meetingId: 'mt1' } }, ROUTES.meetingDetail, { meetingId: 'mt1' }],
    [{ page: 'meetings', params: {} }, ROUTES.meetingCompliance, {}],
    [{ page: 'dues', params: { tab: 'arrears' } }, ROUTES.duesArrears, {}],
    [{ page: 'points-publish', params: { periodKey: '2026-Q3' } }, ROUTES.pointsPublication, { key: '2026-Q3' }],
    [{ page: 'evaluation', params: { roundId: 'ev1' } }, ROUTES.evaluationManage, { roundId: 'ev1' }],
    [{ page: 'talks', params: { withId: 'm7' } }, ROUTES.workbenchTalks, { withId: 'm7' }],
    [{ page: 'branch-settings', params: {} }, ROUTES.adminBranch, {}],
  ] as const)('%j', (fix, route, query) => {
    expect(fixRoute({ page: fix.page, params: { ...fix.params } })).toEqual({ route, query })
  })
})

describe('the 上级 overview table sorts by any column', () => {
  const row = (name: string, complianceRate: number | null, daysLeft: number | null): OverviewRow => ({
    branchId: name,
    name,
    parentName: null,
    members: 10,
    formal: 10,
    overdue: 0,
    missing: 0,
    complianceRate,
    attendanceRate: null,
    dueFen: 0,
    paidFen: 0,
    duesRate: null,
    arrears: 0,
    evaluation: 'none',
    reelection: { status: 'ok', label: '任期内', termEndsAt: null, daysLeft, nextReminder: null },
  })
  const rows = [row('乙支部', 0.9, 100), row('甲支部', 0.5, -3), row('丙支部', null, null), row('丁支部', 0.9, 30)]
  it('worst first, then reversed; missing figures last either way; ties by name', () => {
    expect(sortOverview(rows, { key: 'complianceRate', dir: 'asc' }).map((r) => r.name)).toEqual(['甲支部', '丁支部', '乙支部', '丙支部'])
    expect(sortOverview(rows, { key: 'complianceRate', dir: 'desc' }).map((r) => r.name)).toEqual(['丁支部', '乙支部', '甲支部', '丙支部'])
    expect(sortOverview(rows, { key: 'reelection', dir: 'asc' }).map((r) => r.name)).toEqual(['甲支部', '丁支部', '乙支部', '丙支部'])
    expect(sortOverview(rows, { key: 'name', dir: 'asc' }).map((r) => r.name)).toHaveLength(4)
  })
  it('tapping the same header flips; another starts ascending', () => {
    expect(nextSort({ key: 'duesRate', dir: 'asc' }, 'duesRate')).toEqual({ key: 'duesRate', dir: 'desc' })
    expect(nextSort({ key: 'duesRate', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' })
  })
})

describe('small helpers', () => {
  it('percent, deduction steps, the 首页 row', () => {
    expect([pct(0.8633), pct(null), pct(1)]).toEqual(['86%', '—', '100%'])
    expect(deductionChoices(2)).toEqual([0, 0.5, 1, 1.5, 2])
    expect(workbenchTodoText({ items: [item('a', 'urgent'), item('b', 'warning'), item('c', 'info')] })).toEqual({ title: '支部工作台：2项需要处理（1项逾期）', detail: 'a' })
    expect(workbenchTodoText({ items: [item('c', 'info')] })).toBeNull()
    expect(workbenchTodoText(undefined)).toBeNull()
  })
})

describe('useLedgerExport: progress per file and for the batch', () => {
  const file = (kind: LedgerKind): LedgerFile => ({ kind, title: kind, fileName: `${kind}.xlsx`, fileId: `f-${kind}`, url: `http://x/${kind}`, rows: 1, bytes: 10 })

  it('runs the kinds in order, reporting which one of how many, then done', async () => {
    const seen: string[] = []
    let release: () => void = () => undefined
    const download = jest.fn(async (_url: string, name: string, onProgress: (p: number) => void) => {
      onProgress(50)
      seen.push(name)
      if (name === 'roster.xlsx') await new Promise<void>((r) => (release = r))
    })
    const { result } = renderHook(() => useLedgerExport({ build: async (k) => file(k), download }))
    let finished: Promise<boolean> = Promise.resolve(false)
    act(() => {
      finished = result.current.run(['roster', 'dues'])
    })
    await waitFor(() => expect(result.current.state).toMatchObject({ phase: 'downloading', kind: 'roster', step: 1, steps: 2, percent: 65 }))
    // A second tap while one runs is ignored.
    let second = true
    await act(async () => {
      second = await result.current.run(['points'])
    })
    expect(second).toBe(false)
    await act(async () => {
      release()
      await finished
    })
    expect(result.current.state).toMatchObject({ phase: 'done', percent: 100, done: ['roster', 'dues'], steps: 2 })
    expect(seen).toEqual(['roster.xlsx', 'dues.xlsx'])
  })

  it('keeps the server message and what was already exported', async () => {
    api = installFakeApi(() => fail('FORBIDDEN', '您没有权限进行此操作'))
    const { result } = renderHook(() =>
      useLedgerExport({ build: (k) => (k === 'roster' ? Promise.resolve(file(k)) : client.workbench.exportLedger({ year: 2026, kind: k })), download: async () => undefined }),
    )
    await act(async () => {
      await result.current.run(['roster', 'points'])
    })
    expect(result.current.state).toMatchObject({ phase: 'error', error: '您没有权限进行此操作', done: ['roster'] })
  })
})

let api: ReturnType<typeof installFakeApi> | null = null
afterEach(() => {
  api?.restore()
  api = null
})

describe('data hooks', () => {
  it('useDashboard asks for the branch and year, and shows the server message on refusal', async () => {
    api = installFakeApi(() => fail('FORBIDDEN', '您没有权限进行此操作'))
    const { result } = renderHook(() => useDashboard('br_1', 2026))
    await waitFor(() => expect(result.current.error?.message).toBe('您没有权限进行此操作'))
    expect(api.calls).toEqual([{ fn: 'workbench', action: 'dashboard', input: { branchId: 'br_1', year: 2026 } }])
  })

  it('useScoreItem sends the hand score and returns the item', async () => {
    const view = {
      code: '2.1', title: '发挥党支部战斗堡垒作用', max: 5, mode: 'manual', points: [{ code: '2.1.1', text: 'x' }], evidence: 'e', deduction: 'd', links: [],
      auto: [], autoDeduction: 0, handDeduction: 1, score: 4, status: 'scored', note: '说明', attachments: [], scoredByName: '张建国', scoredAt: '2026-11-22T00:00:00.000Z',
    }
    api = installFakeApi(() => ok(view))
    const { result } = renderHook(() => useScoreItem())
    let saved: unknown
    await act(async () => {
      saved = await result.current.run({ year: 2026, code: '2.1', deduction: 1, note: '说明' })
    })
    expect(saved).toMatchObject({ score: 4 })
    expect(api.calls[0]).toEqual({ fn: 'workbench', action: 'scoreItem', input: { year: 2026, code: '2.1', deduction: 1, note: '说明' } })
  })
})
