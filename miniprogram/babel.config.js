// babel-preset-taro for React + TypeScript (https://docs.taro.zone/docs/next/babel-config).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
