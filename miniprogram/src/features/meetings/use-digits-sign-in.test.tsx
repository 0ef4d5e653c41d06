/**
 * The typed sign-in fallback: keeps only digits, is ready at six, sends `{ meetingId, digits }` (with the
 * position when the meeting checks the place), keeps the server's refusal on the form, closes on success;
 * and `themeDayOfMonth`, which picks the month's 主题党日 for the 组织生活 tab.
 */
import { act, renderHook } from '@testing-library/react'
import type { MeetingSummary } from '@shared/contract/meetings'
import { fail, installFakeApi, ok } from '@/test-utils/fake-api'
import { themeDayOfMonth } from './components/ThemeDayCard'
import { DIGITS_NEEDED, cleanDigits, signInWithDigits } from './sign-in'
import { useDigitsSignIn } from './use-digits-sign-in'

let api: ReturnType<typeof installFakeApi> | null = null
afterEach(() => {
  api?.restore()
  api = null
})

const attendance = { id: 'mt_1_m1', meetingId: 'mt_1', memberId: 'm1', memberName: '吴刚', at: '2026-11-26T06:20:00.000Z', via: 'scan', markedByName: null, repeat: false }

describe('typed digits', () => {
  it('keeps the digits of what is typed (full-width too), at most six', () => {
    expect(cleanDigits('123 456')).toBe('123456')
    expect(cleanDigits('１２３-４５６')).toBe('123456')
    expect(cleanDigits('12345678')).toBe('123456')
    expect(cleanDigits('ab')).toBe('')
  })

  it('refuses fewer than six digits without calling the server', async () => {
    api = installFakeApi(() => ok(attendance))
    await expect(signInWithDigits('mt_1', '12345')).rejects.toThrow(DIGITS_NEEDED)
    expect(api.calls).toHaveLength(0)
  })
})

describe('useDigitsSignIn', () => {
  it('opens, takes six digits, signs in with them and closes', async () => {
    api = installFakeApi(() => ok(attendance))
    const { result } = renderHook(() => useDigitsSignIn('mt_1'))
    expect(result.current.open).toBe(false)
    act(() => result.current.show())
    act(() => result.current.setDigits('12 345'))
    expect(result.current).toMatchObject({ open: true, digits: '12345', ready: false })
    act(() => result.current.setDigits('123456'))
    expect(result.current.ready).toBe(true)
    let done: unknown
    await act(async () => {
      done = await result.current.submit()
    })
    expect(done).toMatchObject({ memberName: '吴刚' })
    expect(api.calls).toEqual([{ fn: 'meetings', action: 'signIn', input: { meetingId: 'mt_1', digits: '123456' } }])
    expect(result.current).toMatchObject({ open: false, digits: '', error: null })
  })

  it('keeps the server\'s refusal on the form until the member types again', async () => {
    api = installFakeApi(() => fail('RATE_LIMITED', '数字签到码输错次数过多，请10分钟后再试，或请记录人为您登记到会'))
    const { result } = renderHook(() => useDigitsSignIn('mt_1'))
    act(() => result.current.show())
    act(() => result.current.setDigits('000000'))
    await act(async () => {
      expect(await result.current.submit()).toBeUndefined()
    })
    expect(result.current).toMatchObject({ open: true, digits: '000000', error: '数字签到码输错次数过多，请10分钟后再试，或请记录人为您登记到会' })
    act(() => result.current.setDigits('00000'))
    expect(result.current.error).toBeNull()
    act(() => result.current.hide())
    expect(result.current).toMatchObject({ open: false, digits: '' })
  })
})

describe('themeDayOfMonth', () => {
  const m = (id: string, over: Partial<MeetingSummary> = {}): MeetingSummary => ({
    id,
    kind: 'theme-day',
    topic: '主题党日',
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
  const NOV_20 = Date.parse('2026-11-20T02:00:00.000Z')

  it('picks the month\'s next or today\'s, never a cancelled one, another kind or next month\'s', () => {
    const list = [
      m('group', { kind: 'group', date: '2026-11-21', startsAt: '2026-11-21T02:00:00.000Z' }),
      m('cancelled', { status: 'cancelled', date: '2026-11-24', startsAt: '2026-11-24T06:30:00.000Z' }),
      m('dec', { date: '2026-12-28', startsAt: '2026-12-28T06:30:00.000Z' }),
      m('nov'),
      m('oct', { date: '2026-10-26', startsAt: '2026-10-26T06:30:00.000Z', status: 'held' }),
    ]
    expect(themeDayOfMonth(list, NOV_20)?.id).toBe('nov')
    // 23:00 Beijing on the day itself, after it was held: still today's.
    expect(themeDayOfMonth([m('nov', { status: 'held', signIn: 'closed' })], Date.parse('2026-11-26T15:00:00.000Z'))?.id).toBe('nov')
    expect(themeDayOfMonth(list, Date.parse('2026-11-26T16:00:00.000Z'))).toBeNull()
    expect(themeDayOfMonth([], NOV_20)).toBeNull()
  })
})
