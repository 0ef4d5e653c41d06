/**
 * reminders.listTodos (and doneTodo): my open to-dos in 2 requests, ticking off only my own, closed when acted on
 * (meetings signIn at the 主题党日), gone after their day. Each test reseeds the demo branch and ticks the timer.
 */
import { DEMO, clock, errCode, ok } from '../../../tests/support/cloud'
import { todoId } from '../../_kit/todos'
import { emitEvent } from '../../_kit/events'
import { createStore } from '../../_kit/store'
import { THEME_DAY, deputy, formal, remindersCloud } from './test-setup'

// Each test reseeds the demo branch and runs several timer ticks: generous on a busy machine.
jest.setTimeout(30_000)

const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call, counted, tick } = remindersCloud(AT)

describe('to-do list', () => {
  test('my open to-dos in 2 requests; ticking off my own, never someone else’s', async () => {
    await tick('2025-06-25T18:00')
    const { reply, requests } = await counted('listTodos', {}, formal)
    expect(requests).toBeLessThanOrEqual(2)
    const list = ok(reply).todos
    expect(list).toEqual([
      expect.objectContaining({ id: todoId('theme-day', THEME_DAY, DEMO.m.formal), topic: 'theme-day', title: '明天（2025年6月26日）是主题党日', link: '/pages/meetings/index', dueDate: THEME_DAY }),
    ])
    const id = list[0].id
    const before = cloud.snapshot()
    expect(errCode(await call('doneTodo', { todoId: id }, deputy))).toBe('NOT_FOUND')
    expect(errCode(await call('doneTodo', { todoId: 'td_nothing' }, formal))).toBe('NOT_FOUND')
    expect(cloud.snapshot()).toEqual(before)
    expect(ok(await call('doneTodo', { todoId: id }, formal))).toEqual({ id, done: true })
    expect(ok(await call('doneTodo', { todoId: id }, formal))).toEqual({ id, done: true })
    expect(ok(await call('listTodos', {}, formal)).todos).toEqual([])
  })

  test('done when acted on: signing in at the 主题党日 closes its to-do', async () => {
    await tick('2025-06-25T18:00')
    clock.set('2025-06-26T14:35+08:00')
    await emitEvent(
      createStore(),
      { type: 'attendance.present', sourceId: `mt_x_${DEMO.m.formal}`, branchId: DEMO.branch, memberId: DEMO.m.formal, occurredAt: clock.now().toISOString(), data: { meetingId: 'mt_x', kind: 'theme-day', via: 'scan' } },
      clock.now(),
    )
    await tick('2025-06-26T14:40')
    // (The dues day, the same day at 09:00, is still open.)
    expect(ok(await call('listTodos', {}, formal)).todos.map((t: { topic: string }) => t.topic)).toEqual(['dues'])
    expect(ok(await call('listTodos', {}, deputy)).todos.map((t: { topic: string }) => t.topic)).toContain('theme-day')
  })

  test('a to-do stops showing after its day', async () => {
    await tick('2025-06-25T18:00')
    clock.set('2025-06-27T09:00+08:00')
    expect(ok(await call('listTodos', {}, formal)).todos).toEqual([])
  })
})
