// The tool lookup lives with the scripts, shared by the tests and the benchmark.
export * from '../../scripts/test-tools';
