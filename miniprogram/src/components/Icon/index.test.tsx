import { render } from '@testing-library/react'
import { ICON_PATHS, iconSvg } from './paths'
import { Icon, asciiToBase64, iconDataUri } from './index'

describe('Icon', () => {
  it.each(['', 'a', 'ab', 'abc', 'abcd', '<svg viewBox="0 0 24 24"/>'])('base64-encodes %j like Node does', (s) => {
    expect(asciiToBase64(s)).toBe(Buffer.from(s, 'ascii').toString('base64'))
  })

  it('renders every icon as an SVG data URI in the requested colour', () => {
    for (const name of Object.keys(ICON_PATHS) as (keyof typeof ICON_PATHS)[]) {
      const uri = iconDataUri(name, '#c8161d')
      const svg = Buffer.from(uri.replace('data:image/svg+xml;base64,', ''), 'base64').toString('ascii')
      expect(svg).toBe(iconSvg(name, '#c8161d'))
      expect(svg).toContain('stroke="#c8161d"')
    }
  })

  it('renders an image of the given size', () => {
    const { container } = render(<Icon name='home' size={30} />)
    const img = container.querySelector('img')
    expect(img?.getAttribute('src')).toBe(iconDataUri('home', '#1f2329'))
    expect(img?.style.width).toBe('30px')
  })
})
