import { ballotRows, ballotStatus, choose, fillRemaining, firstMissing, type Selections } from './ballot'

const ids = ['a', 'b', 'c', 'd']

describe('ballot state', () => {
  it('counts 优秀 against the per-ballot limit and knows when the ballot is complete', () => {
    const sel: Selections = { a: 'excellent', b: 'qualified' }
    expect(ballotStatus(ids, sel, 2)).toEqual({
      total: 4,
      chosen: 2,
      excellent: 1,
      limit: 2,
      overLimit: false,
      complete: false,
      counts: { excellent: 1, qualified: 1, 'basically-qualified': 0, unqualified: 0 },
    })
    expect(ballotStatus(ids, { a: 'excellent', b: 'excellent', c: 'excellent', d: 'qualified' }, 2)).toMatchObject({ overLimit: true, complete: true })
    expect(ballotStatus(ids, { a: 'excellent', b: 'excellent', c: 'excellent' }, null).overLimit).toBe(false)
  })

  it('refuses a 优秀 past the limit and keeps the selection; re-tapping a chosen 优秀 is fine', () => {
    let sel: Selections = {}
    sel = choose(sel, 'a', 'excellent', ids, 2).selections
    sel = choose(sel, 'b', 'excellent', ids, 2).selections
    const third = choose(sel, 'c', 'excellent', ids, 2)
    expect(third.refused).toBe(true)
    expect(third.selections).toBe(sel)
    expect(choose(sel, 'a', 'excellent', ids, 2).refused).toBe(false)
    // Changing one 优秀 to 合格 frees a place.
    sel = choose(sel, 'a', 'qualified', ids, 2).selections
    expect(choose(sel, 'c', 'excellent', ids, 2)).toEqual({ selections: { a: 'qualified', b: 'excellent', c: 'excellent' }, refused: false })
    expect(choose({}, 'a', 'excellent', ids, null).refused).toBe(false)
  })

  it('fills the rest with 合格 without touching chosen grades, and builds rows in ballot order', () => {
    const sel = fillRemaining({ c: 'unqualified' }, ids)
    expect(sel).toEqual({ a: 'qualified', b: 'qualified', c: 'unqualified', d: 'qualified' })
    expect(ballotRows(ids, sel).map((r) => `${r.memberId}:${r.grade}`)).toEqual(['a:qualified', 'b:qualified', 'c:unqualified', 'd:qualified'])
    expect(() => ballotRows(ids, { a: 'qualified' })).toThrow('no grade for b')
    expect(firstMissing(ids, { a: 'qualified' })).toBe('b')
    expect(firstMissing(ids, sel)).toBeNull()
  })
})
