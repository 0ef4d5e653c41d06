/** Printing a page (the 达标自评 summary) with the browser's print dialog; false where there is none. */
export function printPage(): boolean {
  if (typeof window === 'undefined' || typeof window.print !== 'function') return false
  window.print()
  return true
}
