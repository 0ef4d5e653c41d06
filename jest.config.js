// Two projects: node (rules, functions, local cloud, reliability) and jsdom (mini-program hooks and components).
const transform = { '^.+\\.(ts|tsx|js|mjs)$': '<rootDir>/tests/support/esbuild-jest.cjs' }
const moduleNameMapper = {
  '^@shared$': '<rootDir>/shared/src/index.ts',
  '^@shared/(.*)$': '<rootDir>/shared/src/$1',
  '^@/(.*)$': '<rootDir>/miniprogram/src/$1',
}
const transformIgnorePatterns = ['/node_modules/(?!(zod|fast-check|croner)/)']

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/shared', '<rootDir>/cloudfunctions', '<rootDir>/local', '<rootDir>/tests', '<rootDir>/scripts'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/', '/build/'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
    },
    {
      displayName: 'ui',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/miniprogram/src'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper: {
        ...moduleNameMapper,
        '^@tarojs/components$': '<rootDir>/tests/support/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/support/taro.ts',
        '^@nutui/nutui-react-taro$': '<rootDir>/tests/support/nutui.tsx',
        '\\.(css|scss)$': '<rootDir>/tests/support/style.ts',
      },
    },
  ],
}
