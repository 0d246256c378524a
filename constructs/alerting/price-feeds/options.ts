import { Duration } from '../../core/duration';
import type { FeedClass } from './feed-class';

/** Numeric limits of one feed. Set them on a feed class; a feed may override any of them. */
export interface PriceFeedLimits {
  /**
   * Slots since the last trading update above which the feed is stale. Pythnet slots are about 400 ms.
   * @default 120 (about 48 s; pyth-observer's sample `max_slot_distance`)
   */
  readonly maxStalenessSlots?: number;
  /**
   * Deviation from the CoinGecko price, in percent (the observer's metric is already ×100), above which the
   * price is suspect.
   * @default 5 (pyth-observer's sample `max_deviation`, read as the percent its comment says)
   */
  readonly maxDeviationPercent?: number;
  /**
   * How many times wider than its own median over `confidenceBaseline` the confidence interval may get.
   * @default 10
   */
  readonly maxConfidenceIntervalWidening?: number;
}

export interface PriceFeedOptions extends PriceFeedLimits {
  /**
   * Fewer publishers than this on the feed is a warning. Set it above the feed's on-chain `min_pub`: below
   * `min_pub` the aggregate is already unknown and PythPriceFeedNotTrading fires.
   */
  readonly minPublishers: number;
}

/** How long each condition must hold before its alert fires. */
export interface PriceFeedPendingDurations {
  /** The minimum a rule allows: a stale feed must reach Slack within 90 s of crossing its limit. @default Duration.minutes(1) */
  readonly stale?: Duration;
  /** @default Duration.minutes(2) */
  readonly notTrading?: Duration;
  /** @default Duration.minutes(5) */
  readonly publishersLow?: Duration;
  /** @default Duration.minutes(5) */
  readonly deviation?: Duration;
  /** @default Duration.minutes(10) */
  readonly confidenceWide?: Duration;
  /** @default Duration.minutes(5) */
  readonly coinGeckoStale?: Duration;
  /** @default Duration.minutes(10) (the observer needs a full loop after a restart) */
  readonly metricAbsent?: Duration;
}

export interface FeedClassOptions extends PriceFeedLimits {
  /** The feeds to alert on, keyed by Pyth symbol (e.g. `Crypto.BTC/USD`); at least one. */
  readonly feeds: Readonly<Record<string, PriceFeedOptions>>;
  /**
   * Alert on deviation from CoinGecko and on a stale CoinGecko price. CoinGecko prices crypto assets; the
   * observer's CoinGecko mapping has no equities or FX.
   * @default true for crypto, false for equity and fx
   */
  readonly compareWithCoinGecko?: boolean;
  /**
   * A CoinGecko price older than this (or not refreshed for this long) is stale: the deviation alert ignores
   * it and CoinGeckoPriceStale fires. CoinGecko updates its prices every 1-10 minutes.
   * @default Duration.minutes(10)
   */
  readonly maxCoinGeckoPriceAge?: Duration;
  /**
   * Window of the median the confidence interval is compared with; at least an hour.
   * @default Duration.hours(6)
   */
  readonly confidenceBaseline?: Duration;
  /** @default - the PriceFeedPendingDurations defaults */
  readonly pendingFor?: PriceFeedPendingDurations;
}

/** How Prometheus scrapes pyth-observer. */
export interface ObserverScrapeOptions {
  /**
   * The `job` label of the observer's targets (a ServiceMonitor's job is the Service name).
   * @default 'pyth-observer'
   */
  readonly job?: string;
  /**
   * The label that holds the observer's own `service` label ("pyth" or "coingecko") after scraping. A
   * ServiceMonitor adds a `service` target label, so Prometheus renames the observer's to `exported_service`;
   * with a PodMonitor or `honorLabels: true` it stays `service`.
   * @default 'exported_service'
   */
  readonly apiServiceLabel?: string;
}

export interface PriceFeedRuleOptions {
  /** Environment name, the `environment` label of every alert (e.g. `prod`). */
  readonly environment: string;
  /** The team that owns the feeds; every alert's `team` label. */
  readonly team: string;
  /** https base URL of the runbooks; an alert links `<runbookBaseUrl>/<AlertName>.md`. */
  readonly runbookBaseUrl: string;
  /** The feed classes to alert on, each with its feeds; at least one class. */
  readonly feedClasses: Readonly<Partial<Record<FeedClass, FeedClassOptions>>>;
  /** @default - job 'pyth-observer', API service label 'exported_service' */
  readonly observer?: ObserverScrapeOptions;
  /**
   * `metadata.name` of the PrometheusRule.
   * @default 'pyth-price-feeds'
   */
  readonly name?: string;
  /**
   * `metadata.namespace` of the PrometheusRule.
   * @default 'monitoring'
   */
  readonly namespace?: string;
}

export const DEFAULT_MAX_STALENESS_SLOTS = 120;
export const DEFAULT_MAX_DEVIATION_PERCENT = 5;
export const DEFAULT_MAX_CONFIDENCE_INTERVAL_WIDENING = 10;
export const DEFAULT_MAX_COINGECKO_PRICE_AGE = Duration.minutes(10);
export const DEFAULT_CONFIDENCE_BASELINE = Duration.hours(6);
export const MIN_CONFIDENCE_BASELINE = Duration.hours(1);
export const DEFAULT_COMPARE_WITH_COINGECKO: Readonly<Record<FeedClass, boolean>> = { crypto: true, equity: false, fx: false };
export const DEFAULT_PENDING_FOR: Readonly<Required<PriceFeedPendingDurations>> = {
  stale: Duration.minutes(1),
  notTrading: Duration.minutes(2),
  publishersLow: Duration.minutes(5),
  deviation: Duration.minutes(5),
  confidenceWide: Duration.minutes(10),
  coinGeckoStale: Duration.minutes(5),
  metricAbsent: Duration.minutes(10),
};
export const DEFAULT_OBSERVER_JOB = 'pyth-observer';
export const DEFAULT_OBSERVER_API_SERVICE_LABEL = 'exported_service';
export const DEFAULT_PROMETHEUS_RULE_NAME = 'pyth-price-feeds';
export const DEFAULT_PROMETHEUS_RULE_NAMESPACE = 'monitoring';

/** Pythnet produces a slot about every 400 ms; used to explain slot counts in seconds. */
export const PYTHNET_SLOT_SECONDS = 0.4;
