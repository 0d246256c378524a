import { Duration } from '../core/duration';

/**
 * How long a stale feed takes to reach Slack once its staleness crosses the limit, and the parts that add up to it.
 * Each part is owned here and read by the place that configures it (observer ServiceMonitor, Prometheus, the
 * stale rule's `for`, the critical route), so the sum is one fact a test can check against the target.
 * Worst case: one scrape interval until the crossing is scraped, one evaluation until the rule sees it, the
 * pending time rounded up to whole evaluations (the rule fires at the first evaluation after it), then the
 * critical route's group_wait.
 */
export const ALERT_LATENCY_BUDGET = {
  /** Target from the moment the staleness limit is crossed to the Slack page. */
  target: Duration.seconds(90),
  /** ServiceMonitor interval of the observer. */
  scrapeInterval: Duration.seconds(10),
  /** Prometheus `evaluationInterval` (rules). */
  evaluationInterval: Duration.seconds(15),
  /** `for` of PythPriceFeedStale (the asset types' default pending time). */
  stalePending: Duration.minutes(1),
  /** `group_wait` of the critical route. */
  criticalGroupWait: Duration.seconds(5),
} as const;

/** The worst-case latency of the budget's parts, in seconds. */
export function worstCaseAlertLatencySeconds(budget: Omit<typeof ALERT_LATENCY_BUDGET, 'target'> = ALERT_LATENCY_BUDGET): number {
  const evaluation = budget.evaluationInterval.toSeconds();
  const pending = Math.ceil(budget.stalePending.toSeconds() / evaluation) * evaluation;
  return budget.scrapeInterval.toSeconds() + evaluation + pending + budget.criticalGroupWait.toSeconds();
}
