// Thresholds of pyth-observer's own checks (sample.config.yaml and pyth_observer/check/*.py, v3.0.2). feedops alerts
// and dashboards start from the same numbers so a panel turns red when the matching check would fail.

export const OBSERVER_CHECK_DEFAULTS = {
  /** PriceFeedOfflineCheck.max_slot_distance: a feed this many slots behind the latest block is offline. */
  staleAfterSlots: 120,
  /** PriceFeedOfflineCheck.abandoned_slot_distance: beyond this the feed counts as abandoned and the check passes. */
  abandonedAfterSlots: 100_000,
  /**
   * PriceFeedCoinGeckoCheck.max_deviation, read as percent as its comment says. The check compares a fraction to it
   * (so it only fails above 500 %), while pyth_observer_price_deviation_from_coingecko_percent is a real percent.
   */
  maxDeviationFromCoingeckoPercent: 5,
  /** PriceFeedCoinGeckoCheck.max_staleness: older CoinGecko prices are not compared at all. */
  coingeckoMaxAgeSeconds: 60,
} as const;
