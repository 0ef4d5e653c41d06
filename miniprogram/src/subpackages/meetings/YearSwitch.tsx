/** A year switcher (‹ 2026年 ›) for the attendance, plan and compliance pages; no years after `max`. */
import { View, Text } from '@tarojs/components'

export function YearSwitch({ year, max, onChange }: { year: number; max: number; onChange: (y: number) => void }): React.ReactElement {
  return (
    <View className='mt-year' data-testid='year-switch'>
      <Text className='mt-year__btn' onClick={() => onChange(year - 1)}>
        ‹ 上一年
      </Text>
      <Text className='mt-year__label'>{year}年</Text>
      <Text className={`mt-year__btn${year >= max ? ' mt-year__btn--off' : ''}`} onClick={() => year < max && onChange(year + 1)}>
        下一年 ›
      </Text>
    </View>
  )
}

/** This year in Beijing time. */
export const beijingYear = (): number => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()
