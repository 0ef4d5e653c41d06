// Tests of scheme.ts.
import { BASE_60_SCHEME, POINTS_SCHEME_PRESETS, type PointsScheme, PointsSchemeSchema } from './scheme'

describe('presets are valid schemes', () => {
  test.each(POINTS_SCHEME_PRESETS.map((s) => [s.id, s]))('%s', (_id, scheme) => {
    expect(PointsSchemeSchema.safeParse(scheme).success).toBe(true)
  })
  test('schema refuses broken schemes', () => {
    const bad = (patch: Partial<PointsScheme>) => PointsSchemeSchema.safeParse({ ...BASE_60_SCHEME, ...patch }).success
    expect(bad({ items: [...BASE_60_SCHEME.items, BASE_60_SCHEME.items[0]!] })).toBe(false) // duplicate code
    expect(bad({ bands: [{ band: 'qualified', min: 60 }, { band: 'excellent', min: 90 }] })).toBe(false) // not descending
    expect(bad({ max: 50 })).toBe(false) // max below base
    expect(bad({ max: null })).toBe(true)
    expect(bad({ items: [] })).toBe(false)
  })
})
