// Tests are compiled by `npm run build` (one type-check for the whole project) and jest runs the JavaScript,
// so no per-file TypeScript transform is paid on every run.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/dist/test/**/*.test.js'],
  testEnvironment: 'node',
  transform: {},
  maxWorkers: 2,
  testTimeout: 60000,
  // One synth of the whole app for the run; the policy, stack and snapshot suites all read it.
  globalSetup: '<rootDir>/dist/test/support/global-setup.js',
  globalTeardown: '<rootDir>/dist/test/support/global-teardown.js',
  // expect.hasAssertions() before every test: a test that asserts nothing fails.
  setupFilesAfterEnv: ['<rootDir>/dist/test/support/require-assertions.js'],
  // Names the slowest test files after every run.
  reporters: ['default', '<rootDir>/dist/test/support/slowest-files-reporter.js'],
};
