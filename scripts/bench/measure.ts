import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface RunMeasurement {
  readonly wallSeconds: number;
  readonly maxRssMegabytes: number;
}

const REPORT_USAGE = path.join(__dirname, 'report-usage.js');

/** Runs `node <args>` once in a fresh output directory; returns wall time and the process's peak RSS. */
export function measureNodeRun(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunMeasurement {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-bench-'));
  const usageFile = path.join(work, 'usage.json');
  try {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--require', REPORT_USAGE, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, ...env, CDKTF_OUTDIR: path.join(work, 'cdktf.out'), BENCH_USAGE_FILE: usageFile },
    });
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
    const { maxRssBytes } = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { maxRssBytes: number };
    return { wallSeconds, maxRssMegabytes: maxRssBytes / 1e6 };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs a command chain (`[command, ...args]` each) in `cwd` with a fresh output directory; returns its wall time. */
export function measureCommands(commands: ReadonlyArray<readonly string[]>, cwd: string): number {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-bench-'));
  try {
    const started = process.hrtime.bigint();
    for (const [command, ...args] of commands) {
      const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CDKTF_OUTDIR: path.join(work, 'cdktf.out') } });
      if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
    }
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
