import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { BOUND_ME, ROSTER, meWith } from '@/test-utils/fixtures'
import { installFakeApi, ok } from '@/test-utils/fake-api'
import { resetMe, setMe } from '@/features/org/me-store'
import MembersPage from './index'

const navigateTo = Taro.navigateTo as unknown as jest.Mock
let api: ReturnType<typeof installFakeApi>

beforeEach(() => {
  resetMe()
  navigateTo.mockClear()
  api = installFakeApi(({ input }) => {
    const groupId = (input as { groupId?: string }).groupId
    const members = groupId ? ROSTER.filter((m) => m.groupId === groupId) : ROSTER
    return ok({ members, total: members.length })
  })
})
afterEach(() => api.restore())

const names = () => screen.queryAllByTestId('member-row').map((r) => r.querySelector('.member-row__name')?.textContent)

describe('党员名册', () => {
  it('lists the roster with binding state and filters by name and 党小组', async () => {
    setMe(BOUND_ME)
    render(<MembersPage />)
    await screen.findByText('李秀英')
    expect(names()).toEqual(['王建国', '李秀英', '张伟', '刘芳', '赵磊'])
    const liu = screen.getAllByTestId('member-row')[3]!
    expect(within(liu).getByText('未绑定')).toBeTruthy()
    expect(within(liu).getByText('预备党员')).toBeTruthy()

    fireEvent.change(screen.getByPlaceholderText('按姓名搜索'), { target: { value: '张' } })
    expect(names()).toEqual(['张伟'])
    fireEvent.change(screen.getByPlaceholderText('按姓名搜索'), { target: { value: '' } })

    fireEvent.click(screen.getByTestId('group-chip-g2'))
    expect(names()).toEqual(['刘芳'])
    fireEvent.click(screen.getByTestId('group-chip-__none__'))
    expect(names()).toEqual(['赵磊'])
    expect(screen.getByText('（全支部 5 人）')).toBeTruthy()
  })

  it('opens a member and offers 添加党员 to those who may add', async () => {
    setMe(BOUND_ME)
    render(<MembersPage />)
    fireEvent.click(await screen.findByText('刘芳'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/admin/member-detail/index?memberId=m4' })
    fireEvent.click(screen.getByTestId('add-member'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/admin/member-edit/index' })
  })

  it('shows a 党小组长 only their own group, without the add button', async () => {
    setMe(meWith({ roles: ['group-leader'], groupId: 'g2' }))
    render(<MembersPage />)
    await screen.findByText('刘芳')
    expect(api.calls[0]?.input).toEqual({ groupId: 'g2', page: { limit: 200 } })
    expect(screen.queryByTestId('group-filter')).toBeNull()
    expect(screen.queryByTestId('add-member')).toBeNull()
  })

  it('refuses a plain member', () => {
    setMe(meWith({ roles: [] }))
    render(<MembersPage />)
    expect(screen.getByText('您没有权限进行此操作')).toBeTruthy()
    expect(api.calls).toHaveLength(0)
  })
})
