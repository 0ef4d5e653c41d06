import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { BOUND_ME, member } from '@/test-utils/fixtures'
import { installFakeApi, ok } from '@/test-utils/fake-api'
import { resetMe, setMe } from '@/features/org/me-store'
import MemberDetailPage from './index'

const setClipboardData = Taro.setClipboardData as unknown as jest.Mock
// The jest stand-in for @tarojs/taro (tests/support/taro.ts) lets a test choose the page's query.
const { __setRouterParams } = require('@tarojs/taro') as { __setRouterParams: (p: Record<string, string>) => void }
let api: ReturnType<typeof installFakeApi>
let current = member('m4', '刘芳', { bound: false })

beforeEach(() => {
  resetMe()
  setMe(BOUND_ME)
  __setRouterParams({ memberId: 'm4' })
  setClipboardData.mockClear()
  api = installFakeApi(({ action, input }) => {
    if (action === 'getMember') return ok(current)
    if (action === 'createInvite') return ok({ code: 'K7PQ3MZX', expiresAt: '2025-07-08T04:05:00Z', memberName: current.name })
    if (action === 'unbindMember') {
      current = { ...current, bound: false }
      return ok(current)
    }
    throw new Error(`unexpected ${action} ${JSON.stringify(input)}`)
  })
})
afterEach(() => api.restore())

describe('党员详情', () => {
  it('issues an invite code and shows it large with its Beijing-time expiry and a copy button', async () => {
    current = member('m4', '刘芳', { bound: false })
    render(<MemberDetailPage />)
    fireEvent.click(await screen.findByTestId('create-invite'))
    expect((await screen.findByTestId('invite-code-value')).textContent).toBe('K7PQ3MZX')
    expect(screen.getByText('有效期至 2025年7月8日 12:05')).toBeTruthy()
    fireEvent.click(screen.getByTestId('invite-copy'))
    expect(setClipboardData).toHaveBeenCalledWith({ data: 'K7PQ3MZX' })
    expect(api.calls.map((c) => c.action)).toEqual(['getMember', 'createInvite'])
  })

  it('unbinds only after the confirmation, sending the chosen reason', async () => {
    current = member('m2', '李秀英', { bound: true })
    render(<MemberDetailPage />)
    fireEvent.click(await screen.findByTestId('unbind'))
    expect(api.calls.map((c) => c.action)).toEqual(['getMember'])
    fireEvent.click(screen.getByText('绑定了错误的微信号'))
    fireEvent.click(screen.getByTestId('unbind-confirm'))
    await waitFor(() => expect(screen.getByTestId('bound-state').textContent).toBe('未绑定'))
    expect(api.calls[1]).toEqual({ fn: 'org', action: 'unbindMember', input: { memberId: 'm4', reason: '绑定了错误的微信号' } })
  })

  it('keeps the phone masked until asked', async () => {
    current = member('m4', '刘芳')
    render(<MemberDetailPage />)
    const toggle = await screen.findByTestId('phone-toggle')
    expect(toggle.textContent).toContain('138****5678')
    fireEvent.click(toggle)
    expect(toggle.textContent).toContain('13812345678')
  })
})
