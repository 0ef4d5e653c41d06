/** What the platform functions take and give, the same in both builds. */

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter'

/** A position on the map (and, from the map picker, the place's name). */
export interface Position {
  lat: number
  lng: number
  name?: string
}

export interface PickedImage {
  type: 'jpg' | 'png'
  base64: string
  /** A URL the page can show as a preview. */
  previewUrl: string
}

export interface PickedFile {
  name: string
  base64: string
  size: number
}

/** A transport failure (no network, host down, non-JSON reply) — distinct from an error envelope. */
export class TransportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TransportError'
  }
}

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))
