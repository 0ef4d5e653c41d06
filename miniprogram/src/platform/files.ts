/**
 * Saving a file the server sent as base64 (an .xlsx export): weapp writes it to the user data folder
 * and opens it in the document viewer (forward / save from there); h5 triggers a browser download.
 * (Reconstructed after an accidental overwrite — see the dues engineer's report; same signature.)
 */
import Taro from '@tarojs/taro'

const EXT_TYPES: Record<string, string> = { xlsx: 'xlsx', xls: 'xls', docx: 'docx', doc: 'doc', pdf: 'pdf', pptx: 'pptx', ppt: 'ppt' }

/** Save `base64` as `fileName` and show it to the user. Resolves true once handed to the viewer / download. */
export async function saveBase64File(fileName: string, base64: string, mimeType: string): Promise<boolean> {
  if (process.env.TARO_ENV === 'weapp') {
    const safe = fileName.replace(/[\\/:*?"<>|]/g, '_')
    const filePath = `${Taro.env.USER_DATA_PATH}/${safe}`
    Taro.getFileSystemManager().writeFileSync(filePath, base64, 'base64')
    const ext = (/\.([a-z0-9]+)$/i.exec(safe)?.[1] ?? '').toLowerCase()
    const fileType = EXT_TYPES[ext]
    await Taro.openDocument(fileType ? { filePath, fileType: fileType as 'xlsx', showMenu: true } : { filePath, showMenu: true })
    return true
  }
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const href = URL.createObjectURL(new Blob([bytes], { type: mimeType }))
  const a = document.createElement('a')
  a.href = href
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 30_000)
  return true
}
