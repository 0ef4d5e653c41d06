/**
 * org.updateBranch (branch settings): profile and 主题党日 rule; a group with members cannot be removed.
 */
import { DEMO, errCode, ok } from '../../../tests/support/cloud'
import { formal, sec, orgCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20.
const AT = '2026-11-20T02:00:00.000Z'
const { call } = orgCloud(AT)

describe('roles and branch settings', () => {
  test('branch settings: profile and 主题党日 rule; a group with members cannot be removed', async () => {
    const b = ok(await call('updateBranch', { profileId: 'national-2018', themeDayRule: { kind: 'nth-weekday', n: 2, weekday: 5 } }, sec))
    expect(b.profileId).toBe('national-2018')
    expect(ok(await call('getBranch', {}, formal)).themeDayRule).toEqual({ kind: 'nth-weekday', n: 2, weekday: 5 })
    const r = await call('updateBranch', { groups: [{ id: DEMO.groups.g1, name: '第一党小组' }] }, sec)
    expect(errCode(r)).toBe('RULE_VIOLATED')
    ok(await call('updateBranch', { profileId: 'hunan-wuhua-2018', themeDayRule: { kind: 'day-of-month', day: 26, shiftIfHoliday: true } }, sec))
  })
})
