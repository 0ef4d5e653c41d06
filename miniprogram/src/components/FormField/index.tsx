/**
 * One labelled form row: label (with a required mark), the control, and the inline error under it.
 * `testId` marks the row for e2e (`[data-testid=field-name] input`).
 */
import { View, Text } from '@tarojs/components'
import './index.scss'

export interface FormFieldProps {
  label: string
  required?: boolean
  error?: string | null
  hint?: string
  testId?: string
  /** Put the control under the label instead of beside it (long controls: radios, chips). */
  stacked?: boolean
  onClick?: () => void
  children: React.ReactNode
}

export function FormField({ label, required, error, hint, testId, stacked, onClick, children }: FormFieldProps): React.ReactElement {
  return (
    <View className={`form-field${stacked ? ' form-field--stacked' : ''}${error ? ' form-field--error' : ''}`} data-testid={testId} onClick={onClick}>
      <View className='form-field__row'>
        <Text className='form-field__label'>
          {label}
          {required ? <Text className='form-field__required'>*</Text> : null}
        </Text>
        <View className='form-field__control'>{children}</View>
      </View>
      {error ? <Text className='form-field__error'>{error}</Text> : hint ? <Text className='form-field__hint'>{hint}</Text> : null}
    </View>
  )
}

/** A tappable value that opens a picker: shows the value, or the placeholder in grey. */
export function PickerValue({
  value,
  placeholder,
  extra,
}: {
  value: string | null | undefined
  placeholder: string
  /** Shown between the value and the arrow (e.g. a 清除 link). */
  extra?: React.ReactNode
}): React.ReactElement {
  return (
    <View className='picker-value'>
      <Text className={value ? 'picker-value__text' : 'picker-value__placeholder'}>{value || placeholder}</Text>
      {extra}
      <Text className='picker-value__arrow'>›</Text>
    </View>
  )
}
