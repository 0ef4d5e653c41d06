/** The browser's geolocation; the browser build has no map picker. */
import type { Position } from './types'

/** The current position, or `null` if the user refused or it could not be found. */
export function getLocation(): Promise<Position | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null)
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 30_000 },
    )
  })
}

/** No map picker in the browser build. */
export const canChooseOnMap = (): boolean => false

/** No map picker in the browser build: always `null`. */
export const chooseLocation = (): Promise<Position | null> => Promise.resolve(null)
