// Tests of push.ts: one push a day, and meetings, then 主题党日, go first.
import { DAILY_PUSH_LIMIT, REMINDER_TOPIC_PRIORITY } from './push'

describe('push priority', () => {
  test('one push per member per day', () => {
    expect(DAILY_PUSH_LIMIT).toBe(1)
  })
  test('each topic has its own rank; meetings first, then 主题党日', () => {
    const ranks = Object.values(REMINDER_TOPIC_PRIORITY)
    expect(new Set(ranks).size).toBe(ranks.length)
    const order = Object.entries(REMINDER_TOPIC_PRIORITY).sort((a, b) => a[1] - b[1]).map(([topic]) => topic)
    expect(order.slice(0, 2)).toEqual(['meeting', 'theme-day'])
  })
})
