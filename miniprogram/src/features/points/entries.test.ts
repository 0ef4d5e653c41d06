/** 批量通过 takes only what is ticked: nothing ticked, nothing to approve (the button is disabled then). */
import { batchChosen } from './entries'

describe('batchChosen', () => {
  it('is empty with nothing ticked, whatever is reviewable', () => {
    expect(batchChosen(['a', 'b', 'c'], new Set())).toEqual([])
  })
  it('counts the ticked entries that are still reviewable', () => {
    expect(batchChosen(['a', 'b', 'c'], new Set(['c', 'a', 'gone']))).toEqual(['a', 'c'])
  })
})
