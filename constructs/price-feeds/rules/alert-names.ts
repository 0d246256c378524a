import { OBSERVER_METRICS } from '../observer/observer-metrics';

/**
 * The alerts of the price-feed rule pack. Names are public API: Alertmanager routes and inhibitions, silences
 * and the runbook files (`docs/runbooks/<name>.md`) refer to them.
 */
export const PRICE_FEED_ALERTS = {
  priceFeedStale: 'PythPriceFeedStale',
  priceFeedNotTrading: 'PythPriceFeedNotTrading',
  /** Publishers on the price account (components), not publishers quoting: see quorumIntermittent. */
  permissionedPublishersLow: 'PythPriceFeedPermissionedPublishersLow',
  /** The aggregate keeps losing its quorum of quoting publishers: how silent publishers show in the observer's metrics. */
  quorumIntermittent: 'PythPriceFeedQuorumIntermittent',
  confidenceIntervalWide: 'PythPriceConfidenceIntervalWide',
  deviationFromCoinGeckoHigh: 'PythPriceDeviationFromCoinGeckoHigh',
  coinGeckoPriceStale: 'CoinGeckoPriceStale',
  priceFeedMetricAbsent: 'PythPriceFeedMetricAbsent',
  priceFeedMetricsFrozen: 'PythPriceFeedMetricsFrozen',
  coinGeckoPriceMissing: 'CoinGeckoPriceMissing',
} as const;

export const OBSERVER_ALERTS = {
  observerDown: 'PythObserverDown',
  observerAbsent: 'PythObserverAbsent',
  observerStalled: 'PythObserverStalled',
  observerNotRefreshing: 'PythObserverNotRefreshing',
  observerReportsNoFeeds: 'PythObserverReportsNoFeeds',
  observerLoopErrors: 'PythObserverLoopErrors',
  observerNetworkDown: 'PythObserverNetworkDown',
} as const;

/** The observer's series names the pack reads, from the shared catalogue of its metric families. */
export const OBSERVER_METRIC_NAMES = {
  staleness: OBSERVER_METRICS.priceFeedStalenessSlots.name,
  status: OBSERVER_METRICS.priceFeedStatus.name,
  confidenceInterval: OBSERVER_METRICS.priceFeedConfidenceInterval.name,
  permissionedPublishers: OBSERVER_METRICS.publishersActive.name,
  deviationFromCoinGecko: OBSERVER_METRICS.priceDeviationFromCoingeckoPercent.name,
  coinGeckoPriceAge: OBSERVER_METRICS.coingeckoPriceAgeSeconds.name,
  latestBlockSlot: OBSERVER_METRICS.latestBlockSlot.name,
  loopErrors: OBSERVER_METRICS.loopErrors.name,
  networkConnectionStatus: OBSERVER_METRICS.networkConnectionStatus.name,
  apiRequests: OBSERVER_METRICS.apiRequests.name,
} as const;
