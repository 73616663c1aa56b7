/** Type checking is done once by `tsc --noEmit` in `npm test`; ts-jest only transpiles. */
module.exports = {
  // Node's, with a quicker end for each worker: see the file for why.
  testEnvironment: '<rootDir>/test/support/quick-exit-environment.js',
  roots: ['<rootDir>/test', '<rootDir>/examples'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/support/temporary-directory-setup.js',
  globalTeardown: '<rootDir>/test/support/temporary-directory-teardown.js',
  setupFiles: ['<rootDir>/test/support/no-ambient-proxy.ts'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  // A test that takes 1-3 s here can take ten times that on CI's two cores busy with the other
  // worker and its gateways; a hang still fails, only later.
  testTimeout: 40000,
  // Jest's default (cores - 1) is one worker on CI's 2 cores: most files wait on sockets and child
  // processes, so a worker per core roughly halves the run (732 s -> 480 s there), and the tests'
  // budgets are already set for a machine busy with other work.
  maxWorkers: '100%',
};
