// Tests are compiled by `npm run build` (one type-check for the whole project) and jest runs the JavaScript,
// so no per-file TypeScript transform is paid on every run.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/dist/test/**/*.test.js'],
  testEnvironment: 'node',
  transform: {},
  // One more worker than the 2 cores: the end-to-end files spend their minute waiting on real servers' timers, and a
  // third worker keeps both cores busy with the CPU-bound files meanwhile.
  maxWorkers: 3,
  testTimeout: 60000,
  // One synth of the whole app for the run; the policy, stack and snapshot suites all read it.
  globalSetup: '<rootDir>/dist/test/support/global-setup.js',
  globalTeardown: '<rootDir>/dist/test/support/global-teardown.js',
  // expect.hasAssertions() before every test: a test that asserts nothing fails.
  setupFilesAfterEnv: ['<rootDir>/dist/test/support/require-assertions.js'],
  // The files that mostly wait on real servers' clocks start first, also in a fresh clone (no timings cached yet).
  testSequencer: '<rootDir>/dist/test/support/waiting-first-sequencer.js',
  // Names the slowest test files after every run.
  reporters: ['default', '<rootDir>/dist/test/support/slowest-files-reporter.js'],
};
