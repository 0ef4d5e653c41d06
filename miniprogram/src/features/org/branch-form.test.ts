import { BRANCH } from '@/test-utils/fixtures'
import { checkBranchForm, formFromBranch, inputFromForm, ruleFromForm } from './branch-form'

describe('branch form', () => {
  const form = formFromBranch(BRANCH)

  it('turns the branch into an updateBranch input that keeps group ids', () => {
    expect(inputFromForm(form)).toEqual({
      name: '第一党支部',
      profileId: 'hunan-wuhua-2018',
      themeDayRule: { kind: 'day-of-month', day: 26, shiftIfHoliday: true },
      termStartedAt: '2023-06-30',
      termEndsAt: '2026-06-29',
      duesDay: 26,
      groups: [
        { id: 'g1', name: '第一党小组', leaderId: 'm3' },
        { id: 'g2', name: '第二党小组', leaderId: null },
      ],
    })
    expect(checkBranchForm(form)).toBeNull()
  })

  it('builds each kind of 主题党日 rule', () => {
    expect(ruleFromForm({ ...form, ruleKind: 'nth-weekday', n: -1, weekday: 5, shiftIfHoliday: false })).toEqual({
      kind: 'nth-weekday',
      n: -1,
      weekday: 5,
      shiftIfHoliday: false,
    })
    expect(ruleFromForm({ ...form, ruleKind: 'lunar-day', lunarDay: 8 })).toEqual({ kind: 'lunar-day', day: 8, shiftIfHoliday: true })
  })

  it.each([
    [{ name: '  ' }, '支部名称：不能为空'],
    [{ termStartedAt: '2026-01-01', termEndsAt: '2025-12-31' }, '任期届满日期应晚于开始日期'],
    [{ groups: [{ key: 'a', name: '第一组', leaderId: null }, { key: 'b', name: '第一组 ', leaderId: null }] }, '党小组名称不能重复'],
    [{ groups: [{ key: 'a', name: '', leaderId: null }] }, '第1个党小组：不能为空'],
  ])('refuses %o with “%s”', (patch, message) => {
    expect(checkBranchForm({ ...form, ...patch })).toBe(message)
  })

  it('starts new groups without an id', () => {
    const input = inputFromForm({ ...form, groups: [{ key: 'new-1', name: '新党小组', leaderId: null }] })
    expect(input.groups).toEqual([{ name: '新党小组', leaderId: null }])
  })
})
