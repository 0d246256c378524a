import { ENVIRONMENTS } from '../../../environments';
import { environmentStacks } from '../../../scripts/plan-summary/apply-order';
import { EXIT_BAD_PLAN, EXIT_OK, EXIT_USAGE, runPlanSummaryCli, stackName } from '../../../scripts/plan-summary/cli';
import { PLAN_SUMMARY_MARKER } from '../../../scripts/plan-summary/render';
import { fixturePath, readFixture } from './fixtures';

/** Runs the command in-process with files served from memory. */
function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const status = runPlanSummaryCli(argv, {
    readFile: (file) => {
      if (!(file in files)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: 'ENOENT' });
      return files[file];
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { status, stdout, stderr };
}

describe('stackName', () => {
  test('is the file name without .json', () => {
    expect(stackName('plans/prod-cluster.json')).toBe('prod-cluster');
  });
});

describe('plan-summary command', () => {
  test('prints the summary of the given plans', () => {
    const result = run(['plans/prod-cluster.json'], { 'plans/prod-cluster.json': readFixture('prod-cluster.json') });
    expect([result.status, result.stdout.split('\n')[0], result.stderr]).toEqual([EXIT_OK, PLAN_SUMMARY_MARKER, '']);
  });

  test('calls out prod destroys, prod being the configured production environment', () => {
    const result = run(['prod-cluster.json'], { 'prod-cluster.json': readFixture('prod-cluster.json') });
    expect(result.stdout).toContain('> [!CAUTION]');
  });

  test('with --expect-all-stacks names every configured stack without a plan', () => {
    const result = run(['--expect-all-stacks', 'dev-cluster.json'], { 'dev-cluster.json': readFixture('dev-cluster.json') });
    const missing = environmentStacks(Object.keys(ENVIRONMENTS)).filter((stack) => stack !== 'dev-cluster');
    expect(missing.length).toBeGreaterThan(1);
    expect(result.stdout).toContain(`> No plan for ${missing.map((stack) => `\`${stack}\``).join(', ')}:`);
  });

  test('with --expect-all-stacks and no plan files still prints a summary, naming every stack', () => {
    const result = run(['--expect-all-stacks']);
    expect([result.status, result.stdout]).toEqual([EXIT_OK, expect.stringContaining('> No plan for `dev-cluster`')]);
  });

  test('fails with status 1 naming the file when a plan is truncated', () => {
    const result = run(['plans/prod-cluster.json'], { 'plans/prod-cluster.json': readFixture('invalid/truncated.json') });
    expect([result.status, result.stdout]).toEqual([EXIT_BAD_PLAN, '']);
    expect(result.stderr).toMatch(/^plan-summary: plans\/prod-cluster\.json: not valid JSON/);
  });

  test('fails with status 1 when a file is missing', () => {
    expect(run(['plans/dev-cluster.json'])).toMatchObject({ status: EXIT_BAD_PLAN, stderr: 'plan-summary: plans/dev-cluster.json: no such file\n' });
  });

  test('fails with status 2 and the usage when no file is given', () => {
    const result = run([]);
    expect([result.status, result.stderr]).toEqual([EXIT_USAGE, expect.stringContaining('plan-summary: no plan files given')]);
  });

  test('fails with status 2 on an unknown option', () => {
    expect(run(['--all', 'a.json']).stderr).toContain('unknown option "--all" (allowed: --expect-all-stacks, --help)');
  });

  test('fails with status 2 when a file name does not end in .json', () => {
    expect(run([fixturePath('prod-cluster.json').replace('.json', '.tfplan')])).toMatchObject({ status: EXIT_USAGE });
  });

  test('fails with status 2 when two files name the same stack', () => {
    const result = run(['a/dev-cluster.json', 'b/dev-cluster.json']);
    expect([result.status, result.stderr]).toEqual([EXIT_USAGE, expect.stringContaining('a/dev-cluster.json and b/dev-cluster.json are both plans of stack "dev-cluster"')]);
  });

  test('prints the usage with --help', () => {
    expect(run(['--help'])).toMatchObject({ status: EXIT_OK, stdout: expect.stringContaining('Usage: plan-summary') });
  });
});
