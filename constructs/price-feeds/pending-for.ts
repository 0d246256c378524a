import { ALERT_LATENCY_BUDGET } from '../alerting/alert-latency-budget';
import { Duration } from '../core/duration';

/** How long each condition must hold before its alert fires; set per asset type. */
export interface PriceFeedPendingDurations {
  /** @default ALERT_LATENCY_BUDGET.stalePending - 1m, part of the alert-latency budget */
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

/** The window of the median a confidence interval is compared with. */
export const DEFAULT_CONFIDENCE_BASELINE = Duration.hours(6);
