// e2e: the H5 build in headless Chromium against the `npm start` stack (started once by global-setup).
const base = require('../../jest.config.js').projects[0]

module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  transform: base.transform,
  transformIgnorePatterns: base.transformIgnorePatterns,
  moduleNameMapper: base.moduleNameMapper,
  globalSetup: '<rootDir>/tests/e2e/global-setup.cjs',
  globalTeardown: '<rootDir>/tests/e2e/global-teardown.cjs',
  testTimeout: 180_000,
  maxWorkers: 1,
}
