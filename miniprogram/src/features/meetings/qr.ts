/**
 * The host's QR code as an SVG data URI (shown with `<Image>`, which both WeChat and the browser
 * display): `uqr` encodes the text, we draw one path of dark modules. ASCII-only SVG → base64.
 */
import { encode } from 'uqr'
import { asciiToBase64 } from '@/components/Icon'

export interface QrImage {
  uri: string
  /** Modules per side, quiet zone included. */
  size: number
}

export function qrSvg(text: string, border = 2): { svg: string; size: number } {
  const qr = encode(text, { ecc: 'M', border })
  let d = ''
  qr.data.forEach((row, y) => {
    let x = 0
    while (x < row.length) {
      if (!row[x]) {
        x += 1
        continue
      }
      // One rectangle per horizontal run of dark modules keeps the path short.
      let end = x
      while (end < row.length && row[end]) end += 1
      d += `M${x} ${y}h${end - x}v1h${x - end}z`
      x = end
    }
  })
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${qr.size} ${qr.size}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  return { svg, size: qr.size }
}

export function qrDataUri(text: string): QrImage {
  const { svg, size } = qrSvg(text)
  return { uri: `data:image/svg+xml;base64,${asciiToBase64(svg)}`, size }
}
