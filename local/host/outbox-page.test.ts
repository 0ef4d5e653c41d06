// The local 消息 page shows each recorded subscribe message readably, newest first, with text escaped.
import { outboxPage } from './outbox-page'

test('lists messages newest first with recipient name, template, fields and page; escapes text', () => {
  const html = outboxPage(
    [
      { api: 'subscribeMessage.send', at: '2025-06-25T10:00:00.000Z', payload: { touser: 'dev_m_1', template_id: 'T1', page: 'pages/index/index', data: { thing1: { value: '主题党日' } }, miniprogram_state: 'formal' } },
      { api: 'subscribeMessage.send', at: '2025-06-26T00:00:00.000Z', payload: { touser: 'dev_m_2', template_id: 'T2', page: 'pages/index/index', data: { thing4: { value: '<b>今天</b>' } } } },
    ],
    (openid) => (openid === 'dev_m_1' ? '吴刚' : '李红梅'),
    '2025-06-26T00:05:00.000Z',
  )
  expect(html).toContain('2025-06-25 18:00:00')
  expect(html).toContain('吴刚')
  expect(html).toContain('&lt;b&gt;今天&lt;/b&gt;')
  expect(html).not.toContain('<b>今天</b>')
  expect(html.indexOf('李红梅')).toBeLessThan(html.indexOf('吴刚'))
  expect(html).toContain('共 2 条')
  expect(outboxPage([], () => '', '2025-06-26T00:05:00.000Z')).toContain('还没有发出的消息')
})
