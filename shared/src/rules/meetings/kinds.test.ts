// Tests of kinds.ts: every kind has its names, and 三会一课 are kinds.
import { MEETING_KIND_LABELS, MEETING_KIND_SHORT_LABELS, MEETING_KINDS, THREE_MEETINGS_ONE_LECTURE } from './kinds'
import { MeetingKindSchema } from './kind-schema'

describe('meeting kinds', () => {
  test('every kind has a name and a short name', () => {
    for (const k of MEETING_KINDS) {
      expect(MEETING_KIND_LABELS[k]).toBeTruthy()
      expect(MEETING_KIND_SHORT_LABELS[k]).toBeTruthy()
    }
    expect(MEETING_KIND_SHORT_LABELS['party-congress']).toBe('党员大会')
  })
  test('三会一课: 党员大会, 支委会, 党小组会, 党课', () => {
    expect(THREE_MEETINGS_ONE_LECTURE.map((k) => MEETING_KIND_SHORT_LABELS[k])).toEqual(['党员大会', '支委会', '党小组会', '党课'])
    expect(THREE_MEETINGS_ONE_LECTURE.every((k) => MeetingKindSchema.safeParse(k).success)).toBe(true)
    expect(MeetingKindSchema.safeParse('daily-check-in').success).toBe(false)
  })
})
