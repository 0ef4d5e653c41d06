/** No camera API without the WeChat JS-SDK: the browser build asks for the code's text (e2e answers the prompt). */

/** The code's text as typed or pasted, or `null` if the user cancelled or left it blank. */
export async function scanCode(): Promise<string | null> {
  const text = window.prompt('请输入或粘贴二维码内容')
  return text === null || text.trim() === '' ? null : text.trim()
}
