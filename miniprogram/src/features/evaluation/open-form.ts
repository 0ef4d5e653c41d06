/**
 * The 开启民主评议 form: defaults from the branch's profile (grade scale, self on the ballot, per-ballot
 * limit off, 不合格 review above one third), validation with the same shared checks the server uses, and
 * the `evaluation.openRound` input. `today` is passed in (Beijing date) — never read here.
 */
import { getProfile, type ProfileId } from '@shared/profiles'
import { FOUR_GRADE_SCALE, THREE_GRADE_SCALE, type EvaluationGrade } from '@shared/rules/evaluation/grades'
import { checkVotingWindow } from '@shared/rules/evaluation/round'
import { addDays } from '@shared/rules/time'
import type { InputOf } from '@shared/contract/define'
import type { evaluation } from '@shared/contract/evaluation'
import { SHARE_CHOICES } from './labels'

export type ScaleChoice = 'four' | 'three'
export type ShareChoice = (typeof SHARE_CHOICES)[number]['value']

export interface OpenForm {
  year: number
  scale: ScaleChoice
  votingFrom: string
  votingTo: string
  includeSelf: boolean
  limitOn: boolean
  limit: string
  share: ShareChoice
  showOwnTally: boolean
  repeatReason: string
}

export type OpenFormErrors = Partial<Record<keyof OpenForm, string>>

const sameScale = (a: readonly EvaluationGrade[], b: readonly EvaluationGrade[]) => a.length === b.length && a.every((g, i) => g === b[i])

export function defaultOpenForm(profileId: ProfileId, today: string): OpenForm {
  const ev = getProfile(profileId).evaluation
  const share = SHARE_CHOICES.find((c) => Math.abs(c.share - ev.unqualifiedFlagShare) < 1e-9)?.value ?? 'third'
  return {
    // A round held in January is usually for the year just ended.
    year: Number(today.slice(5, 7)) <= 2 ? Number(today.slice(0, 4)) - 1 : Number(today.slice(0, 4)),
    scale: sameScale(ev.grades, THREE_GRADE_SCALE) ? 'three' : 'four',
    votingFrom: today,
    votingTo: addDays(today, 6),
    includeSelf: ev.includeSelf,
    limitOn: ev.perBallotExcellentLimit,
    limit: '',
    share,
    showOwnTally: false,
    repeatReason: '',
  }
}

export const scaleGrades = (s: ScaleChoice): EvaluationGrade[] => [...(s === 'three' ? THREE_GRADE_SCALE : FOUR_GRADE_SCALE)]

export type OpenInput = InputOf<typeof evaluation.actions.openRound>

export function validateOpenForm(form: OpenForm, today: string): { ok: true; input: OpenInput } | { ok: false; errors: OpenFormErrors } {
  const errors: OpenFormErrors = {}
  const window = checkVotingWindow(form.votingFrom, form.votingTo, today)
  if (!form.votingFrom) errors.votingFrom = '请选择开始日期'
  if (!form.votingTo) errors.votingTo = '请选择结束日期'
  else if (!window.ok) errors.votingTo = window.message
  let limit: number | null = null
  if (form.limitOn && form.scale === 'four') {
    const n = Number(form.limit)
    if (!/^\d{1,3}$/.test(form.limit.trim()) || !Number.isInteger(n) || n > 200) errors.limit = '请填写每张测评表最多评几名优秀'
    else limit = n
  }
  if (form.repeatReason.length > 200) errors.repeatReason = '不能超过200个字'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  const share = SHARE_CHOICES.find((c) => c.value === form.share)?.share ?? 1 / 3
  const input: OpenInput = {
    year: form.year,
    grades: scaleGrades(form.scale),
    votingFrom: form.votingFrom,
    votingTo: form.votingTo,
    includeSelf: form.includeSelf,
    ballotExcellentLimit: form.scale === 'four' && form.limitOn ? limit : null,
    unqualifiedReviewShare: share,
    showOwnTally: form.showOwnTally,
    ...(form.repeatReason.trim() ? { repeatReason: form.repeatReason.trim() } : {}),
  }
  return { ok: true, input }
}
