import { z } from 'zod';

/**
 * Every numeric limit of price-feed monitoring, defined once: its name, default, allowed values and meaning. The
 * observer's checks, the alert rules and the dashboards' colour boundaries all read the resolved values, so they
 * cannot disagree. Defaults are pyth-observer's sample.config.yaml where it has the value, feedops' own otherwise.
 */
const wholeNumber = (unit: string, minimum: number) =>
  z.number().int({ message: `(allowed: a whole number of ${unit})` }).min(minimum, { message: `(allowed: at least ${minimum} ${unit})` });
const percent = z.number().gt(0, { message: '(allowed: a percentage above 0 and at most 100, e.g. 5 for 5 %)' }).max(100, { message: '(allowed: at most 100 percent)' });

export const PRICE_FEED_THRESHOLDS = {
  /** A feed is stale this many slots after its last trading update (~400 ms a slot): PriceFeedOfflineCheck, PythPriceFeedStale, the Staleness panel. */
  staleAfterSlots: { default: 120, schema: wholeNumber('slots', 1) },
  /** Beyond this many slots a feed counts as abandoned; the observer skips it and dashboards leave it out. */
  abandonedAfterSlots: { default: 100_000, schema: wholeNumber('slots', 1) },
  /** Deviation of the aggregate from CoinGecko, percent: PriceFeedCoinGeckoCheck, PythPriceDeviationFromCoinGeckoHigh, the deviation panels. */
  maxCoinGeckoDeviationPercent: { default: 5, schema: percent },
  /** A CoinGecko price older than this (seconds) is not compared and CoinGeckoPriceStale fires; CoinGecko refreshes every 1-10 minutes. */
  maxCoinGeckoPriceAgeSeconds: { default: 600, schema: wholeNumber('seconds', 60) },
  /**
   * Fewer publishers permissioned on a feed's price account (its price components) than this is a warning
   * (PythPriceFeedPermissionedPublishersLow); keep it above the feed's on-chain min_pub. It counts publishers allowed to
   * quote, not publishers quoting: the observer exports no count of those. feedops' own floor.
   */
  minPublishers: { default: 3, schema: wholeNumber('publishers', 1) },
  /** How many times wider than its own recent median the confidence interval may get. feedops' own. */
  maxConfidenceIntervalWidening: { default: 10, schema: z.number().gt(1, { message: '(allowed: a factor above 1, e.g. 10)' }) },
  /** Distance of a publisher's price from the aggregate, percent (PublisherPriceCheck). */
  publisherMaxDeviationPercent: { default: 5, schema: percent },
  /** Publisher quotes older than this many slots are ignored by publisher checks. */
  publisherMaxSlotDistance: { default: 25, schema: wholeNumber('slots', 1) },
  /** A publisher whose price has not moved for this long is stalled, seconds (PublisherStalledCheck). */
  publisherStallSeconds: { default: 120, schema: wholeNumber('seconds', 1) },
  /** A publisher stalled this long is abandoned, seconds. */
  publisherAbandonedSeconds: { default: 300, schema: wholeNumber('seconds', 1) },
} as const;

export type ThresholdName = keyof typeof PRICE_FEED_THRESHOLDS;
/** One value per threshold (see PRICE_FEED_THRESHOLDS for each one's meaning and default). */
export type PriceFeedThresholds = { readonly [N in ThresholdName]: number };

export const THRESHOLD_NAMES = Object.keys(PRICE_FEED_THRESHOLDS) as readonly ThresholdName[];

export const DEFAULT_PRICE_FEED_THRESHOLDS: PriceFeedThresholds = Object.fromEntries(
  THRESHOLD_NAMES.map((name) => [name, PRICE_FEED_THRESHOLDS[name].default]),
) as PriceFeedThresholds;

/** Any subset of the thresholds, by their one name each. */
export const thresholdsSchema = z.strictObject(
  Object.fromEntries(THRESHOLD_NAMES.map((name) => [name, PRICE_FEED_THRESHOLDS[name].schema.optional()])) as {
    [N in ThresholdName]: z.ZodOptional<(typeof PRICE_FEED_THRESHOLDS)[N]['schema']>;
  },
);

/** Pythnet produces a slot about every 400 ms; used to explain slot counts in seconds. */
export const PYTHNET_SLOT_SECONDS = 0.4;
