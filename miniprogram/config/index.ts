/**
 * Taro build configuration for the 支部助手 mini-program (weapp for WeChat, h5 for the browser and e2e).
 * Run Taro with `miniprogram/` as cwd; `../shared` is compiled in and aliased as `@shared`, `src` as `@/`.
 */
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import type Chain from 'webpack-chain'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')

/**
 * chinese-days (holidays, 调休, 农历; used by shared/rules) declares `"type": "commonjs"` but its
 * `module` entry is ESM, so webpack would parse it as CommonJS-only and fail: let webpack detect the format.
 */
function esmInCommonjsPackages(chain: Chain): void {
  chain.module.rule('chinese-days-esm').test(/[\\/]node_modules[\\/]chinese-days[\\/].*\.js$/).type('javascript/auto')
}
const sharedDir = path.resolve(root, '..', 'shared')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhibu',
    date: '2025-11-22',
    // One 375 design width for everything: NutUI's styles are written for 375 (docs/PITFALLS.md "UI kit"),
    // and ours use the same scale so `16px` in a stylesheet is 16px on a 375-wide phone.
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    alias: {
      '@shared': path.resolve(sharedDir, 'src'),
      '@': path.resolve(root, 'src'),
    },
    // Defaults for TARO_APP_* values; miniprogram/.env* files override them (see .env.example).
    env: {
      TARO_APP_CLOUD_ENV: JSON.stringify(''),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Template levels in base.wxml before Taro nests deeper nodes through its `comp` wrapper: 16 (the
    // default) cost the main package 16 KB more; our pages' trees go through the wrapper past level 10.
    baseLevel: 10,
    mini: {
      compile: { include: [sharedDir] },
      webpackChain: esmInCommonjsPackages,
      // Page styles are namespaced by BEM class, so the order shared chunks' CSS lands in does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      webpackChain: esmInCommonjsPackages,
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        // rem base follows the screen width (20px at 375); capping it keeps a desktop browser at phone-like sizes.
        pxtransform: { enable: true, config: { maxRootSize: 24 } },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
