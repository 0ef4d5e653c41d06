/**
 * Small DOM stand-ins for @nutui/nutui-react-taro in the jest `ui` project, with the same callback
 * shapes as the real components (`onChange(value)`, `onConfirm(options, values)` …). Pickers render
 * their options as buttons when visible; Dialog renders its content and 确认 / 取消 buttons.
 */
import { createElement, type ReactNode } from 'react'

type Props = Record<string, unknown> & { children?: ReactNode; className?: string }

function passThrough(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(props)) {
    if (k === 'className' || k === 'id' || k === 'role' || k.startsWith('data-') || k.startsWith('aria-')) out[k] = v
  }
  return out
}

export function Button(props: Props & { disabled?: boolean; loading?: boolean; onClick?: () => void }) {
  return createElement(
    'button',
    { ...passThrough(props), type: 'button', disabled: Boolean(props.disabled), 'aria-busy': Boolean(props.loading), onClick: props.onClick },
    props.children,
  )
}

export function Cell(props: Props & { title?: ReactNode; description?: ReactNode; extra?: ReactNode; onClick?: () => void }) {
  return createElement('div', { ...passThrough(props), onClick: props.onClick }, props.title, props.description, props.extra, props.children)
}
export function CellGroup(props: Props & { title?: ReactNode }) {
  return createElement('div', passThrough(props), props.title, props.children)
}
Cell.Group = CellGroup

export function Input(props: Props & { value?: string; placeholder?: string; maxLength?: number; type?: string; onChange?: (v: string) => void }) {
  return createElement('input', {
    ...passThrough(props),
    value: props.value ?? '',
    placeholder: props.placeholder,
    maxLength: props.maxLength,
    onChange: (e: { target: { value: string } }) => props.onChange?.(e.target.value),
  })
}

export function TextArea(props: Props & { value?: string; placeholder?: string; onChange?: (v: string) => void }) {
  return createElement('textarea', {
    ...passThrough(props),
    value: props.value ?? '',
    placeholder: props.placeholder,
    onChange: (e: { target: { value: string } }) => props.onChange?.(e.target.value),
  })
}

export function SearchBar(props: Props & { value?: string; placeholder?: string; onChange?: (v: string) => void; onClear?: () => void }) {
  return createElement('input', {
    ...passThrough(props),
    type: 'search',
    value: props.value ?? '',
    placeholder: props.placeholder,
    onChange: (e: { target: { value: string } }) => props.onChange?.(e.target.value),
  })
}

export function Switch(props: Props & { checked?: boolean; onChange?: (v: boolean) => void }) {
  return createElement('input', {
    ...passThrough(props),
    type: 'checkbox',
    role: 'switch',
    checked: Boolean(props.checked),
    onChange: (e: { target: { checked: boolean } }) => props.onChange?.(e.target.checked),
  })
}

export function Checkbox(props: Props & { checked?: boolean; label?: ReactNode; onChange?: (v: boolean) => void }) {
  return createElement(
    'label',
    passThrough(props),
    createElement('input', {
      type: 'checkbox',
      checked: Boolean(props.checked),
      onChange: (e: { target: { checked: boolean } }) => props.onChange?.(e.target.checked),
    }),
    props.label ?? props.children,
  )
}

export function Tag(props: Props) {
  return createElement('span', passThrough(props), props.children)
}

export function Empty(props: Props & { description?: ReactNode; title?: ReactNode }) {
  return createElement('div', passThrough(props), props.title, props.description, props.children)
}

export function Skeleton(props: Props) {
  return createElement('div', { ...passThrough(props), 'data-skeleton': 'true' })
}

export function Loading(props: Props) {
  return createElement('div', { ...passThrough(props), 'aria-busy': true }, props.children)
}

export function Dialog(
  props: Props & {
    visible?: boolean
    title?: ReactNode
    content?: ReactNode
    confirmText?: ReactNode
    cancelText?: ReactNode
    footer?: ReactNode
    onConfirm?: () => void
    onCancel?: () => void
  },
) {
  if (!props.visible) return null
  // A custom `footer` replaces the default 取消 / 确认 buttons, as in NutUI.
  const footer =
    props.footer ?? [
      createElement('button', { key: 'cancel', type: 'button', onClick: props.onCancel }, props.cancelText ?? '取消'),
      createElement('button', { key: 'ok', type: 'button', onClick: props.onConfirm }, props.confirmText ?? '确认'),
    ]
  return createElement('div', { role: 'dialog' }, createElement('h2', null, props.title), props.content, props.children, footer)
}

interface Option {
  label: string | number
  value: string | number
}

export function Picker(
  props: Props & {
    visible?: boolean
    title?: string
    options?: Option[][]
    onConfirm?: (options: Option[], values: (string | number)[]) => void
    onClose?: () => void
  },
) {
  if (!props.visible) return null
  const column = props.options?.[0] ?? []
  return createElement(
    'div',
    { role: 'listbox', 'aria-label': props.title },
    ...column.map((o) =>
      createElement(
        'button',
        {
          key: String(o.value),
          type: 'button',
          role: 'option',
          onClick: () => {
            props.onConfirm?.([o], [o.value])
            props.onClose?.()
          },
        },
        String(o.label),
      ),
    ),
  )
}

/** Confirms the shown date (`value`, else today) as NutUI does: values are ['YYYY', 'MM', 'DD']. */
export function DatePicker(
  props: Props & {
    visible?: boolean
    title?: string
    value?: Date
    onConfirm?: (options: Option[], values: string[]) => void
    onClose?: () => void
  },
) {
  if (!props.visible) return null
  const d = props.value ?? new Date()
  const values = [String(d.getFullYear()), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')]
  return createElement(
    'div',
    { role: 'dialog', 'aria-label': props.title },
    createElement(
      'button',
      {
        type: 'button',
        onClick: () => {
          props.onConfirm?.(
            values.map((v) => ({ label: v, value: v })),
            values,
          )
          props.onClose?.()
        },
      },
      '确认',
    ),
  )
}
