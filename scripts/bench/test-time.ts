import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** What one `jest` run over the compiled tests took, and the slowest files its reporter named. */
export interface TestRunMeasurement {
  /** `npm test`'s build step (its tsc over the project), written to a scratch directory so the running bench keeps dist/. */
  readonly buildSeconds: number;
  readonly wallSeconds: number;
  /** CPU (user + system) of jest and every process it ran and waited for; undefined where /proc is not there. */
  readonly cpuSeconds?: number;
  /** The lines of test/support/slowest-files-reporter.ts: the summed file time and the slowest files. */
  readonly slowestFiles: string[];
}

/**
 * Runs what `npm test` runs in `projectRoot`: the tsc build (timed into a scratch directory) and jest over the
 * compiled tests `npm run bench` has just built. A failing
 * run throws: a test time is only worth reporting for a green suite.
 */
export function measureTestRun(projectRoot: string): TestRunMeasurement {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-bench-build-'));
  const buildStarted = process.hrtime.bigint();
  const build = spawnSync(process.execPath, [path.join(projectRoot, buildCompiler(projectRoot)), '-p', 'tsconfig.json', '--outDir', scratch], { cwd: projectRoot, encoding: 'utf8' });
  const buildSeconds = Number(process.hrtime.bigint() - buildStarted) / 1e9;
  fs.rmSync(scratch, { recursive: true, force: true });
  if (build.status !== 0) throw new Error(`tsc failed (${build.status}):\n${build.stdout}${build.stderr}`);
  const cpuBefore = waitedChildrenCpuSeconds();
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/jest/bin/jest.js')], { cwd: projectRoot, encoding: 'utf8' });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = waitedChildrenCpuSeconds();
  if (result.status !== 0) throw new Error(`jest failed (${result.status}):\n${result.stderr.slice(-4000)}`);
  const report = result.stderr.slice(result.stderr.lastIndexOf('slowest test files'));
  const cpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return { buildSeconds, wallSeconds, cpuSeconds, slowestFiles: report.split('\n').filter((line) => line.startsWith('slowest') || /^\s+\d+\.\d s\s/.test(line)) };
}

/** Linux's clock ticks per second for /proc times (USER_HZ, 100 on every Linux architecture Node supports). */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU of this process's children that have ended and been waited for, with theirs (cutime + cstime of
 * /proc/self/stat): jest's workers, and the tools and servers they ran. Undefined without /proc.
 */
function waitedChildrenCpuSeconds(): number | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return undefined;
  }
  // The fields after the command name (which may hold spaces) in parentheses: cutime and cstime are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND;
}

/** The compiler package.json's build script runs (`node <path to tsc> -p tsconfig.json`). */
function buildCompiler(projectRoot: string): string {
  const build: string = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).scripts.build;
  const compiler = /\bnode (\S+\/tsc) -p tsconfig\.json/.exec(build)?.[1];
  if (!compiler) throw new Error(`package.json's build script does not run "node <tsc> -p tsconfig.json": ${build}`);
  return compiler;
}
