import type { Assessment, AssessmentRow } from '@shared/contract/evaluation'
import { draftInput, draftStatus, initialDraft } from './assess'

const row = (memberId: string, proposed: AssessmentRow['proposed'], final: AssessmentRow['final'] = null): AssessmentRow => ({
  memberId,
  name: memberId,
  counts: { excellent: 0, qualified: 0, 'basically-qualified': 0, unqualified: 0 },
  ballots: 0,
  unqualifiedShare: 0,
  needsReview: false,
  selfAssessment: null,
  attachment: null,
  points: null,
  attendance: null,
  proposed,
  flags: [],
  flagLabels: [],
  final,
  followUp: null,
})

const a = {
  rows: [row('a', 'excellent'), row('b', 'qualified'), row('c', 'qualified', { grade: 'unqualified', reason: '长期缺席' })],
  settings: { excellentQuota: 1 } as Assessment['settings'],
}

describe('组织评定 draft', () => {
  it('starts from saved grades, else the proposal', () => {
    expect(initialDraft(a)).toEqual({ a: { grade: 'excellent', reason: '' }, b: { grade: 'qualified', reason: '' }, c: { grade: 'unqualified', reason: '长期缺席' } })
  })

  it('counts 优秀 against the cap and lists who needs a reason', () => {
    const d = { ...initialDraft(a), b: { grade: 'excellent' as const, reason: ' ' } }
    expect(draftStatus(a, d)).toEqual({ excellent: 2, quota: 1, overQuota: true, needReason: ['b'], differs: ['b', 'c'] })
    expect(draftStatus(a, initialDraft(a))).toMatchObject({ excellent: 1, overQuota: false, needReason: [] })
  })

  it('sends every graded member, with trimmed reasons only where given', () => {
    const d = { ...initialDraft(a), b: { grade: 'basically-qualified' as const, reason: '  群众意见较多 ' } }
    expect(draftInput('r1', a, d)).toEqual({
      roundId: 'r1',
      grades: [
        { memberId: 'a', grade: 'excellent' },
        { memberId: 'b', grade: 'basically-qualified', reason: '群众意见较多' },
        { memberId: 'c', grade: 'unqualified', reason: '长期缺席' },
      ],
    })
  })
})
