import { act, renderHook, waitFor } from '@testing-library/react'
import { encode } from 'uqr'
import { fail, installFakeApi, ok } from '@/test-utils/fake-api'
import { meetingWhen, secondsUntil } from './labels'
import { emptyMeetingForm, validateMeetingForm } from './meeting-form'
import { qrSvg } from './qr'
import { NO_POSITION, NOT_OUR_CODE, OTHER_MEETING, meetingOfCode, scanAndSignIn } from './sign-in'
import { useHostCode, useMeetingList } from './use-meetings'

let api: ReturnType<typeof installFakeApi> | null = null
afterEach(() => {
  api?.restore()
  api = null
  jest.useRealTimers()
})

const CODE = 'ZB1.mt_1.118000000.abcdefghijklmnopqrstuv'
/** The host screen's instant: the phone's clock and the server's agree on it. */
const HOST_NOW = '2026-11-26T06:30:10.000Z'
const host = (present: number, code = CODE) => ({
  meetingId: 'mt_1',
  topic: '主题党日',
  state: 'open',
  code,
  refreshAt: '2026-11-26T06:30:15.000Z',
  expiresAt: '2026-11-26T06:30:30.000Z',
  serverNow: HOST_NOW,
  opensAt: '2026-11-26T06:00:00.000Z',
  closesAt: '2026-11-26T07:00:00.000Z',
  due: 29,
  present,
  leave: 1,
})

describe('useHostCode', () => {
  it('polls the host screen and shows the latest code and count', async () => {
    jest.useFakeTimers({ now: Date.parse(HOST_NOW) })
    let present = 0
    api = installFakeApi(() => ok(host(present++, `ZB1.mt_1.${118000000 + present}.abcdefghijklmnopqrstuv`)))
    const { result, unmount } = renderHook(() => useHostCode('mt_1', true, 3000))
    await waitFor(() => expect(result.current.view?.present).toBe(0))
    await act(async () => {
      jest.advanceTimersByTime(3000)
    })
    await waitFor(() => expect(result.current.view?.present).toBe(1))
    expect(result.current.view?.code).toBe('ZB1.mt_1.118000002.abcdefghijklmnopqrstuv')
    expect(api.calls.every((c) => c.fn === 'meetings' && c.action === 'hostCode')).toBe(true)
    unmount()
    const calls = api.calls.length
    await act(async () => {
      jest.advanceTimersByTime(9000)
    })
    expect(api.calls.length).toBe(calls)
  })

  it('does not poll while the page is hidden and keeps the server message on errors', async () => {
    api = installFakeApi(() => fail('FORBIDDEN', '您没有权限进行此操作'))
    const hidden = renderHook(() => useHostCode('mt_1', false))
    expect(api.calls).toHaveLength(0)
    hidden.unmount()
    const { result } = renderHook(() => useHostCode('mt_1', true))
    await waitFor(() => expect(result.current.error?.message).toBe('您没有权限进行此操作'))
  })
})

describe('useMeetingList', () => {
  it('asks for upcoming or past meetings', async () => {
    api = installFakeApi(({ input }) => ok({ meetings: [], hasMore: (input as { when: string }).when === 'past' }))
    const { result } = renderHook(() => useMeetingList('past'))
    await waitFor(() => expect(result.current.data?.hasMore).toBe(true))
    expect(api.calls[0]).toEqual({ fn: 'meetings', action: 'listMeetings', input: { when: 'past', page: { limit: 20 } } })
  })
})

describe('sign-in flow', () => {
  it('reads the meeting from the code and refuses foreign codes before calling the server', () => {
    expect(meetingOfCode(CODE)).toEqual({ meetingId: 'mt_1' })
    expect(meetingOfCode(CODE, 'mt_1')).toEqual({ meetingId: 'mt_1' })
    expect(meetingOfCode(CODE, 'mt_2')).toEqual({ error: OTHER_MEETING })
    expect(meetingOfCode('https://example.com')).toEqual({ error: NOT_OUR_CODE })
  })

  it('scans (h5: the prompt), signs in, and passes the server message on', async () => {
    const prompt = jest.spyOn(window, 'prompt').mockReturnValue(CODE)
    api = installFakeApi(() => ok({ id: 'mt_1_m1', meetingId: 'mt_1', memberId: 'm1', memberName: '吴刚', at: '2026-11-26T06:20:00.000Z', via: 'scan', markedByName: null, repeat: false }))
    expect((await scanAndSignIn({ meetingId: 'mt_1' }))?.memberName).toBe('吴刚')
    expect(api.calls[0]?.input).toEqual({ meetingId: 'mt_1', code: CODE })
    api.restore()
    api = installFakeApi(() => fail('RULE_VIOLATED', '签到码已过期（超过30秒），请扫描主持人手机上正在显示的二维码'))
    await expect(scanAndSignIn({ meetingId: 'mt_1' })).rejects.toThrow('签到码已过期')
    prompt.mockReturnValue(null)
    expect(await scanAndSignIn()).toBeNull()
    prompt.mockRestore()
  })
})

