/**
 * Taro builds `location.weapp.ts` or `location.h5.ts` (per-platform files, chosen by its resolver);
 * the type checker and the unit tests read this one, which is the browser build's.
 */
export * from './location.h5'
