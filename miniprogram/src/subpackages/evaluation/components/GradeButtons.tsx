/**
 * One row of large grade buttons (优秀 / 合格 / 基本合格 / 不合格, or the scale in use). The chosen grade
 * is filled; `disabledGrades` look faded but still tap (the page explains why in a toast).
 */
import { View, Text } from '@tarojs/components'
import type { EvaluationGrade } from '@shared/rules/evaluation/grades'
import { GRADE_LABELS, GRADE_TONE } from '@/features/evaluation/labels'

export function GradeButtons({
  grades,
  value,
  onChange,
  disabledGrades = [],
  testId,
}: {
  grades: readonly EvaluationGrade[]
  value: EvaluationGrade | undefined
  onChange: (g: EvaluationGrade) => void
  disabledGrades?: readonly EvaluationGrade[]
  testId?: string
}): React.ReactElement {
  return (
    <View className='grade-buttons' role='radiogroup' data-testid={testId}>
      {grades.map((g) => {
        const on = value === g
        const off = !on && disabledGrades.includes(g)
        return (
          <View
            key={g}
            role='radio'
            aria-checked={on}
            data-testid={testId ? `${testId}-${g}` : undefined}
            className={`grade-button grade-button--${GRADE_TONE[g]}${on ? ' grade-button--on' : ''}${off ? ' grade-button--disabled' : ''}`}
            onClick={() => onChange(g)}
          >
            <Text>{GRADE_LABELS[g]}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** Small chips with each grade's count: 优 3 合 20 … */
export function TallyChips({ grades, counts }: { grades: readonly EvaluationGrade[]; counts: Record<EvaluationGrade, number> }): React.ReactElement {
  return (
    <View>
      {grades.map((g) => (
        <Text key={g} className={`grade-chip${counts[g] > 0 ? ` grade-chip--${GRADE_TONE[g]}` : ''}`}>
          {GRADE_LABELS[g]} {counts[g]}
        </Text>
      ))}
    </View>
  )
}
