import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PLAN_SUMMARY_MARKER } from '../../scripts/plan-summary/render';
import { fixturePath, readFixture } from './plan-summary/fixtures';

/** The compiled command, as CI runs it: `node dist/scripts/plan-summary.js <plan.json>...`. */
const CLI = path.resolve(__dirname, '../../scripts/plan-summary.js');

function runCli(args: string[], cwd?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('node dist/scripts/plan-summary.js', () => {
  test('exits 0 and prints the comment for the fixture plans, nothing on stderr', () => {
    const files = ['dev-cluster', 'dev-platform', 'staging-monitors', 'prod-cluster', 'prod-monitors'].map((stack) => fixturePath(`${stack}.json`));
    const result = runCli(files);
    expect([result.status, result.stderr, result.stdout.startsWith(`${PLAN_SUMMARY_MARKER}\n`)]).toEqual([0, '', true]);
  });

  test('exits 1 naming the file when a plan is truncated', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-summary-'));
    fs.writeFileSync(path.join(directory, 'prod-cluster.json'), readFixture('invalid/truncated.json'));
    const result = runCli(['prod-cluster.json'], directory);
    fs.rmSync(directory, { recursive: true });
    expect([result.status, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toMatch(/^plan-summary: prod-cluster\.json: not valid JSON .*the file may be truncated/);
  });

  test('exits 1 when the JSON is state output, not a plan', () => {
    const result = runCli([fixturePath('invalid/state.json')]);
    expect([result.status, result.stderr]).toEqual([1, expect.stringContaining('state.json: neither planned_values nor resource_changes is present, so this is not a plan')]);
  });

  test('exits 1 when a file does not exist', () => {
    const result = runCli(['plans/nothing-here.json']);
    expect([result.status, result.stderr]).toEqual([1, 'plan-summary: plans/nothing-here.json: no such file\n']);
  });

  test('exits 2 with the usage on stderr when called without files', () => {
    const result = runCli([]);
    expect([result.status, result.stderr]).toEqual([2, expect.stringContaining('Usage: plan-summary')]);
  });
});
