// Tests of sign-in.ts.
import fc from 'fast-check'
import { codeTimes, codeWindowOf, codeWindowState, distanceMeters, SIGN_IN_CODE_RULE, signInState, signInWindow } from './sign-in'

describe('sign-in window (30 minutes before and after the start)', () => {
  const rule = { opensBeforeMinutes: 30, closesAfterMinutes: 30 }
  const start = '2024-05-26T06:30:00Z' // 14:30 Beijing
  test('window', () => {
    expect(signInWindow(start, rule)).toEqual({ opensAt: '2024-05-26T06:00:00.000Z', closesAt: '2024-05-26T07:00:00.000Z' })
  })
  test.each([
    ['2024-05-26T05:59:59Z', 'not-yet'],
    ['2024-05-26T06:00:00Z', 'open'],
    ['2024-05-26T06:30:00Z', 'open'],
    ['2024-05-26T07:00:00Z', 'open'],
    ['2024-05-26T07:00:01Z', 'closed'],
  ])('at %s → %s', (now, state) => {
    const w = signInWindow(start, rule)
    expect(signInState({ signInOpensAt: w.opensAt, signInClosesAt: w.closesAt }, now)).toBe(state)
  })
})

describe('signInState answers what each caller computed by hand', () => {
  // The comparisons the callers made on the stored window before they shared signInState.
  const m = { signInOpensAt: '2024-05-26T06:00:00.000Z', signInClosesAt: '2024-05-26T07:00:00.000Z' }
  const opens = Date.parse(m.signInOpensAt)
  const closes = Date.parse(m.signInClosesAt)
  const byHand = (t: number) => ({
    state: t < opens ? 'not-yet' : t > closes ? 'closed' : 'open', // meetings/model.ts signInStateOf (not locked, not cancelled)
    signInRefusal: t < opens ? 'not-yet' : t > closes ? 'closed' : null, // meetings.signIn
    markRefused: t < opens, // meetings.markAttendance
    upcoming: closes >= t, // meetings.myTasks
    recorderOpen: t >= opens, // the recorder page (not locked, planned)
  })
  const viaRule = (t: number) => {
    const state = signInState(m, t)
    return {
      state,
      signInRefusal: state === 'open' ? null : state,
      markRefused: state === 'not-yet',
      upcoming: state !== 'closed',
      recorderOpen: state !== 'not-yet',
    }
  }
  test.each([
    ['long before', Date.parse('2024-05-25T06:00:00Z')],
    ['a millisecond before it opens', opens - 1],
    ['as it opens', opens],
    ['inside', opens + 1_800_000],
    ['as it closes', closes],
    ['a millisecond after it closes', closes + 1],
    ['long after', Date.parse('2024-06-26T06:00:00Z')],
  ])('%s', (_label, t) => {
    expect(viaRule(t)).toEqual(byHand(t))
    expect(signInState(m, new Date(t))).toBe(byHand(t).state)
    expect(signInState(m, new Date(t).toISOString())).toBe(byHand(t).state)
  })
  test('property: the same answers at any instant', () => {
    fc.assert(fc.property(fc.integer({ min: opens - 86_400_000, max: closes + 86_400_000 }), (t) => expect(viaRule(t)).toEqual(byHand(t))))
  })
})

describe('rotating sign-in code timing', () => {
  test.each([
    [0, 0],
    [14_999, 0],
    [15_000, 1],
    [1_700_000_000_000, 113_333_333],
  ])('instant %d ms is window %d', (ms, w) => expect(codeWindowOf(ms)).toBe(w))

  test.each([
    [10, 10, 'ok'],
    [9, 10, 'ok'],
    [8, 10, 'expired'],
    [11, 10, 'future'],
    [1.5, 10, 'expired'],
  ] as const)('a code of window %d at window %d is %s', (code, now, state) => expect(codeWindowState(code, now)).toBe(state))

  test('a code is accepted for at most 30 s and the host refreshes it every 15 s', () => {
    expect(codeTimes(100)).toEqual({ refreshAt: 1_515_000, expiresAt: 1_530_000 })
    expect(SIGN_IN_CODE_RULE.windowSeconds * SIGN_IN_CODE_RULE.acceptWindows).toBe(30)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: 0, max: 120_000 }), (issued, age) => {
        const ok = codeWindowState(codeWindowOf(issued), codeWindowOf(issued + age)) === 'ok'
        // Always accepted within 15 s, never after 30 s.
        return (age >= 15_000 || ok) && (age < 30_000 || !ok)
      }),
    )
  })

  test('bad inputs', () => {
    expect(() => codeWindowOf(Number.NaN)).toThrow('时间格式不正确')
    expect(() => codeWindowOf(0, { windowSeconds: 0, acceptWindows: 2 })).toThrow('签到码时段秒数应为正整数')
    expect(() => codeWindowState(1, 1, { windowSeconds: 15, acceptWindows: 0 })).toThrow('可接受时段数应为正整数')
  })
})

describe('distance', () => {
  test('about 111 m per 0.001° of latitude; symmetric; zero to itself', () => {
    const a = { lat: 28.2282, lng: 112.9388 }
    expect(Math.round(distanceMeters(a, { lat: 28.2292, lng: 112.9388 }))).toBe(111)
    expect(distanceMeters(a, a)).toBe(0)
    fc.assert(
      fc.property(fc.double({ min: -89, max: 89, noNaN: true }), fc.double({ min: -179, max: 179, noNaN: true }), (lat, lng) => {
        const b = { lat, lng }
        return Math.abs(distanceMeters(a, b) - distanceMeters(b, a)) < 1e-6 && distanceMeters(a, b) <= 20_016_000
      }),
    )
    expect(() => distanceMeters(a, { lat: 91, lng: 0 })).toThrow('坐标不正确')
  })
})
