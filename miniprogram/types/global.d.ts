/// <reference types="@tarojs/taro" />
// Ambient types for the Taro app: asset and style imports, and the build-time environment variables.

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** The platform being built; replaced at build time. Read it as `process.env.TARO_ENV`, never destructure. */
    TARO_ENV: 'weapp' | 'h5'
    /** WeChat AppID (miniprogram/.env). */
    TARO_APP_ID?: string
    /** CloudBase environment id for `Taro.cloud.init` (miniprogram/.env); empty = default environment. */
    TARO_APP_CLOUD_ENV?: string
  }
}
