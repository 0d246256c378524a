// Tests are compiled by `npm run build` (one type-check for the whole project) and jest runs the JavaScript,
// so no per-file TypeScript transform is paid on every run.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/dist/test/**/*.test.js'],
  testEnvironment: 'node',
  transform: {},
  // A worker per core besides one for each of the four files that wait on real servers' timers (the market-open run
  // and the end-to-end paths, started first by the sequencer below): they spend their half minute mostly idle, and
  // the other workers keep every core busy with the CPU-bound files meanwhile (on 2 cores: 97 s with 3 workers, 77 s
  // with 5, 61 s with 6).
  // Capped: availableParallelism() ignores container CPU quotas on large hosts.
  maxWorkers: Math.min(require('os').availableParallelism(), 8) + 4,
  testTimeout: 60000,
  // One synth of the whole app for the run; the policy, stack and snapshot suites all read it.
  globalSetup: '<rootDir>/dist/test/support/global-setup.js',
  globalTeardown: '<rootDir>/dist/test/support/global-teardown.js',
  // expect.hasAssertions() before every test: a test that asserts nothing fails. cdktf's token creation stacks are
  // captured without source maps (test/support/plain-token-stacks.ts).
  setupFilesAfterEnv: ['<rootDir>/dist/test/support/require-assertions.js', '<rootDir>/dist/test/support/plain-token-stacks.js'],
  // The files that mostly wait on real servers' clocks start first, also in a fresh clone (no timings cached yet).
  testSequencer: '<rootDir>/dist/test/support/waiting-first-sequencer.js',
  // cdktf's file-asset archiver loads on its first use, not with cdktf in every test file (test/support/lazy-archiver.ts).
  moduleNameMapper: { '^archiver$': '<rootDir>/dist/test/support/lazy-archiver.js' },
  // Names the slowest test files after every run.
  reporters: ['default', '<rootDir>/dist/test/support/slowest-files-reporter.js'],
};
