import fc from 'fast-check'
import { RuleInputError } from './errors'
import {
  fitSubscribeValue,
  subscribeData,
  subscribeFieldKind,
  SUBSCRIBE_FIELD_KINDS,
  validateSubscribeValue,
  type SubscribeFieldKind,
} from './subscribe'

describe('subscribeFieldKind', () => {
  test.each([
    ['thing1', 'thing'],
    ['time12', 'time'],
    ['character_string3', 'character_string'],
    ['phrase', 'phrase'],
    ['phone_number9', 'phone_number'],
  ])('%s → %s', (key, kind) => {
    expect(subscribeFieldKind(key)).toBe(kind)
  })
  test('unknown prefixes throw', () => {
    expect(() => subscribeFieldKind('color1')).toThrow(RuleInputError)
  })
})

describe('validateSubscribeValue', () => {
  test.each([
    ['thing', '七月主题党日：重温入党誓词', { ok: true }],
    ['thing', '一二三四五六七八九十一二三四五六七八九十', { ok: true }], // exactly 20
    ['thing', '一二三四五六七八九十一二三四五六七八九十一', { ok: false, reason: 'TOO_LONG', max: 20 }],
    ['thing', '第一行\n第二行', { ok: false, reason: 'NEWLINE' }],
    ['thing', '   ', { ok: false, reason: 'EMPTY' }],
    ['phrase', '待签到', { ok: true }],
    ['phrase', '已经完成签到', { ok: false, reason: 'TOO_LONG', max: 5 }],
    ['phrase', 'OK', { ok: false, reason: 'BAD_FORMAT' }],
    ['name', '欧阳娜娜娜娜娜娜娜娜', { ok: true }], // 10 汉字
    ['name', '欧阳娜娜娜娜娜娜娜娜娜', { ok: false, reason: 'TOO_LONG', max: 10 }],
    ['name', 'Alexander Hamilton X', { ok: true }], // 20 letters and spaces
    ['name', 'Alexander Hamilton XY', { ok: false, reason: 'TOO_LONG', max: 20 }],
    ['time', '2019年10月1日 15:01', { ok: true }],
    ['time', '15:01', { ok: true }],
    ['time', '2019年10月1日 15:01~2019年10月1日 17:00', { ok: true }],
    ['time', '2019-10-01 15:01', { ok: false, reason: 'BAD_FORMAT' }],
    ['time', '2019年10月1日', { ok: false, reason: 'BAD_FORMAT' }],
    ['date', '2019年10月1日', { ok: true }],
    ['date', '2019年10月1日 15:01', { ok: true }],
    ['date', '2019年13月1日', { ok: false, reason: 'BAD_FORMAT' }],
    ['number', '12.5', { ok: true }],
    ['number', '12a', { ok: false, reason: 'BAD_FORMAT' }],
    ['letter', 'abc', { ok: true }],
    ['symbol', '%', { ok: true }],
    ['symbol', 'a', { ok: false, reason: 'BAD_FORMAT' }],
    ['character_string', 'ZB-2024-001', { ok: true }],
    ['character_string', '编号1', { ok: false, reason: 'BAD_FORMAT' }],
    ['amount', '¥30.01', { ok: true }],
    ['amount', '30.01元', { ok: true }],
    ['amount', '30.001', { ok: false, reason: 'BAD_FORMAT' }],
    ['phone_number', '+86 138-0000-0000', { ok: true }],
  ] as [SubscribeFieldKind, string, unknown][])('%s %j → %j', (kind, value, expected) => {
    expect(validateSubscribeValue(kind, value)).toEqual(expected)
  })
})

describe('fitSubscribeValue — safe truncation', () => {
  test.each([
    ['thing', '关于开展2024年度民主评议党员工作的通知（第二轮）', '关于开展2024年度民主评议党员工作的…'],
    ['thing', '学习\r\n讨论', '学习 讨论'],
    ['thing', '  两端空格  ', '两端空格'],
    ['phrase', '已 签到!', '已签到'],
    ['phrase', '请尽快完成签到', '请尽快完成'],
    ['name', '欧阳娜娜娜娜娜娜娜娜娜娜', '欧阳娜娜娜娜娜娜娜娜'],
    ['name', 'Alexander Hamilton Junior', 'Alexander Hamilton J'],
    ['character_string', 'A'.repeat(40), 'A'.repeat(32)],
    ['letter', 'a'.repeat(40), 'a'.repeat(32)],
    ['time', '2019年10月1日 15:01', '2019年10月1日 15:01'],
  ] as [SubscribeFieldKind, string, string][])('%s %j → %j', (kind, value, expected) => {
    const fitted = fitSubscribeValue(kind, value)
    expect(fitted).toBe(expected)
    expect(validateSubscribeValue(kind, fitted)).toEqual({ ok: true })
  })
  test('emoji count as one character and are not split', () => {
    const fitted = fitSubscribeValue('thing', '🎉'.repeat(25))
    expect(Array.from(fitted)).toHaveLength(20)
    expect(fitted.endsWith('…')).toBe(true)
  })
  test.each([
    ['phrase', 'OK!'],
    ['time', '明天下午'],
    ['number', '十二'],
    ['thing', '\n\n'],
  ] as [SubscribeFieldKind, string][])('%s %j cannot be fitted', (kind, value) => {
    expect(() => fitSubscribeValue(kind, value)).toThrow(RuleInputError)
  })
  test('property: fitted thing / name values always validate', () => {
    fc.assert(
      fc.property(fc.constantFrom<SubscribeFieldKind>('thing', 'name'), fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }), (kind, value) => {
        fc.pre(value.replace(/[\p{Cc}\p{Cf}\s\u2028\u2029]/gu, '') !== '')
        const fitted = fitSubscribeValue(kind, value)
        expect(validateSubscribeValue(kind, fitted)).toEqual({ ok: true })
      }),
    )
  })
})

describe('subscribeData and formatters', () => {
  test('builds template data fitted per key', () => {
    expect(
      subscribeData({
        thing1: '七月主题党日：重温入党誓词，集中学习党的二十届三中全会精神',
        time2: '2024年7月26日 14:30',
        phrase3: '待参加',
        amount4: '¥30.01',
        date5: '2024年7月26日',
      }),
    ).toEqual({
      thing1: { value: '七月主题党日：重温入党誓词，集中学习党…' },
      time2: { value: '2024年7月26日 14:30' },
      phrase3: { value: '待参加' },
      amount4: { value: '¥30.01' },
      date5: { value: '2024年7月26日' },
    })
  })
  test('every kind has a limit', () => {
    expect(SUBSCRIBE_FIELD_KINDS).toHaveLength(11)
  })
})
