/**
 * The local open API refuses what WeChat refuses, through the real wx-server-sdk: a
 * function without `permissions.openapi` in its config.json (-604101), an openid WeChat never issued (40003),
 * an unknown template (40037), a field value over its type's limit or with a newline (47003, naming the
 * field), a member with no accept left (43101). Accepts are WeChat's own count: granted by an accept, spent
 * by a delivered message. The host delivers only what the local WeChat accepts into its outbox, and grants
 * the accepts the app reports (the H5 path the e2e takes).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withInvocationTag } from '../db'
import { startTestDb, type TestDb } from '../db/test-support'
import { DEMO, clock, devOpenid, ok, startTestCloud } from '../../tests/support/cloud'
import { addDays, beijingDate, monthOf, shiftMonth } from '../../shared/src/rules/time'
import { themeDayOf } from '../../shared/src/rules/theme-day'
import { createHost } from './server'
import { createLocalWechat, functionOfTag, invalidField, NO_OPENAPI_PERMISSION, type LocalWechat } from './wechat'

// wx-server-sdk ships no types we use here; the test only needs cloud.init and cloud.openapi.
const cloud = require('wx-server-sdk') as {
  init(opts: { env: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
  openapi: { subscribeMessage: { send(data: Record<string, unknown>): Promise<Record<string, unknown>> } }
}

const TMPL = 'TMPL_THEME_DAY_OK'
const member = 'dev_m_open_1'
const good = { thing1: { value: '主题党日' }, date2: { value: '2026年11月26日' }, thing3: { value: '党员活动室' } }

describe('the local WeChat behind wx.openApi', () => {
  let t: TestDb
  let wechat: LocalWechat
  beforeAll(async () => {
    t = await startTestDb()
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  })
  afterAll(() => t.close())
  beforeEach(() => {
    // Permissions read from each function's real config.json (only reminders declares subscribeMessage.send).
    wechat = createLocalWechat({ templateIds: () => [TMPL] })
    t.service.onOpenApi = (api, payload, caller) => wechat.answer(api, payload, caller)
  })

  /** One send as the function `fn` would make it (its invocation tag names it). */
  const send = (fn: string | null, message: Record<string, unknown>) => {
    const call = () => cloud.openapi.subscribeMessage.send({ touser: member, templateId: TMPL, page: 'pages/index/index', data: good, miniprogramState: 'formal', ...message })
    return fn === null ? call() : withInvocationTag(`${fn}.tick#1`, call)
  }
  const errCodeOf = (p: Promise<unknown>): Promise<{ errCode: unknown; errMsg: string }> =>
    p.then(
      () => ({ errCode: 0, errMsg: 'ok' }),
      (e: { errCode?: unknown; errMsg?: unknown; message?: unknown }) => ({ errCode: e.errCode, errMsg: String(e.errMsg ?? e.message) }),
    )

  test('one accept = one message: the second send answers 43101', async () => {
    wechat.accept(member, [TMPL])
    expect(wechat.remaining(member, TMPL)).toBe(1)
    await expect(send('reminders', {})).resolves.toMatchObject({ errCode: 0, msgid: 1 })
    expect(wechat.remaining(member, TMPL)).toBe(0)
    expect(await errCodeOf(send('reminders', {}))).toMatchObject({ errCode: 43101 })
  })

  test('a function whose config.json does not declare the API: -604101, and nothing is spent', async () => {
    wechat.accept(member, [TMPL])
    expect(await errCodeOf(send('org', {}))).toMatchObject({ errCode: NO_OPENAPI_PERMISSION })
    expect(await errCodeOf(send('meetings', {}))).toMatchObject({ errCode: -604101 })
    // A call from outside any function invocation is not a cloud call either.
    expect(await errCodeOf(send(null, {}))).toMatchObject({ errCode: -604101 })
    expect(wechat.remaining(member, TMPL)).toBe(1)
    // With the permission declared (any function, here by injection) it goes through.
    const permitted = createLocalWechat({ templateIds: () => [TMPL], permissions: () => ['subscribeMessage.send'] })
    permitted.accept(member, [TMPL])
    t.service.onOpenApi = (api, payload, caller) => permitted.answer(api, payload, caller)
    await expect(send('org', {})).resolves.toMatchObject({ errCode: 0 })
  })

  test('an openid WeChat never issued to this mini-program: 40003', async () => {
    wechat.accept(member, [TMPL])
    expect(await errCodeOf(send('reminders', { touser: 'oFAKE-from-another-app' }))).toMatchObject({ errCode: 40003 })
  })

  test('a template id the mini-program does not have: 40037, the accept kept', async () => {
    wechat.accept(member, [TMPL])
    expect(await errCodeOf(send('reminders', { templateId: 'LOCAL_TMPL_unknown' }))).toMatchObject({ errCode: 40037 })
    expect(wechat.remaining(member, TMPL)).toBe(1)
  })

  test('a value its type does not take: 47003 naming the field, the accept kept', async () => {
    wechat.accept(member, [TMPL], 1)
    const r = await errCodeOf(send('reminders', { data: { ...good, thing3: { value: '一二三四五六七八九十一二三四五六七八九十一' } } }))
    expect(r.errCode).toBe(47003)
    expect(r.errMsg).toContain('data.thing3.value')
    expect(await errCodeOf(send('reminders', { data: { ...good, thing1: { value: '主题\n党日' } } }))).toMatchObject({ errCode: 47003, errMsg: expect.stringContaining('thing1') })
    expect(wechat.remaining(member, TMPL)).toBe(1)
  })

  test.each([
    ['thing1', '二十个字以内的事项名称可以发送成功了吧好', '二十一个字的事项名称超出了二十个字的上限了'],
    ['number2', '12345678901234567890123456789012', '123456789012345678901234567890123'],
    ['number3', '3.5', '三'],
    ['letter4', 'A'.repeat(32), 'A'.repeat(33)],
    ['symbol5', '#-%!', '#-%!*/'],
    ['character_string6', 'ZB-2026-0001', 'ZB 2026'],
    ['character_string7', 'x'.repeat(32), 'x'.repeat(33)],
    ['time8', '2026年11月26日 09:30', '2026-11-26 09:30'],
    ['time9', '15:01', '25:01'],
    ['date10', '2026年11月26日', '2026/11/26'],
    ['amount11', '¥100.50', '¥12345678901'],
    ['amount12', '100元', '一百元'],
    ['phone_number13', '+86 138-0000-0000', '+86 138-0000-0000-00'],
    ['name14', '张建国', '欧阳一二三四五六七八九'],
    ['name15', 'A'.repeat(20), 'A'.repeat(21)],
    ['phrase16', '已完成', '已经全部完成了'],
  ])('%s: %j passes, %j is refused', (key, accepted, refused) => {
    expect(invalidField({ [key]: { value: accepted } })).toBeNull()
    expect(invalidField({ [key]: { value: refused } })).toBe(key)
  })

  test('empty values, unknown keyword types and non-string values are refused too', () => {
    expect(invalidField({ thing1: { value: '  ' } })).toBe('thing1')
    expect(invalidField({ weird1: { value: 'x' } })).toBe('weird1')
    expect(invalidField({ thing1: { value: 3 } })).toBe('thing1')
    expect(invalidField({ thing1: { value: '第一行\r第二行' } })).toBe('thing1')
  })

  test('the calling function is read from the invocation tag', () => {
    const names = ['org', 'reminders']
    expect(functionOfTag('reminders.tick#3', names)).toBe('reminders')
    expect(functionOfTag('reminders#12', names)).toBe('reminders')
    expect(functionOfTag('reminders-count#1', names)).toBeNull()
    expect(functionOfTag('', names)).toBeNull()
  })

  test('accepts survive a restart (kept in the data directory); reset forgets them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhibu-wechat-'))
    try {
      const file = join(dir, 'wechat.json')
      const a = createLocalWechat({ file, templateIds: () => [TMPL] })
      a.accept(member, [TMPL], 2)
      const b = createLocalWechat({ file, templateIds: () => [TMPL] })
      expect(b.remaining(member, TMPL)).toBe(2)
      b.adoptSubs([{ openid: 'dev_m_seeded', quota: { themeDay: 2, meeting: 0 } }])
      expect(createLocalWechat({ file }).remaining('dev_m_seeded', 'LOCAL_TMPL_themeDay')).toBe(2)
      b.reset()
      expect(createLocalWechat({ file }).remaining(member, TMPL)).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the host: the app reports an accept, the timer delivers one message, the outbox holds only delivered ones', () => {
  jest.setTimeout(60_000)
  test('吴刚 turns 主题党日 reminders on (H5: accepted), the eve timer delivers his one message; members this WeChat never saw get 40003 and keep their accepts', async () => {
    const stack = await startTestCloud({ at: '2026-11-20T02:00:00.000Z' })
    const host = await createHost({ db: stack.db, mode: 'source', timers: true })
    try {
      const formal = devOpenid(DEMO.m.formal)
      // The H5 app's own call (POST /api/reminders), as the e2e makes it after the adapter's accept.
      const base = await host.listen(0)
      const res = await fetch(`${base}/api/reminders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-zhibu-openid': formal },
        body: JSON.stringify({ action: 'subscribed', input: { accepted: ['themeDay'] } }),
      })
      ok((await res.json()) as never)
      expect(host.wechat.remaining(formal, 'LOCAL_TMPL_themeDay')).toBe(1)
      // host.invoke (bench, tools) reports accepts the same way.
      ok((await host.invoke('reminders', 'subscribed', { accepted: ['task'] }, formal)) as never)
      expect(host.wechat.remaining(formal, 'LOCAL_TMPL_task')).toBe(1)
      const day = themeDayOf({ kind: 'day-of-month', day: 26, shiftIfHoliday: true }, shiftMonth(monthOf(beijingDate(clock.now())), 2))
      clock.set(`${addDays(day, -1)}T18:00:00+08:00`)
      // Every timer as the host runs them (each run tagged with its function: the permission check sees reminders).
      await host.runTimers()
      const mine = host.outbox.filter((m) => (m.payload as { touser: string }).touser === formal)
      expect(mine).toHaveLength(1)
      expect(mine[0]?.payload).toMatchObject({ template_id: 'LOCAL_TMPL_themeDay' })
      expect(host.wechat.remaining(formal, 'LOCAL_TMPL_themeDay')).toBe(0)
      // The seeded members never opened the app with this (fresh, in-memory) WeChat: 40003, nothing delivered,
      // and their banked accepts are kept (npm start gives the seeded accepts to its WeChat: wechatForDataDir).
      expect(host.outbox.every((m) => (m.payload as { touser: string }).touser === formal)).toBe(true)
      const sec = (stack.db.dump('reminder_log') as { memberId: string; status: string; reason: string; topic: string }[]).find((l) => l.memberId === DEMO.m.secretary && l.topic === 'theme-day' && l.status !== 'sent' && l.reason === '40003')
      expect(sec).toMatchObject({ status: 'failed', reason: '40003' })
      expect((stack.db.dump('reminder_subs').find((x) => x._id === DEMO.m.secretary) as { quota: { themeDay: number } }).quota.themeDay).toBe(3)
    } finally {
      await host.close()
      await stack.close()
    }
  })
})
