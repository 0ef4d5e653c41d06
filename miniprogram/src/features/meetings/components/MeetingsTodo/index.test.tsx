import type { MeetingSummary } from '@shared/contract/meetings'
import { meetingTasks } from './index'

const meeting = (id: string, over: Partial<MeetingSummary> = {}): MeetingSummary => ({
  id,
  kind: 'theme-day',
  topic: `主题党日${id}`,
  date: '2026-11-26',
  time: '14:30',
  startsAt: '2026-11-26T06:30:00.000Z',
  place: '党群服务中心',
  groupId: null,
  status: 'planned',
  locked: false,
  hostName: '张建国',
  counts: { due: 29, present: 0, leave: 0 },
  my: 'pending',
  signIn: 'not-yet',
  ...over,
})

describe('meetingTasks', () => {
  it('lists an open sign-in first, then 补学, then what is coming; nothing for leave or the not invited', () => {
    const tasks = meetingTasks({
      makeups: [{ meetingId: 'old', kind: 'group', topic: '党小组会', date: '2026-11-12' }],
      upcoming: [meeting('a'), meeting('b', { signIn: 'open' }), meeting('c', { my: 'leave' }), meeting('d', { my: 'not-invited' }), meeting('e', { my: 'present', signIn: 'open' })],
    })
    expect(tasks.map((t) => t.key)).toEqual(['open-b', 'makeup-old', 'soon-a'])
    expect(tasks[0]).toMatchObject({ title: '主题党日正在签到', meetingId: 'b' })
    expect(tasks[1]?.detail).toBe('2026年11月12日 党小组会：阅读会议记录和学习材料')
    expect(tasks[2]?.detail).toBe('11月26日 周四 14:30 · 党群服务中心')
    expect(meetingTasks(undefined)).toEqual([])
  })

  it('shows the two latest 补学 and collapses the rest into one row', () => {
    const makeups = ['2026-06-26', '2026-09-28', '2026-08-26', '2026-10-26'].map((date, i) => ({ meetingId: `m${i}`, kind: 'theme-day' as const, topic: '主题党日', date }))
    const tasks = meetingTasks({ makeups, upcoming: [] })
    expect(tasks.map((t) => t.key)).toEqual(['makeup-m3', 'makeup-m1', 'makeup-more'])
    expect(tasks[2]).toMatchObject({ title: '还有2次会议需要补学', meetingId: null })
  })
})
