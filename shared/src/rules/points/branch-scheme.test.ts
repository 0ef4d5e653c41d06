// Tests of branch-scheme.ts.
import { HUNAN_WUHUA_2018 } from '../../profiles/hunan-wuhua-2018'
import { autoItemFor, type BranchScheme, BranchSchemeSchema, declarableItems, exclusionOf, schemePresets, toBranchScheme } from './branch-scheme'
import { BASE_60_SCHEME, PERCENT_QUARTERLY_SCHEME } from './scheme'
import { rankPoints } from './totals'

const base60 = toBranchScheme(BASE_60_SCHEME)

const percent = toBranchScheme(PERCENT_QUARTERLY_SCHEME)

describe('presets', () => {
  test('the profile scheme first, then 百分制 and 基础分60; all valid branch schemes', () => {
    const presets = schemePresets(HUNAN_WUHUA_2018)
    expect(presets.map((p) => p.id)).toEqual(['base-60', 'percent-quarterly'])
    for (const p of presets) expect(BranchSchemeSchema.safeParse(p.scheme).success).toBe(true)
    expect(presets[0]!.description).toBe('基础分60分 + 履职、奖励加分（5项）− 负面扣分（3项），按年度累计')
    expect(presets[1]!.description).toBe('百分制：每季从100分起评，4项扣分、2项加分，年度取平均')
    expect(schemePresets().map((p) => p.id)).toEqual(['percent-quarterly', 'base-60'])
  })
  test('志愿服务 is declarable and recordable by the branch; automatic items are not declarable', () => {
    const volunteer = base60.items.find((i) => i.code === 'volunteer')!
    expect(volunteer).toMatchObject({ declarable: true, auto: { source: 'volunteer', kinds: null }, needsApproval: true, evidenceRequired: false })
    expect(base60.items.find((i) => i.code === 'duty')?.evidenceRequired).toBe(true)
    expect(declarableItems(base60).map((i) => i.code)).toEqual(['duty', 'volunteer', 'honor'])
    expect(base60.items.find((i) => i.code === 'attendance')).toMatchObject({ declarable: false, needsApproval: false })
    expect(base60.declareDeadlineDay).toBe(5)
    expect(base60.publication).toEqual({ period: 'quarter', days: 7 })
  })
  test('the schema refuses broken schemes', () => {
    const ok = (patch: Partial<BranchScheme>) => BranchSchemeSchema.safeParse({ ...base60, ...patch }).success
    expect(ok({})).toBe(true)
    expect(ok({ publication: { period: 'quarter', days: 5 } })).toBe(false) // 公示 ≥ 7 days
    expect(ok({ max: 50 })).toBe(false)
    expect(ok({ floor: 70 })).toBe(false)
    expect(ok({ declareDeadlineDay: 31 })).toBe(false)
    expect(ok({ bands: [{ band: 'good', min: 80 }, { band: 'good', min: 60 }] })).toBe(false)
    const item = base60.items[0]!
    expect(ok({ items: [{ ...item, kind: 'deduct', declarable: true }] })).toBe(false)
    expect(ok({ items: [{ ...item, veto: true }] })).toBe(false) // veto on a credit
    expect(ok({ items: [{ ...item, points: 0 }] })).toBe(false)
    expect(ok({ items: [{ ...item, points: 0.333 }] })).toBe(false)
    expect(ok({ items: [{ ...item, capPerMonth: 5, capPerYear: 3 }] })).toBe(false)
  })
})

describe('autoItemFor', () => {
  test('maps events to the first matching item, respecting meeting kinds', () => {
    expect(autoItemFor(base60, { type: 'attendance.present', data: { kind: 'group' } })?.code).toBe('attendance')
    expect(autoItemFor(base60, { type: 'attendance.present', data: { kind: 'committee' } })).toBeNull() // 支委会 not in kinds
    expect(autoItemFor(base60, { type: 'attendance.absent', data: { kind: 'committee' } })?.code).toBe('absence') // kinds: any
    expect(autoItemFor(base60, { type: 'dues.paid-on-time', data: {} })?.code).toBe('dues-on-time')
    expect(autoItemFor(base60, { type: 'dues.overdue', data: {} })?.code).toBe('dues-late')
    expect(autoItemFor(base60, { type: 'volunteer.recorded', data: {} })?.code).toBe('volunteer')
    expect(autoItemFor(percent, { type: 'dues.paid-on-time', data: {} })).toBeNull() // no such item
    expect(autoItemFor(base60, { type: 'meeting.created', data: {} })).toBeNull()
  })
})

describe('ranking and exclusions', () => {
  test('ties share a rank and the next skips (1, 2, 2, 4)', () => {
    const ranked = rankPoints([
      { memberId: 'a', total: 90 },
      { memberId: 'b', total: 85 },
      { memberId: 'c', total: 85 },
      { memberId: 'd', total: 70 },
    ])
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2, 4])
  })
  test('exclusions come from the member record and the scheme', () => {
    const m = (duesCategory: string, elderly = false, mobile = false) => ({ duesCategory, flags: { elderly, mobile } })
    const all = ['retired', 'long-sick', 'long-away'] as const
    expect(exclusionOf(m('retired'), all)).toBe('retired')
    expect(exclusionOf(m('employed', true), all)).toBe('long-sick')
    expect(exclusionOf(m('employed', false, true), all)).toBe('long-away')
    expect(exclusionOf(m('employed'), all)).toBeNull()
    expect(exclusionOf(m('retired'), ['long-away'])).toBeNull()
  })
})
