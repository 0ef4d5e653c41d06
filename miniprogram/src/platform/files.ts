/**
 * Taro builds `files.weapp.ts` or `files.h5.ts` (per-platform files, chosen by its resolver); the type
 * checker and the unit tests read this one, which is the browser build's.
 */
export * from './files.h5'
export type { PickedFile, PickedImage } from './types'
