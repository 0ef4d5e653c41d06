import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { BOUND_ME, member } from '@/test-utils/fixtures'
import { fail, installFakeApi, ok } from '@/test-utils/fake-api'
import { resetMe, setMe } from '@/features/org/me-store'
import MemberEditPage from './index'

const redirectTo = Taro.redirectTo as unknown as jest.Mock
// The jest stand-in for @tarojs/taro (tests/support/taro.ts) lets a test choose the page's query.
const { __setRouterParams } = require('@tarojs/taro') as { __setRouterParams: (p: Record<string, string>) => void }
let api: ReturnType<typeof installFakeApi>

beforeEach(() => {
  resetMe()
  setMe(BOUND_ME)
  redirectTo.mockClear()
})
afterEach(() => api.restore())

const field = (name: string) => screen.getByTestId(`field-${name}`)
const errorOf = (name: string) => field(name).querySelector('.form-field__error')?.textContent ?? null

describe('添加党员', () => {
  it('shows inline errors from the contract and sends nothing', () => {
    __setRouterParams({})
    api = installFakeApi(() => ok(null))
    render(<MemberEditPage />)
    fireEvent.change(within(field('phone')).getByRole('textbox'), { target: { value: '1381234' } })
    fireEvent.click(screen.getByTestId('member-save'))
    expect(errorOf('name')).toBe('请填写姓名')
    expect(errorOf('gender')).toBe('请选择性别')
    expect(errorOf('phone')).toBe('手机号应为11位数字')
    expect(errorOf('joinedAt')).toBe('请选择入党日期')
    expect(errorOf('status')).toBe('请选择党员状态')
    expect(errorOf('formalAt')).toBeNull()
    expect(api.calls).toHaveLength(0)
  })

  it('creates the member and opens them to issue an invite', async () => {
    __setRouterParams({})
    api = installFakeApi(({ action, input }) =>
      action === 'createMember' ? ok(member('m9', (input as { fields: { name: string } }).fields.name, { bound: false })) : fail('INTERNAL', '?'),
    )
    render(<MemberEditPage />)
    fireEvent.change(within(field('name')).getByRole('textbox'), { target: { value: '孙小红' } })
    fireEvent.click(screen.getByTestId('field-gender-female'))
    fireEvent.click(field('joinedAt'))
    fireEvent.click(screen.getByText('确认'))
    fireEvent.click(screen.getByTestId('field-status-probationary'))
    fireEvent.click(field('groupId'))
    fireEvent.click(screen.getByRole('option', { name: '第二党小组' }))
    fireEvent.click(screen.getByTestId('member-save'))
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/subpackages/admin/member-detail/index?memberId=m9&created=1' }))
    const sent = api.calls[0]?.input as { fields: Record<string, unknown> }
    expect(sent.fields).toMatchObject({ name: '孙小红', gender: 'female', status: 'probationary', groupId: 'g2', formalAt: null })
    expect(sent.fields.joinedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('edits an existing member with updateMember', async () => {
    __setRouterParams({ memberId: 'm4' })
    const m = member('m4', '刘芳', { gender: 'female' })
    api = installFakeApi(({ action }) => (action === 'getMember' ? ok(m) : ok({ ...m, name: '刘芳芳' })))
    render(<MemberEditPage />)
    const name = within(await screen.findByTestId('field-name')).getByRole('textbox') as HTMLInputElement
    await waitFor(() => expect(name.value).toBe('刘芳'))
    fireEvent.change(name, { target: { value: '刘芳芳' } })
    fireEvent.click(screen.getByTestId('member-save'))
    await waitFor(() => expect(api.calls.map((c) => c.action)).toEqual(['getMember', 'updateMember']))
    expect(api.calls[1]?.input).toMatchObject({ memberId: 'm4', fields: { name: '刘芳芳', gender: 'female' } })
  })
})
