/** ‹ 上一年 · 2026年 · 下一年 › for the workbench pages; no years after `max`. */
import { View, Text } from '@tarojs/components'

export function YearSwitch({ year, max, onChange }: { year: number; max: number; onChange: (y: number) => void }): React.ReactElement {
  return (
    <View className='wb-year' data-testid='wb-year'>
      <Text className='wb-year__btn' onClick={() => onChange(year - 1)}>
        ‹ 上一年
      </Text>
      <Text className='wb-year__label'>{year}年</Text>
      <Text className={`wb-year__btn${year >= max ? ' wb-year__btn--off' : ''}`} style={{ textAlign: 'right' }} onClick={() => year < max && onChange(year + 1)}>
        下一年 ›
      </Text>
    </View>
  )
}

/** This year in Beijing time. */
export const beijingYear = (): number => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()
