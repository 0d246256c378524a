/**
 * The alerts of the price-feed rule pack. Names are public API: Alertmanager routes and inhibitions, silences
 * and the runbook files (`docs/runbooks/<name>.md`) refer to them.
 */
export const PRICE_FEED_ALERTS = {
  priceFeedStale: 'PythPriceFeedStale',
  priceFeedNotTrading: 'PythPriceFeedNotTrading',
  publishersLow: 'PythPriceFeedPublishersLow',
  confidenceIntervalWide: 'PythPriceConfidenceIntervalWide',
  deviationFromCoinGeckoHigh: 'PythPriceDeviationFromCoinGeckoHigh',
  coinGeckoPriceStale: 'CoinGeckoPriceStale',
  priceFeedMetricAbsent: 'PythPriceFeedMetricAbsent',
} as const;

export const OBSERVER_ALERTS = {
  observerDown: 'PythObserverDown',
  observerAbsent: 'PythObserverAbsent',
  observerStalled: 'PythObserverStalled',
  observerMetricAbsent: 'PythObserverMetricAbsent',
  observerLoopErrors: 'PythObserverLoopErrors',
  observerNetworkDown: 'PythObserverNetworkDown',
} as const;

/** pyth-observer's metric families the pack reads (pyth_observer/metrics.py, v3.0.x). */
export const OBSERVER_METRICS = {
  staleness: 'pyth_observer_price_feed_staleness_slots',
  status: 'pyth_observer_price_feed_status',
  confidenceInterval: 'pyth_observer_price_feed_confidence_interval',
  publishers: 'pyth_observer_publishers_active_total',
  deviationFromCoinGecko: 'pyth_observer_price_deviation_from_coingecko_percent',
  coinGeckoPriceAge: 'pyth_observer_coingecko_price_age_seconds',
  latestBlockSlot: 'pyth_observer_latest_block_slot',
  loopErrors: 'pyth_observer_loop_errors_total',
  networkConnectionStatus: 'pyth_observer_network_connection_status',
  apiRequests: 'pyth_observer_api_requests_total',
} as const;
