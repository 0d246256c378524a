import { ALERT_LATENCY_BUDGET } from '../alerting/alert-latency-budget';
import { Duration } from '../core/duration';

/** How long each condition must hold before its alert fires; set per asset type. */
export interface PriceFeedPendingDurations {
  /**
   * @default ALERT_LATENCY_BUDGET.stalePending - none (0s): the staleness count is itself the wait; part of the
   * alert-latency budget
   */
  readonly stale: Duration;
  /** @default Duration.minutes(2) */
  readonly notTrading: Duration;
  /** @default Duration.minutes(5) */
  readonly permissionedPublishersLow: Duration;
  /** @default Duration.minutes(2) (its 10m window already asks for repeated losses of the quorum) */
  readonly quorumIntermittent: Duration;
  /** @default Duration.minutes(5) */
  readonly deviation: Duration;
  /** @default Duration.minutes(10) */
  readonly confidenceWide: Duration;
  /** @default Duration.minutes(5) */
  readonly coinGeckoStale: Duration;
  /** @default Duration.minutes(10) (the observer needs a full loop after a restart) */
  readonly metricAbsent: Duration;
}

export const DEFAULT_PENDING_FOR: Readonly<PriceFeedPendingDurations> = {
  stale: ALERT_LATENCY_BUDGET.stalePending,
  notTrading: Duration.minutes(2),
  permissionedPublishersLow: Duration.minutes(5),
  quorumIntermittent: Duration.minutes(2),
  deviation: Duration.minutes(5),
  confidenceWide: Duration.minutes(10),
  coinGeckoStale: Duration.minutes(5),
  metricAbsent: Duration.minutes(10),
};

export const PENDING_FOR_NAMES = Object.keys(DEFAULT_PENDING_FOR) as readonly (keyof PriceFeedPendingDurations)[];

/**
 * Why PythPriceFeedStale needs no `for` (the one alert besides the Watchdog below the one-minute minimum): its
 * expression is a measured duration. A count above N slots means N x ~400 ms without a trading update, every
 * replica's value comes from one consistent Pythnet snapshot, so no single evaluation can page on a passing value;
 * a `for` would only add its own time to the page (the alert-quality benchmark: docs/performance.md).
 */
export const STALE_FOR_BELOW_MINIMUM_BECAUSE =
  'the staleness count is itself a measured duration (N slots = N x ~400 ms without a trading update), so a `for` would only delay the page';

/** The shortest pending time an asset type may set per condition: a minute, except the stale count (see above). */
export const MIN_PENDING_FOR: Readonly<Record<keyof PriceFeedPendingDurations, Duration>> = Object.fromEntries(
  PENDING_FOR_NAMES.map((name) => [name, name === 'stale' ? Duration.ZERO : Duration.minutes(1)]),
) as Record<keyof PriceFeedPendingDurations, Duration>;

/**
 * PythPriceFeedStale's `keep_firing_for`: a stale feed stays paged through a gap in its series. When the only
 * observer reporting the feed restarts, its series vanish for about a minute (pod replaced: 45 s until the new one
 * is scheduled, its first loop, a scrape); without this the alert resolves and pages again for the same incident
 * (the alert-quality benchmark's restart trace). The cost: the RESOLVED message comes this much later.
 */
export const STALE_KEEP_FIRING_FOR = Duration.minutes(2);

/** The window of the median a confidence interval is compared with. */
export const DEFAULT_CONFIDENCE_BASELINE = Duration.hours(6);
