/** The phone's position and WeChat's map picker. */
import Taro from '@tarojs/taro'
import type { Position } from './types'

/** The phone's current position, or `null` if the user refused or it could not be found. */
export async function getLocation(): Promise<Position | null> {
  try {
    // gcj02, the datum WeChat's maps and chooseLocation use: the meeting place is set the same way.
    const res = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 4000 })
    return { lat: res.latitude, lng: res.longitude }
  } catch {
    return null // refused, or location services off
  }
}

/** Whether a map picker is available: WeChat's chooseLocation. */
export const canChooseOnMap = (): boolean => true

/** Pick a place on WeChat's map; `null` if cancelled. */
export async function chooseLocation(): Promise<Position | null> {
  try {
    const res = await Taro.chooseLocation({})
    return { lat: res.latitude, lng: res.longitude, name: res.name || res.address || undefined }
  } catch {
    return null
  }
}
