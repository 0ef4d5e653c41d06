import { defaultOpenForm, validateOpenForm } from './open-form'

describe('开启民主评议 form', () => {
  it('defaults from the profile: four grades (湖南), three for the village standard; self off; review above 1/3', () => {
    const f = defaultOpenForm('hunan-wuhua-2018', '2026-11-22')
    expect(f).toMatchObject({ year: 2026, scale: 'four', votingFrom: '2026-11-22', votingTo: '2026-11-28', includeSelf: false, limitOn: false, share: 'third' })
    expect(defaultOpenForm('village-2019', '2026-11-22').scale).toBe('three')
    // In January the round is usually for the year just ended.
    expect(defaultOpenForm('hunan-wuhua-2018', '2027-01-10').year).toBe(2026)
  })

  it('builds the openRound input', () => {
    const f = { ...defaultOpenForm('hunan-wuhua-2018', '2026-11-22'), limitOn: true, limit: '10', share: 'half' as const }
    expect(validateOpenForm(f, '2026-11-22')).toEqual({
      ok: true,
      input: {
        year: 2026,
        grades: ['excellent', 'qualified', 'basically-qualified', 'unqualified'],
        votingFrom: '2026-11-22',
        votingTo: '2026-11-28',
        includeSelf: false,
        ballotExcellentLimit: 10,
        unqualifiedReviewShare: 0.5,
        showOwnTally: false,
      },
    })
    const village = validateOpenForm({ ...defaultOpenForm('village-2019', '2026-11-22'), limitOn: true, limit: '3' }, '2026-11-22')
    expect(village.ok && village.input.ballotExcellentLimit).toBeNull()
  })

  it('shows the same window message the server would give, and asks for a limit when enabled', () => {
    const f = defaultOpenForm('hunan-wuhua-2018', '2026-11-22')
    expect(validateOpenForm({ ...f, votingTo: '2026-11-20' }, '2026-11-22')).toEqual({ ok: false, errors: { votingTo: '测评结束日期不能早于开始日期' } })
    expect(validateOpenForm({ ...f, limitOn: true, limit: '' }, '2026-11-22')).toEqual({ ok: false, errors: { limit: '请填写每张测评表最多评几名优秀' } })
    const repeat = validateOpenForm({ ...f, repeatReason: ' 上次投票时部分党员未到会 ' }, '2026-11-22')
    expect(repeat.ok && repeat.input.repeatReason).toBe('上次投票时部分党员未到会')
  })
})
