/**
 * Taro builds `print.weapp.ts` or `print.h5.ts` (per-platform files, chosen by its resolver);
 * the type checker and the unit tests read this one, which is the browser build's.
 */
export * from './print.h5'
