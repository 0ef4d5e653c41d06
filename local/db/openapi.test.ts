// wx.openApi calls from the real wx-server-sdk reach the onOpenApi hook decoded, and its answer goes back.
import { startTestDb, type TestDb } from './test-support'

// wx-server-sdk ships no types we use here; the test only needs cloud.init and cloud.openapi.
const cloud = require('wx-server-sdk') as {
  init(opts: { env: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
  openapi: { subscribeMessage: { send(data: Record<string, unknown>): Promise<Record<string, unknown>> } }
}

let t: TestDb

beforeAll(async () => {
  t = await startTestDb()
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
})

afterAll(async () => {
  await t.close()
})

test('subscribeMessage.send: the hook gets the API name and snake_case payload; ok results resolve', async () => {
  const calls: { api: string; payload: unknown }[] = []
  t.service.onOpenApi = async (api, payload) => {
    calls.push({ api, payload })
    return { errcode: 0, errmsg: 'ok', msgid: 7 }
  }
  const res = await cloud.openapi.subscribeMessage.send({
    touser: 'openid-1',
    templateId: 'tmpl-1',
    page: 'pages/index/index',
    data: { thing1: { value: '主题党日' }, time2: { value: '2024年5月1日 09:00' } },
    miniprogramState: 'formal',
  })
  expect(res).toMatchObject({ errCode: 0, msgid: 7 })
  expect(calls).toEqual([
    {
      api: 'subscribeMessage.send',
      payload: {
        touser: 'openid-1',
        template_id: 'tmpl-1',
        page: 'pages/index/index',
        data: { thing1: { value: '主题党日' }, time2: { value: '2024年5月1日 09:00' } },
        miniprogram_state: 'formal',
      },
    },
  ])
})

test('a WeChat error answered by the hook is thrown by the SDK with that errCode', async () => {
  t.service.onOpenApi = async () => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
  await expect(cloud.openapi.subscribeMessage.send({ touser: 'o', templateId: 't', data: {} })).rejects.toMatchObject({
    errCode: 43101,
  })
})
