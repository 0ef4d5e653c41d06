/**
 * A year switcher (‹ 上一年 · 2026年 · 下一年 ›) for the pages that show one year (meetings attendance, plan and
 * compliance, the workbench pages); no years after `max`. `beijingYear()` is this year in Beijing time.
 */
import { View, Text } from '@tarojs/components'
import './index.scss'
import { beijingYear as beijingYearOf } from '@shared/rules/time'

export interface YearSwitchProps {
  year: number
  max: number
  onChange: (y: number) => void
  testId?: string
}

export function YearSwitch({ year, max, onChange, testId = 'year-switch' }: YearSwitchProps): React.ReactElement {
  return (
    <View className='year-switch' data-testid={testId}>
      <Text className='year-switch__btn' onClick={() => onChange(year - 1)}>
        ‹ 上一年
      </Text>
      <Text className='year-switch__label'>{year}年</Text>
      <Text className={`year-switch__btn year-switch__btn--next${year >= max ? ' year-switch__btn--off' : ''}`} onClick={() => year < max && onChange(year + 1)}>
        下一年 ›
      </Text>
    </View>
  )
}

/** This year in Beijing time. */
export const beijingYear = (): number => beijingYearOf(Date.now())
