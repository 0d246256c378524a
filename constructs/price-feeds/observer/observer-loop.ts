import { Duration } from '../../core/duration';

/**
 * How often pyth-observer's metrics change: once per loop (pyth_observer/__init__.py, `Observer.run`, v3.0.2). A
 * loop fetches the products, CoinGecko and every price account, sets every gauge from that one snapshot, runs its
 * checks, then sleeps `sleep`. Between loops a scrape reads the last snapshot, so a stale feed's staleness shows
 * up to one loop late. The work is round trips to Pythnet RPC and CoinGecko; it was not measured here (no
 * network), `work` is an assumption the alert-latency budget and the alert-quality benchmark both use.
 */
export const OBSERVER_LOOP = {
  /** `await asyncio.sleep(5)` at the end of every loop (upstream, fixed). */
  sleep: Duration.seconds(5),
  /** The loop's fetches and checks, assumed between these bounds. */
  work: { atLeast: Duration.seconds(2), atMost: Duration.seconds(4) },
  /** From process start to its first snapshot (the first product refresh is the slowest), assumed. */
  firstLoop: { atLeast: Duration.seconds(5), atMost: Duration.seconds(10) },
} as const;

/** The longest a loop takes: how late, at worst, a change shows in the observer's metrics. */
export function longestObserverLoopSeconds(): number {
  return OBSERVER_LOOP.sleep.toSeconds() + OBSERVER_LOOP.work.atMost.toSeconds();
}
