/**
 * Printing a page (the 达标自评 summary): the browser's print dialog on h5; WeChat has none, so weapp answers
 * false and the page suggests exporting or opening it on a computer.
 */
export function printPage(): boolean {
  if (process.env.TARO_ENV === 'weapp') return false
  if (typeof window === 'undefined' || typeof window.print !== 'function') return false
  window.print()
  return true
}
