/** Type checking is done once by `tsc --noEmit` in `npm test`; ts-jest only transpiles. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/examples'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/support/temporary-directory-setup.js',
  globalTeardown: '<rootDir>/test/support/temporary-directory-teardown.js',
  setupFiles: ['<rootDir>/test/support/no-ambient-proxy.ts'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  testTimeout: 20000,
};
