export * from './rules'
export * from './profiles'
export * from './contract/errors'
