import * as path from 'path';
import { measureStaleFeedLatency } from './bench/alert-latency';
import { measureEndpointDownLatency } from './bench/endpoint-latency';
import { measureNodeRun, median, RunMeasurement } from './bench/measure';
import { toolPath } from './test-tools';

// `npm run bench`:
// 1. synth of every stack, the way feedops runs it (precompiled JavaScript) beside the way `cdktf init` sets projects
//    up (ts-node on the TypeScript sources);
// 2. the alert path: seconds from a feed crossing its staleness limit to the Slack page, with prod's rules and routing
//    and the production scrape and evaluation intervals and group_wait, through real Prometheus and Alertmanager.
// Medians of several runs: the machine is shared and noisy.
const PROJECT_ROOT = path.resolve(__dirname, '../..');
const COMPILED_RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TS_NODE_RUNS = Number(process.env.BENCH_TS_NODE_RUNS ?? 3);
const LATENCY_RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? 3);
const TARGET_WALL_SECONDS = 1;
const TARGET_RSS_MEGABYTES = 250;
const TARGET_LATENCY_SECONDS = 90;
// Endpoint probes (issue 10): probe every 30 s, EndpointDown `for` 2m, evaluation 15 s, critical group_wait.
const ENDPOINT_LATENCY_RUNS = Number(process.env.BENCH_ENDPOINT_RUNS ?? 3);
const TARGET_ENDPOINT_LATENCY_SECONDS = 180;

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

async function main(): Promise<void> {
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

  const binaries = { prometheus: toolPath('prometheus'), alertmanager: toolPath('alertmanager') };
  const latencies: number[] = [];
  for (let run = 0; run < LATENCY_RUNS; run++) {
    latencies.push(await measureStaleFeedLatency(binaries));
    process.stderr.write(`  alert path run ${run + 1}/${LATENCY_RUNS}: ${latencies[run].toFixed(1)} s\n`);
  }
  const latency = median(latencies);
  process.stdout.write(
    'alert path, stale feed -> Slack (prod rules and routing; production scrape/evaluation intervals and group_wait): ' +
      `median ${latency.toFixed(1)} s over ${LATENCY_RUNS} runs (min ${Math.min(...latencies).toFixed(1)}, max ${Math.max(...latencies).toFixed(1)}); ` +
      `target <= ${TARGET_LATENCY_SECONDS} s (${verdict(latency <= TARGET_LATENCY_SECONDS)})\n`,
  );

  // ---- endpoint probes (issue 10) ----
  const endpointLatencies: number[] = [];
  for (let run = 0; run < ENDPOINT_LATENCY_RUNS; run++) {
    endpointLatencies.push(await measureEndpointDownLatency({ ...binaries, blackbox: toolPath('blackbox_exporter') }));
    process.stderr.write(`  endpoint path run ${run + 1}/${ENDPOINT_LATENCY_RUNS}: ${endpointLatencies[run].toFixed(1)} s\n`);
  }
  const endpointLatency = median(endpointLatencies);
  process.stdout.write(
    'endpoint path, endpoint starts failing -> Slack page (real blackbox exporter; 30 s probes, 15 s evaluation, EndpointDown for 2m, prod routing): ' +
      `median ${endpointLatency.toFixed(1)} s over ${ENDPOINT_LATENCY_RUNS} runs (min ${Math.min(...endpointLatencies).toFixed(1)}, max ${Math.max(...endpointLatencies).toFixed(1)}); ` +
      `target <= ${TARGET_ENDPOINT_LATENCY_SECONDS} s (${verdict(endpointLatency <= TARGET_ENDPOINT_LATENCY_SECONDS)})\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
