/** Scanning a QR code in WeChat. */
import Taro from '@tarojs/taro'

/** Scan a QR code and return its text, or `null` if the user cancelled. */
export async function scanCode(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
    return res.result
  } catch {
    return null // the user closed the scanner
  }
}
