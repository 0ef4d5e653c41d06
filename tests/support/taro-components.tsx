/**
 * Small DOM stand-ins for @tarojs/components in the jest `ui` project: each renders a plain element
 * and passes className, style, data-* and aria-* through; events carry Taro's `{ detail: { value } }`.
 */
import { createElement, type CSSProperties, type ReactNode } from 'react'

type Props = Record<string, unknown> & { children?: ReactNode; className?: string; style?: CSSProperties | string }

/** Props a DOM element understands: class, style, data-*, aria-*, role, id, onClick. */
function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(props)) {
    if (k === 'className' || k === 'id' || k === 'role' || k.startsWith('data-') || k.startsWith('aria-')) out[k] = v
  }
  if (typeof props.style === 'object') out.style = props.style
  if (typeof props.onClick === 'function') out.onClick = props.onClick
  return out
}

const box = (tag: string) =>
  function Box(props: Props) {
    return createElement(tag, domProps(props), props.children)
  }

export const View = box('div')
export const Text = box('span')
export const ScrollView = box('div')
export const Label = box('label')
export const Form = box('form')
export const Block = ({ children }: { children?: ReactNode }) => createElement('div', null, children)

export function Image(props: Props & { src?: string; mode?: string }) {
  return createElement('img', { ...domProps(props), src: props.src, alt: '' })
}

type InputEvent = { detail: { value: string } }

export function Input(
  props: Props & {
    value?: string
    placeholder?: string
    maxlength?: number
    type?: string
    disabled?: boolean
    onInput?: (e: InputEvent) => unknown
    onConfirm?: (e: InputEvent) => unknown
    onBlur?: (e: InputEvent) => unknown
  },
) {
  return createElement('input', {
    ...domProps(props),
    value: props.value ?? '',
    placeholder: props.placeholder,
    maxLength: props.maxlength,
    disabled: props.disabled,
    type: props.type === 'number' || props.type === 'digit' ? 'text' : (props.type ?? 'text'),
    onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }),
    onKeyDown: (e: { key: string; currentTarget: { value: string } }) => {
      if (e.key === 'Enter') props.onConfirm?.({ detail: { value: e.currentTarget.value } })
    },
    onBlur: (e: { target: { value: string } }) => props.onBlur?.({ detail: { value: e.target.value } }),
  })
}

export function Textarea(props: Props & { value?: string; placeholder?: string; onInput?: (e: InputEvent) => unknown }) {
  return createElement('textarea', {
    ...domProps(props),
    value: props.value ?? '',
    placeholder: props.placeholder,
    onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }),
  })
}

export function Button(props: Props & { disabled?: boolean; loading?: boolean }) {
  return createElement('button', { ...domProps(props), type: 'button', disabled: props.disabled }, props.children)
}

export function Switch(props: Props & { checked?: boolean; onChange?: (e: { detail: { value: boolean } }) => unknown }) {
  return createElement('input', {
    ...domProps(props),
    type: 'checkbox',
    checked: Boolean(props.checked),
    onChange: (e: { target: { checked: boolean } }) => props.onChange?.({ detail: { value: e.target.checked } }),
  })
}

export const Picker = box('div')
export const PickerView = box('div')
export const PickerViewColumn = box('div')
