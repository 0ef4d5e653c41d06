import { act, renderHook, waitFor } from '@testing-library/react'
import { installFakeApi, ok } from '@/test-utils/fake-api'
import { TURNOUT_POLL_MS, useMyRound, useRoundAdmin } from './use-evaluation'

let api: ReturnType<typeof installFakeApi>
afterEach(() => {
  api.restore()
  jest.useRealTimers()
})

const admin = (voted: number, status: 'open' | 'closed') => ({ round: { id: 'r1', status, turnout: { voted, eligible: 30 } } })

describe('useMyRound', () => {
  it('asks for the latest round, or the one given', async () => {
    api = installFakeApi(() => ok({ round: null }))
    const latest = renderHook(() => useMyRound())
    await waitFor(() => expect(latest.result.current.data).toEqual({ round: null }))
    renderHook(() => useMyRound('ev_b1_2025'))
    await waitFor(() => expect(api.calls).toHaveLength(2))
    expect(api.calls.map((c) => [c.fn, c.action, c.input])).toEqual([
      ['evaluation', 'getRound', {}],
      ['evaluation', 'getRound', { roundId: 'ev_b1_2025' }],
    ])
  })
})

describe('useRoundAdmin', () => {
  it('polls turnout while voting runs, and stops once the round is closed', async () => {
    jest.useFakeTimers()
    let voted = 0
    let status: 'open' | 'closed' = 'open'
    // The live view's shape is checked by the client only loosely here: the hook only reads status.
    api = installFakeApi(() => ok(admin(voted, status)))
    const { result } = renderHook(() => useRoundAdmin())
    await waitFor(() => expect(result.current.data?.round?.turnout.voted).toBe(0))
    voted = 3
    await act(async () => {
      jest.advanceTimersByTime(TURNOUT_POLL_MS)
    })
    await waitFor(() => expect(result.current.data?.round?.turnout.voted).toBe(3))
    status = 'closed'
    await act(async () => {
      jest.advanceTimersByTime(TURNOUT_POLL_MS)
    })
    await waitFor(() => expect(result.current.data?.round?.status).toBe('closed'))
    const calls = api.calls.length
    await act(async () => {
      jest.advanceTimersByTime(TURNOUT_POLL_MS * 3)
    })
    expect(api.calls.length).toBe(calls)
  })
})
