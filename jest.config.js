/**
 * Tests run from TypeScript sources, transpiled only by sucrase (type errors are `tsc`'s job, which
 * `npm test` runs first).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '@sucrase/jest-plugin' },
  testTimeout: 60000,
  watchman: false,
  // both cores of a small CI machine (jest's default leaves one to the parent, which mostly waits)
  maxWorkers: '100%',
};
