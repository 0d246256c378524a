/**
 * Every numeric limit of price-feed monitoring, one name each. The observer's checks, the alert rules and the
 * dashboards' colour boundaries all read these resolved values, so they cannot disagree.
 */
export interface PriceFeedThresholds {
  /** A feed is stale this many slots after its last trading update (~400 ms a slot): PriceFeedOfflineCheck, PythPriceFeedStale, the Staleness panel. @default 120 */
  readonly staleAfterSlots: number;
  /** Beyond this many slots a feed counts as abandoned; the observer skips it and dashboards leave it out. @default 100000 */
  readonly abandonedAfterSlots: number;
  /** Deviation of the aggregate from CoinGecko, in percent: PriceFeedCoinGeckoCheck, PythPriceDeviationFromCoinGeckoHigh, the deviation panels. @default 5 */
  readonly maxCoinGeckoDeviationPercent: number;
  /** A CoinGecko price older than this (seconds) is not compared and CoinGeckoPriceStale fires. CoinGecko refreshes every 1-10 minutes. @default 600 */
  readonly maxCoinGeckoPriceAgeSeconds: number;
  /** Fewer quoting publishers than this is a warning; keep it above the feed's on-chain min_pub. @default 3 */
  readonly minPublishers: number;
  /** How many times wider than its own recent median the confidence interval may get. @default 10 */
  readonly maxConfidenceIntervalWidening: number;
  /** Distance of a publisher's price from the aggregate, percent (PublisherPriceCheck). @default 5 */
  readonly publisherMaxDeviationPercent: number;
  /** Publisher quotes older than this many slots are ignored by publisher checks. @default 25 */
  readonly publisherMaxSlotDistance: number;
  /** A publisher whose price has not moved for this long is stalled, seconds (PublisherStalledCheck). @default 120 */
  readonly publisherStallSeconds: number;
  /** A publisher stalled this long is abandoned, seconds. @default 300 */
  readonly publisherAbandonedSeconds: number;
}

/** The defaults: pyth-observer's sample.config.yaml where it has the value, feedops' own otherwise (see each field). */
export const DEFAULT_PRICE_FEED_THRESHOLDS: Readonly<PriceFeedThresholds> = {
  staleAfterSlots: 120,
  abandonedAfterSlots: 100_000,
  maxCoinGeckoDeviationPercent: 5,
  maxCoinGeckoPriceAgeSeconds: 600,
  minPublishers: 3,
  maxConfidenceIntervalWidening: 10,
  publisherMaxDeviationPercent: 5,
  publisherMaxSlotDistance: 25,
  publisherStallSeconds: 120,
  publisherAbandonedSeconds: 300,
};

export const THRESHOLD_NAMES = Object.keys(DEFAULT_PRICE_FEED_THRESHOLDS) as readonly (keyof PriceFeedThresholds)[];

/** Pythnet produces a slot about every 400 ms; used to explain slot counts in seconds. */
export const PYTHNET_SLOT_SECONDS = 0.4;
