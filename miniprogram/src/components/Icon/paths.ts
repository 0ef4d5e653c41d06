/**
 * Line icons as SVG markup on a 24×24 grid (stroke only, round caps), drawn for this app. Shared by the
 * `Icon` component and by scripts/make-tab-icons.mjs, which renders the tab bar PNGs from the same shapes.
 */
export const ICON_PATHS = {
  home: '<path d="M3.5 10.5 12 3.5l8.5 7V19a1.5 1.5 0 0 1-1.5 1.5h-4v-6h-6v6H5A1.5 1.5 0 0 1 3.5 19z"/>',
  flag: '<path d="M5.5 21V4"/><path d="M5.5 4.5h12l-2.5 4 2.5 4h-12"/>',
  user: '<circle cx="12" cy="8" r="4"/><path d="M4 20.5c.8-3.8 4-5.5 8-5.5s7.2 1.7 8 5.5"/>',
  users:
    '<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20c.6-3.4 3.2-5 6.5-5s5.9 1.6 6.5 5"/><path d="M15.5 4.8a3.5 3.5 0 0 1 0 6.4"/><path d="M18 15.3c2 .6 3.2 2.1 3.5 4.7"/>',
  userPlus:
    '<circle cx="10" cy="8" r="4"/><path d="M2.5 20.5c.8-3.8 3.8-5.5 7.5-5.5 1.6 0 3 .3 4.2.9"/><path d="M18.5 14v6M15.5 17h6"/>',
  sliders:
    '<path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1"/><circle cx="15" cy="6" r="2"/><circle cx="9" cy="12" r="2"/><circle cx="17" cy="18" r="2"/>',
  wallet:
    '<rect x="3" y="6" width="18" height="14" rx="2"/><path d="M3 10h18"/><path d="M6 6V5a1 1 0 0 1 1.2-1l9.8 2"/><circle cx="16.5" cy="15" r="1.2"/>',
  star: '<path d="m12 3.5 2.6 5.4 5.9.8-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.8z"/>',
  bell: '<path d="M6 16.5v-5.5a6 6 0 0 1 12 0v5.5l1.5 2h-15z"/><path d="M10 21h4"/>',
  info: '<circle cx="12" cy="12" r="9"/><path d="M12 11v5.5"/><path d="M12 7.6v.1"/>',
  chevronRight: '<path d="m9.5 6 6 6-6 6"/>',
  copy: '<rect x="8.5" y="8.5" width="12" height="12" rx="2"/><path d="M15.5 5.5v-1a1.5 1.5 0 0 0-1.5-1.5H5A1.5 1.5 0 0 0 3.5 4.5V14A1.5 1.5 0 0 0 5 15.5h1"/>',
  key: '<circle cx="8" cy="15" r="4.5"/><path d="m11.2 11.8 8.8-8.8"/><path d="m17 6 2.5 2.5"/><path d="m14.5 8.5 2 2"/>',
  unlink:
    '<path d="M9.5 14.5 7.6 16.4a3.2 3.2 0 0 1-4.5-4.5L5 10"/><path d="m14.5 9.5 1.9-1.9a3.2 3.2 0 0 1 4.5 4.5L19 14"/><path d="M4 4l16 16"/>',
  shield: '<path d="M12 3 4.5 6v5.5c0 4.6 3.1 8 7.5 9.5 4.4-1.5 7.5-4.9 7.5-9.5V6z"/><path d="m8.8 12 2.3 2.3 4.3-4.6"/>',
  calendar:
    '<rect x="3.5" y="5" width="17" height="15.5" rx="2"/><path d="M3.5 10h17M8 3v4M16 3v4"/>',
  clipboard:
    '<rect x="5" y="4.5" width="14" height="17" rx="2"/><path d="M9 3h6v3H9z"/><path d="M8.5 11h7M8.5 15h5"/>',
  search: '<circle cx="11" cy="11" r="6.5"/><path d="m16 16 4.5 4.5"/>',
  edit: '<path d="M4 20h4.5L19 9.5a2.1 2.1 0 0 0-3-3L5.5 17v3"/><path d="m14.5 8 3 3"/>',
  building: '<path d="M4 21V6.5L12 3l8 3.5V21"/><path d="M2.5 21h19"/><path d="M9 21v-5h6v5"/><path d="M8 9.5h.1M12 9.5h.1M16 9.5h.1M8 12.8h.1M12 12.8h.1M16 12.8h.1"/>',
  plus: '<path d="M12 5v14M5 12h14"/>',
  check: '<path d="m5 12.5 4.5 4.5L19 7.5"/>',
} as const

export type IconName = keyof typeof ICON_PATHS

/** A complete SVG document for one icon in one colour. */
export function iconSvg(name: IconName, color: string, strokeWidth = 1.8): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="${color}" ` +
    `stroke-width="${strokeWidth}" stroke-linecap="round" stroke-linejoin="round">${ICON_PATHS[name]}</svg>`
  )
}
