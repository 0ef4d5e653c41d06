/** The 发展党员 entry points are part of the public surface: `@shared` exports them through the rules barrel. */
import * as shared from '@shared'
import * as development from './index'

describe('发展党员 public API', () => {
  test.each([
    'applicantAgeOk',
    'interviewDueBy',
    'candidateEligibleFrom',
    'publicityEndsOn',
    'branchVotePasses',
    'approvalDueBy',
    'probationEndsOn',
    'extendedProbationEndsOn',
    'checkRecord',
  ] as const)('@shared exports %s', (name) => {
    expect(typeof shared[name]).toBe('function')
    expect(shared[name]).toBe(development[name])
  })

  test('the procedure data and the profile section schema are exported', () => {
    expect(shared.DEVELOPMENT_STAGE_LABELS.activist).toBe('入党积极分子')
    expect(shared.DEVELOPMENT_STEPS.length).toBeGreaterThan(10)
    expect(shared.DevelopmentRuleSchema.safeParse(shared.getProfile('village-2019').development).success).toBe(true)
  })
})
