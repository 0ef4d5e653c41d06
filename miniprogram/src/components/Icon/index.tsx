/**
 * `<Icon name="users" size={24} color="#c8161d" />`: a line icon rendered as an SVG data-URI image,
 * which both WeChat's `image` and the browser display (no icon font, no extra package).
 */
import { Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { iconSvg, type IconName } from './paths'

export type { IconName } from './paths'

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of an ASCII string (WeChat has no `btoa`); our SVG markup is ASCII only. */
export function asciiToBase64(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i)
    const b = i + 1 < s.length ? s.charCodeAt(i + 1) : NaN
    const c = i + 2 < s.length ? s.charCodeAt(i + 2) : NaN
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!
    out += Number.isNaN(b) ? '=' : B64[(n >> 6) & 63]!
    out += Number.isNaN(c) ? '=' : B64[n & 63]!
  }
  return out
}

const cache = new Map<string, string>()

export function iconDataUri(name: IconName, color: string, strokeWidth?: number): string {
  const key = `${name}|${color}|${strokeWidth ?? ''}`
  let uri = cache.get(key)
  if (uri === undefined) {
    uri = 'data:image/svg+xml;base64,' + asciiToBase64(iconSvg(name, color, strokeWidth))
    cache.set(key, uri)
  }
  return uri
}

export interface IconProps {
  name: IconName
  size?: number
  color?: string
  strokeWidth?: number
  className?: string
}

export function Icon({ name, size = 22, color = '#1f2329', strokeWidth, className }: IconProps): React.ReactElement {
  return (
    <Image
      className={className}
      src={iconDataUri(name, color, strokeWidth)}
      style={{ width: Taro.pxTransform(size), height: Taro.pxTransform(size), flexShrink: 0 }}
      mode='scaleToFill'
    />
  )
}
