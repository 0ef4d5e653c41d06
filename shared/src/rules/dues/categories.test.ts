// Tests of categories.ts.
import { parseDuesCategory } from './categories'

describe('categories as typed in a 核算表', () => {
  test.each([
    ['在职', 'employed'],
    ['在职党员', 'employed'],
    [' 离退休 ', 'retired'],
    ['退休', 'retired'],
    ['学生党员', 'student'],
    ['低保', 'low-income'],
    ['下岗失业党员', 'unemployed'],
    ['农民', 'farmer'],
    ['老板', null],
    ['', null],
  ])('%s → %s', (text, category) => expect(parseDuesCategory(text)).toBe(category))
})
