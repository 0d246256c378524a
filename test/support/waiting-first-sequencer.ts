// jest's default order puts the files that took longest last time first, but a fresh clone has no timings yet and
// falls back to file size. The files that spend a minute or more waiting on real servers' clocks (Alertmanager's
// minute-granular time intervals, end-to-end alert paths) then start last and set the run's wall time alone. They
// start first here, longest wait first; then the files that spend their time in real tools and child processes
// (promtool, amtool, npm, tsc, API Extractor, the synth CLI), which otherwise came last in a fresh clone and ran
// alone at the end; every other file keeps jest's order.
import type { Test } from '@jest/test-result';
import Sequencer from '@jest/test-sequencer';

/** Test files that mostly wait, in the order they should start (the longest wait first). */
export const WAITING_FILES: readonly RegExp[] = [/\/market-open\.alertmanager\.test\.js$/, /\/e2e\/[^/]+\.test\.js$/];

/** Test files that spend seconds of CPU in real tools and child processes. */
export const TOOL_DRIVEN_FILES: readonly RegExp[] = [
  /\.(promtool|amtool|alertmanager)\.test\.js$/,
  /\/library\/(package|api-report)\.test\.js$/,
  /\/environments\/(add-environment|synth-cli)\.test\.js$/,
  /\/scripts\/synth-build\.test\.js$/,
  /\/docs\/readme-snippets\.test\.js$/,
  /\/alerting\/rules\/market-clock\.test\.js$/,
];

function waitRank(path: string): number {
  const rank = WAITING_FILES.findIndex((pattern) => pattern.test(path));
  if (rank !== -1) return rank;
  return TOOL_DRIVEN_FILES.some((pattern) => pattern.test(path)) ? WAITING_FILES.length : WAITING_FILES.length + 1;
}

class WaitingFirstSequencer extends Sequencer {
  public override async sort(tests: Array<Test>): Promise<Array<Test>> {
    const byDefault = await super.sort(tests);
    return byDefault
      .map((test, index) => ({ test, index }))
      .sort((a, b) => waitRank(a.test.path) - waitRank(b.test.path) || a.index - b.index)
      .map(({ test }) => test);
  }
}

export default WaitingFirstSequencer;
