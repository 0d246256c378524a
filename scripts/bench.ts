import * as path from 'path';
import { measureNodeRun, median, RunMeasurement } from './bench/measure';

// `npm run bench`: synth of every stack, the way feedops runs it (precompiled JavaScript) beside the way
// `cdktf init` sets projects up (ts-node on the TypeScript sources). Medians of several runs: the machine is shared.
const PROJECT_ROOT = path.resolve(__dirname, '../..');
const COMPILED_RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TS_NODE_RUNS = Number(process.env.BENCH_TS_NODE_RUNS ?? 3);
const TARGET_WALL_SECONDS = 1;
const TARGET_RSS_MEGABYTES = 250;

function runSeveral(label: string, runs: number, args: string[]): { wall: number; rss: number } {
  const measurements: RunMeasurement[] = [];
  for (let run = 0; run < runs; run++) {
    measurements.push(measureNodeRun(args, PROJECT_ROOT));
    process.stderr.write(`  ${label} run ${run + 1}/${runs}: ${measurements[run].wallSeconds.toFixed(3)} s\n`);
  }
  return { wall: median(measurements.map((m) => m.wallSeconds)), rss: median(measurements.map((m) => m.maxRssMegabytes)) };
}

function verdict(ok: boolean): string {
  return ok ? 'ok' : 'OVER TARGET';
}

const compiled = runSeveral('compiled', COMPILED_RUNS, [path.join(PROJECT_ROOT, 'dist', 'main.js')]);
const tsNode = runSeveral('ts-node', TS_NODE_RUNS, ['--require', 'ts-node/register', path.join(PROJECT_ROOT, 'main.ts')]);

const rows = [
  ['synth, all stacks', 'runs', 'median wall (s)', 'median peak RSS (MB)'],
  ['compiled JS (feedops)', String(COMPILED_RUNS), compiled.wall.toFixed(3), compiled.rss.toFixed(0)],
  ['ts-node (cdktf init)', String(TS_NODE_RUNS), tsNode.wall.toFixed(3), tsNode.rss.toFixed(0)],
];
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
for (const row of rows) process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}\n`);
process.stdout.write(
  `ts-node / compiled: ${(tsNode.wall / compiled.wall).toFixed(1)}x wall, ${(tsNode.rss / compiled.rss).toFixed(1)}x RSS\n` +
    `targets: wall <= ${TARGET_WALL_SECONDS} s (${verdict(compiled.wall <= TARGET_WALL_SECONDS)}), ` +
    `peak RSS <= ${TARGET_RSS_MEGABYTES} MB (${verdict(compiled.rss <= TARGET_RSS_MEGABYTES)})\n`,
);
