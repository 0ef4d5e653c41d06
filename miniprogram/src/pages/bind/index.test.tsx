import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { BOUND_ME, UNBOUND_ME } from '@/test-utils/fixtures'
import { fail, installFakeApi, ok } from '@/test-utils/fake-api'
import { getMeState, resetMe, setMe } from '@/features/org/me-store'
import BindPage, { checkCode, normaliseCode } from './index'

const switchTab = Taro.switchTab as unknown as jest.Mock
let api: ReturnType<typeof installFakeApi>

beforeEach(() => {
  resetMe()
  setMe(UNBOUND_ME)
  switchTab.mockClear()
})
afterEach(() => api?.restore())

const input = () => screen.getByPlaceholderText('8位邀请码') as HTMLInputElement
const submit = () => fireEvent.click(screen.getByText('确认绑定'))

describe('绑定 page', () => {
  it('binds with the code, stores the new identity and goes to 首页', async () => {
    api = installFakeApi(({ action, input: i }) => (action === 'bind' && (i as { code: string }).code === 'K7PQ3MZX' ? ok(BOUND_ME) : fail('NOT_FOUND', '?')))
    render(<BindPage />)
    fireEvent.change(input(), { target: { value: 'k7pq 3mzx' } })
    expect(input().value).toBe('K7PQ3MZX')
    submit()
    await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }))
    expect(api.calls).toEqual([{ fn: 'org', action: 'bind', input: { code: 'K7PQ3MZX' } }])
    expect(getMeState().me?.member?.name).toBe('王建国')
  })

  it('shows the server’s Chinese message under the input', async () => {
    api = installFakeApi(() => fail('NOT_FOUND', '邀请码不正确或已过期，请向支部确认'))
    render(<BindPage />)
    fireEvent.change(input(), { target: { value: 'WXYZ9999' } })
    submit()
    expect(await screen.findByText('邀请码不正确或已过期，请向支部确认')).toBeTruthy()
    expect(switchTab).not.toHaveBeenCalled()
  })

  it('checks the code before asking the server', () => {
    api = installFakeApi(() => ok(BOUND_ME))
    render(<BindPage />)
    fireEvent.change(input(), { target: { value: 'ABC' } })
    submit()
    expect(screen.getByText('邀请码共8位，您输入了3位')).toBeTruthy()
    fireEvent.change(input(), { target: { value: 'ABCD0000' } })
    submit()
    expect(screen.getByText('邀请码中没有数字0、1和字母O、I，请仔细核对')).toBeTruthy()
    expect(api.calls).toHaveLength(0)
  })
})

describe('a 上级党委 admin who is not a member', () => {
  it('gets their own entries (overview, 设立党支部) instead of a dead end; the first-run link is gone', () => {
    setMe({ ...UNBOUND_ME, adminOrgs: [{ id: 'org_1', name: '示范街道党工委' }] })
    const navigateTo = Taro.navigateTo as unknown as jest.Mock
    navigateTo.mockClear()
    render(<BindPage />)
    expect(screen.getByText('「示范街道党工委」')).toBeTruthy()
    fireEvent.click(screen.getByText('各支部工作概况'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/workbench/overview/index' })
    expect(screen.queryByText('我是上级党委管理员，首次使用')).toBeNull()
    expect(switchTab).not.toHaveBeenCalled()
  })

  it('an ordinary unbound user sees only the invite form and the first-run link', () => {
    render(<BindPage />)
    expect(screen.queryByText('各支部工作概况')).toBeNull()
    expect(screen.getByText('我是上级党委管理员，首次使用')).toBeTruthy()
  })
})

describe('code helpers', () => {
  it('normalises what a member types', () => {
    expect(normaliseCode(' ab-cd 2345xyz')).toBe('ABCD2345')
  })
  it('explains look-alike characters', () => {
    expect(checkCode('ABCD2345')).toBeNull()
    expect(checkCode('ABCDI234')).toMatch(/没有数字0、1和字母O、I/)
  })
})
