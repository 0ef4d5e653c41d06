/**
 * Files in the browser build: a hidden file input for a screenshot (scaled down on a canvas, sent as JPEG)
 * or a spreadsheet, as base64 — sent inside an action's input, so small files only —, and fetch with
 * progress and a download link for exports.
 */
import type { PickedFile, PickedImage } from './types'

/** Screenshots are scaled to at most this many pixels on the long side and sent as JPEG (≈100–300 KB). */
const MAX_SIDE = 1280
const JPEG_QUALITY = 0.75

/** h5: opens a hidden file input; resolves null if the user cancels. */
function pickH5(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    input.setAttribute('data-testid', 'platform-file-input')
    document.body.appendChild(input)
    let settled = false
    const done = (f: File | null) => {
      if (settled) return
      settled = true
      input.remove()
      resolve(f)
    }
    input.addEventListener('change', () => done(input.files?.[0] ?? null))
    input.addEventListener('cancel', () => done(null))
    input.click()
  })
}

const dataUrlBase64 = (dataUrl: string): string => dataUrl.slice(dataUrl.indexOf(',') + 1)

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

/** h5: draw the image scaled down on a canvas and export JPEG. */
async function downscaleH5(file: File): Promise<PickedImage> {
  const url = await readAsDataUrl(file)
  const img = await new Promise<HTMLImageElement>((resolve, reject) => {
    const el = new Image()
    el.onload = () => resolve(el)
    el.onerror = () => reject(new Error('not an image'))
    el.src = url
  })
  const scale = Math.min(1, MAX_SIDE / Math.max(img.width, img.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.width * scale))
  canvas.height = Math.max(1, Math.round(img.height * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no canvas')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
  const jpeg = canvas.toDataURL('image/jpeg', JPEG_QUALITY)
  return { type: 'jpg', base64: dataUrlBase64(jpeg), previewUrl: jpeg }
}

/** Pick one image (a payment screenshot), scaled down; null if cancelled. */
export async function pickImage(): Promise<PickedImage | null> {
  const file = await pickH5('image/png,image/jpeg')
  return file ? downscaleH5(file) : null
}

/** Pick one spreadsheet (.xlsx) from the computer; null if cancelled. */
export async function pickSpreadsheet(): Promise<PickedFile | null> {
  const file = await pickH5('.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  if (!file) return null
  return { name: file.name, size: file.size, base64: dataUrlBase64(await readAsDataUrl(file)) }
}

/** Hand a blob to the browser as a download named `fileName`. */
function download(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 30_000)
}

/** Download a file from a temporary link as the browser's download. `onProgress` gets 0–100. */
export async function downloadAndOpen(url: string, fileName: string, onProgress: (percent: number) => void): Promise<void> {
  const res = await fetch(url)
  if (!res.ok || !res.body) throw new Error(`下载失败（${res.status}）`)
  const total = Number(res.headers.get('content-length')) || 0
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    received += value.length
    if (total) onProgress(Math.min(99, Math.round((received / total) * 100)))
  }
  download(new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' }), fileName)
  onProgress(100)
}

/** Show an image in a new tab (a screenshot attached to a report). */
export function previewImage(url: string): void {
  window.open(url, '_blank')
}
