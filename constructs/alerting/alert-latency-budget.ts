import { Duration } from '../core/duration';
import { longestObserverLoopSeconds } from '../price-feeds/observer/observer-loop';
import { DEFAULT_PRICE_FEED_THRESHOLDS, PYTHNET_SLOT_SECONDS } from '../price-feeds/thresholds';

/**
 * How long a stale feed takes to reach Slack, counted from the feed's last update, and the parts that add up to it.
 * Each part is owned here and read by the place that configures it (observer ServiceMonitor, Prometheus, the stale
 * rule's group and `for`, the critical route), so the sum is one fact a test checks against the target, and the
 * synthesized stacks are checked against the same target (test/alerting/stale-feed-budget.test.ts). The design was
 * chosen from the alert-quality benchmark (docs/performance.md, "Alert quality"): the staleness count already
 * measures how long the feed has been stale, so the budget goes to fast scrapes and evaluations, not to `for`.
 * Worst case: the count passes the staleness limit, the observer's next loop publishes it, a scrape reads it, the
 * stale rule's group evaluates it, the pending time rounded up to whole evaluations, then the critical group_wait.
 */
export const ALERT_LATENCY_BUDGET = {
  /** Target, at worst, from a feed's last update to the Slack page (the median target is 60 s). */
  target: Duration.seconds(70),
  /** ServiceMonitor interval of the observer. */
  scrapeInterval: Duration.seconds(5),
  /** Prometheus `evaluationInterval`: every rule group that sets no interval of its own. */
  evaluationInterval: Duration.seconds(15),
  /** `interval` of the stale rule's own rule groups (one per asset type). */
  staleEvaluationInterval: Duration.seconds(5),
  /** `for` of PythPriceFeedStale (the asset types' default pending time): none, the count is the wait. */
  stalePending: Duration.ZERO,
  /** `group_wait` of the critical route: long enough for the alerts of one evaluation to share a message. */
  criticalGroupWait: Duration.seconds(1),
} as const;

/** The parts of the budget the worst case adds up. */
export type AlertLatencyParts = Omit<typeof ALERT_LATENCY_BUDGET, 'target'>;

/** The worst-case latency of the budget's parts for a staleness limit of `staleAfterSlots`, in seconds. */
export function worstCaseAlertLatencySeconds(budget: AlertLatencyParts = ALERT_LATENCY_BUDGET, staleAfterSlots = DEFAULT_PRICE_FEED_THRESHOLDS.staleAfterSlots): number {
  const evaluation = budget.staleEvaluationInterval.toSeconds();
  const pending = Math.ceil(budget.stalePending.toSeconds() / evaluation) * evaluation;
  return (
    staleAfterSlots * PYTHNET_SLOT_SECONDS + longestObserverLoopSeconds() + budget.scrapeInterval.toSeconds() + evaluation + pending + budget.criticalGroupWait.toSeconds()
  );
}
