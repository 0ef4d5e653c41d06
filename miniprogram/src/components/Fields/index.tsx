/**
 * Form controls built on FormField: a text input, large choice chips (性别, 状态), a one-column picker
 * and a date picker. Each row carries `data-testid="field-<name>"`; chips add `field-<name>-<value>`.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { DatePicker, Input, Picker, Switch } from '@nutui/nutui-react-taro'
import '@/styles/nutui-forms'
import { FormField, PickerValue } from '../FormField'
import { dateToYmd, formatDate, ymdToDate } from '@/utils/format'
import './index.scss'

interface Common {
  name: string
  label: string
  required?: boolean
  error?: string | null
  hint?: string
}

export function TextField({
  name,
  label,
  required,
  error,
  hint,
  value,
  onChange,
  placeholder,
  type = 'text',
  maxLength,
  stacked,
}: Common & {
  stacked?: boolean
  value: string
  onChange: (v: string) => void
  placeholder?: string
  type?: 'text' | 'number' | 'digit'
  maxLength?: number
}): React.ReactElement {
  return (
    <FormField label={label} required={required} error={error} hint={hint} testId={`field-${name}`} stacked={stacked}>
      <Input
        className='text-field__input'
        value={value}
        type={type}
        placeholder={placeholder ?? `请输入${label}`}
        maxLength={maxLength}
        clearable
        onChange={(v) => onChange(v)}
      />
    </FormField>
  )
}

export interface Choice<V extends string> {
  value: V
  label: string
}

export function ChoiceField<V extends string>({
  name,
  label,
  required,
  error,
  hint,
  value,
  onChange,
  choices,
  stacked,
}: Common & {
  value: V | ''
  onChange: (v: V) => void
  choices: readonly Choice<V>[]
  stacked?: boolean
}): React.ReactElement {
  return (
    <FormField label={label} required={required} error={error} hint={hint} testId={`field-${name}`} stacked={stacked}>
      <View className='choice-chips'>
        {choices.map((c) => (
          <View
            key={c.value}
            className={`choice-chip${c.value === value ? ' choice-chip--on' : ''}`}
            data-testid={`field-${name}-${c.value}`}
            aria-checked={c.value === value}
            role='radio'
            onClick={() => onChange(c.value)}
          >
            <Text>{c.label}</Text>
          </View>
        ))}
      </View>
    </FormField>
  )
}

export function SelectField<V extends string | number>({
  name,
  label,
  required,
  error,
  hint,
  value,
  onChange,
  options,
  placeholder,
}: Common & {
  value: V | '' | null
  onChange: (v: V) => void
  options: readonly { value: V; label: string }[]
  placeholder?: string
}): React.ReactElement {
  const [open, setOpen] = useState(false)
  const current = options.find((o) => o.value === value)
  return (
    <>
      <FormField label={label} required={required} error={error} hint={hint} testId={`field-${name}`} onClick={() => setOpen(true)}>
        <PickerValue value={current?.label} placeholder={placeholder ?? `请选择${label}`} />
      </FormField>
      <Picker
        visible={open}
        title={label}
        options={[options.map((o) => ({ value: o.value, label: o.label }))]}
        value={current ? [current.value] : options[0] ? [options[0].value] : []}
        onConfirm={(_, values) => {
          const picked = options.find((o) => o.value === values[0])
          if (picked) onChange(picked.value)
        }}
        onClose={() => setOpen(false)}
      />
    </>
  )
}

/** Dates are `YYYY-MM-DD`; the picker opens on the current value, or on `defaultDate`, or today. */
export function DateField({
  name,
  label,
  required,
  error,
  hint,
  value,
  onChange,
  onClear,
  start,
  end,
  defaultDate,
}: Common & {
  value: string
  onChange: (v: string) => void
  onClear?: () => void
  start?: Date
  end?: Date
  defaultDate?: Date
}): React.ReactElement {
  const [open, setOpen] = useState(false)
  const startDate = start ?? new Date(1921, 6, 1)
  const endDate = end ?? new Date()
  const shown = ymdToDate(value) ?? defaultDate ?? endDate
  return (
    <>
      <FormField label={label} required={required} error={error} hint={hint} testId={`field-${name}`} onClick={() => setOpen(true)}>
        <PickerValue
          value={formatDate(value)}
          placeholder={`请选择${label}`}
          extra={
            value && onClear ? (
              <Text
                className='date-field__clear'
                data-testid={`field-${name}-clear`}
                onClick={(e) => {
                  e.stopPropagation()
                  onClear()
                }}
              >
                清除
              </Text>
            ) : null
          }
        />
      </FormField>
      <DatePicker
        visible={open}
        title={label}
        type='date'
        showChinese
        startDate={startDate}
        endDate={endDate}
        value={shown < startDate ? startDate : shown > endDate ? endDate : shown}
        onConfirm={(_, values) => {
          const [y, m, d] = values.map(Number)
          if (y && m && d) onChange(dateToYmd(new Date(y, m - 1, d, 12)))
        }}
        onClose={() => setOpen(false)}
      />
    </>
  )
}

export function SwitchField({
  name,
  label,
  hint,
  value,
  onChange,
}: Omit<Common, 'required' | 'error'> & { value: boolean; onChange: (v: boolean) => void }): React.ReactElement {
  return (
    <FormField label={label} hint={hint} testId={`field-${name}`}>
      <View className='switch-field'>
        <Switch checked={value} onChange={(v) => onChange(v)} />
      </View>
    </FormField>
  )
}
