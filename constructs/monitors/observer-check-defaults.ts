import { DEFAULT_OBSERVER_THRESHOLDS } from './observer-config';

// Thresholds of pyth-observer's own checks, as feedops configures them (observer-config.ts), named for the panels
// and alerts that mirror them, so a panel turns red when the matching check would fail.
export const OBSERVER_CHECK_DEFAULTS = {
  /** PriceFeedOfflineCheck.max_slot_distance: a feed this many slots behind the latest block is offline. */
  staleAfterSlots: DEFAULT_OBSERVER_THRESHOLDS.feedOfflineSlots,
  /** PriceFeedOfflineCheck.abandoned_slot_distance: beyond this the feed counts as abandoned and the check passes. */
  abandonedAfterSlots: DEFAULT_OBSERVER_THRESHOLDS.feedAbandonedSlots,
  /** Percent; feedops writes the observer's max_deviation as the fraction its check really compares (observer-config.ts). */
  maxDeviationFromCoingeckoPercent: DEFAULT_OBSERVER_THRESHOLDS.coingeckoMaxDeviationPercent,
  /** PriceFeedCoinGeckoCheck.max_staleness: older CoinGecko prices are not compared at all. */
  coingeckoMaxAgeSeconds: DEFAULT_OBSERVER_THRESHOLDS.coingeckoMaxStalenessSeconds,
} as const;