describe('sign-in with the place checked', () => {
  const attendance = { id: 'mt_1_m1', meetingId: 'mt_1', memberId: 'm1', memberName: '吴刚', at: '2026-11-26T06:20:00.000Z', via: 'scan', markedByName: null, repeat: false }
  const HERE = { latitude: 28.2282, longitude: 112.9388 }
  /** The browser's geolocation answering `coords`, or refusing when null. */
  const geolocation = (coords: typeof HERE | null): void => {
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (yes: (p: { coords: typeof HERE }) => void, no: (e: unknown) => void) => (coords ? yes({ coords }) : no({ code: 1 })),
      },
    })
  }
  let prompt: jest.SpyInstance
  beforeEach(() => {
    prompt = jest.spyOn(window, 'prompt').mockReturnValue(CODE)
  })
  afterEach(() => prompt.mockRestore())

  it('sends the position with the code when the meeting checks the place', async () => {
    geolocation(HERE)
    api = installFakeApi(() => ok(attendance))
    await scanAndSignIn({ meetingId: 'mt_1', checksPlace: true })
    expect(api.calls.map((c) => c.input)).toEqual([{ meetingId: 'mt_1', code: CODE, location: { lat: 28.2282, lng: 112.9388 } }])
  })

  it('from the tab page: asks for the position only when the server says the meeting needs it, then retries once', async () => {
    geolocation(HERE)
    api = installFakeApi((c) =>
      (c.input as { location?: unknown }).location
        ? ok(attendance)
        : { ok: false, error: { code: 'RULE_VIOLATED', message: '本次会议需要核对位置', details: { rule: 'LOCATION_REQUIRED' } } },
    )
    expect((await scanAndSignIn())?.memberName).toBe('吴刚')
    expect(api.calls.map((c) => c.input)).toEqual([
      { meetingId: 'mt_1', code: CODE },
      { meetingId: 'mt_1', code: CODE, location: { lat: 28.2282, lng: 112.9388 } },
    ])
  })

  it('a refused position is a clear message and no call; remote attendance sends no position', async () => {
    geolocation(null)
    api = installFakeApi(() => ok(attendance))
    await expect(scanAndSignIn({ meetingId: 'mt_1', checksPlace: true })).rejects.toThrow(NO_POSITION)
    expect(api.calls).toHaveLength(0)
    await scanAndSignIn({ meetingId: 'mt_1', checksPlace: true, remote: true })
    expect(api.calls.map((c) => c.input)).toEqual([{ meetingId: 'mt_1', code: CODE, remote: true }])
  })
})

describe('QR image', () => {
  it('draws exactly the dark modules the encoder produced', () => {
    const { svg, size } = qrSvg(CODE, 2)
    const qr = encode(CODE, { ecc: 'M', border: 2 })
    expect(size).toBe(qr.size)
    const dark = qr.data.flat().filter(Boolean).length
    const drawn = [...svg.matchAll(/M\d+ \d+h(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0)
    expect(drawn).toBe(dark)
    expect(/^[\x20-\x7e]*$/.test(svg)).toBe(true)
  })
})

describe('meeting form', () => {
  it('validates with the contract and asks for a group for 党小组会', () => {
    const bad = validateMeetingForm(emptyMeetingForm({ kind: 'group', topic: '学习', date: '2026-12-01', place: '会议室', hostId: 'm1', recorderId: 'm2' }))
    expect(bad).toEqual({ ok: false, errors: { groupId: '党小组会请选择党小组' } })
    const missing = validateMeetingForm(emptyMeetingForm())
    expect(missing.ok ? {} : missing.errors).toMatchObject({ kind: '请选择会议类型', topic: '请填写会议主题', date: '请选择日期', place: '请填写地点' })
    const good = validateMeetingForm(emptyMeetingForm({ kind: 'theme-day', topic: ' 主题党日 ', date: '2026-12-28', place: '党群服务中心', hostId: 'm1', recorderId: 'm2', agenda: '重温入党誓词\n\n集中学习' }))
    expect(good.ok && good.fields).toMatchObject({ topic: '主题党日', agenda: ['重温入党誓词', '集中学习'], groupId: null, location: null })
  })

  it('sends the meeting place with its radius when the place is checked', () => {
    const base = { kind: 'theme-day' as const, topic: '主题党日', date: '2026-12-28', place: '党群服务中心', hostId: 'm1', recorderId: 'm2' }
    const placed = validateMeetingForm(emptyMeetingForm({ ...base, location: { lat: 28.22823456789, lng: 112.9388 }, radiusM: '1000' }))
    expect(placed.ok && placed.fields.location).toEqual({ lat: 28.228235, lng: 112.9388, radiusM: 1000 })
    const wrong = validateMeetingForm(emptyMeetingForm({ ...base, location: { lat: 120, lng: 0 } }))
    expect(wrong.ok ? {} : wrong.errors).toEqual({ location: '会场位置不正确，请重新定位' })
  })
})

describe('labels', () => {
  it('formats a meeting time with its weekday and counts down', () => {
    expect(meetingWhen('2026-11-26', '14:30')).toBe('11月26日 周四 14:30')
    expect(secondsUntil('2026-01-01T00:00:10.000Z', Date.parse('2026-01-01T00:00:00.500Z'))).toBe(10)
    expect(secondsUntil(null, 0)).toBe(0)
  })
})
