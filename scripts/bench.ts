import * as path from 'path';
import { measureStaleFeedLatency } from './bench/alert-latency';
import { measureNodeRun, median, RunMeasurement } from './bench/measure';
import { toolPath } from './test-tools';
import { measureCriticalFloorLatency, measureSuddenDrainLead } from './bench/wallet-alerts';

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
}

// ---- wallets (constructs/wallets) ----
// 3. a wallet crossing its critical floor -> Slack, prod rules/routing and production intervals (runs in parallel:
//    the time is timers, not CPU); 4. on the sudden-drain trace, how long before empty the runway page fires.
const WALLET_FLOOR_RUNS = Number(process.env.BENCH_WALLET_RUNS ?? 3);

async function walletSection(): Promise<void> {
  const binaries = { prometheus: toolPath('prometheus'), alertmanager: toolPath('alertmanager') };
  const floor = await Promise.all(Array.from({ length: WALLET_FLOOR_RUNS }, () => measureCriticalFloorLatency(binaries)));
  floor.forEach((seconds, run) => process.stderr.write(`  wallet floor run ${run + 1}/${WALLET_FLOOR_RUNS}: ${seconds.toFixed(1)} s\n`));
  process.stdout.write(
    'wallet below critical floor -> Slack (prod rules and routing; exporter check 15s, scrape 30s, evaluation 15s, for 2m, group_wait): ' +
      `median ${median(floor).toFixed(1)} s over ${WALLET_FLOOR_RUNS} runs (min ${Math.min(...floor).toFixed(1)}, max ${Math.max(...floor).toFixed(1)})\n`,
  );
  const lead = measureSuddenDrainLead(toolPath('promtool'));
  const hours = (minute: number) => ((lead.emptyAtMinute - minute) / 60).toFixed(2);
  process.stdout.write(
    `sudden drain (0.03 ETH/h, then 2.4 ETH/h from 9.8 ETH; promtool, 1m evaluations): runway page ${hours(lead.runwayPageAtMinute)} h before empty, ` +
      `critical-floor page ${hours(lead.floorPageAtMinute)} h before empty (runway page ${((lead.floorPageAtMinute - lead.runwayPageAtMinute) / 60).toFixed(2)} h earlier)\n`,
  );
}

main()
  .then(walletSection)
  .catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
