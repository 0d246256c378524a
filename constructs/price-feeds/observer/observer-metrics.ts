// The metrics pyth-observer exports on :9001, as defined in pyth_observer/metrics.py (pyth-network/pyth-observer,
// v3.0.2). Alert rules and dashboards select series through these constants, so a renamed metric or label is one
// edit here and a test failure everywhere it is used.

/** How prometheus_client exposes a family, which decides the series names a query may select. */
export type ObserverMetricType = 'gauge' | 'counter' | 'histogram' | 'info';

export interface ObserverMetricFamily {
  /** The series name as exposed (for counters this already ends in `_total`). */
  readonly name: string;
  readonly type: ObserverMetricType;
  /** Every label the observer sets on the family's series (Prometheus adds job, instance, pod, ... on scrape). */
  readonly labels: readonly string[];
  /** What the value means, from the source (and where the source's help text is misleading, what it really is). */
  readonly meaning: string;
}

export const OBSERVER_METRICS = {
  priceFeedStatus: {
    name: 'pyth_observer_price_feed_status',
    type: 'gauge',
    labels: ['symbol', 'asset_type'],
    meaning:
      'Aggregate price status: 1 when trading, 0 for any other status. 0 when fewer than min_pub publishers quoted in the ' +
      'last 25 slots, or when the aggregate is older than max_latency: the only trace of silent publishers in these metrics.',
  },
  priceFeedStalenessSlots: {
    name: 'pyth_observer_price_feed_staleness_slots',
    type: 'gauge',
    labels: ['symbol', 'asset_type'],
    meaning:
      'Slot of the read minus the slot of the last trading aggregate (Pythnet slots are about 400 ms). A busy trading ' +
      'feed can hold the same small value loop after loop; a feed that is not trading grows every loop.',
  },
  priceFeedConfidenceInterval: {
    name: 'pyth_observer_price_feed_confidence_interval',
    type: 'gauge',
    labels: ['symbol', 'asset_type'],
    meaning: 'Aggregate confidence interval in price units (absolute; no price metric exists to make it relative).',
  },
  priceDeviationFromCoingeckoPercent: {
    name: 'pyth_observer_price_deviation_from_coingecko_percent',
    type: 'gauge',
    labels: ['symbol'],
    meaning: '|aggregate - CoinGecko| / CoinGecko * 100, set only for symbols in the CoinGecko mapping.',
  },
  coingeckoPriceAgeSeconds: {
    name: 'pyth_observer_coingecko_price_age_seconds',
    type: 'gauge',
    labels: ['symbol'],
    meaning: 'Seconds since CoinGecko last updated the price the deviation is computed against.',
  },
  publishersActive: {
    name: 'pyth_observer_publishers_active_total',
    type: 'gauge',
    labels: ['symbol', 'asset_type'],
    meaning:
      'Price components on the feed\'s price account in the last cycle: publishers permissioned to quote it, quoting or ' +
      'not (a publisher that stops quoting stays counted). Not "active" publishers; a gauge despite "_total".',
  },
  checkSuccessRate: {
    name: 'pyth_observer_check_success_rate',
    type: 'gauge',
    labels: ['check_type', 'symbol'],
    meaning:
      'Share (0-1) of enabled checks that passed; check_type is "price_feed" or "publisher". The publisher value of a ' +
      'symbol is overwritten per publisher (dispatch.py), so it is the last checked publisher\'s rate, not an aggregate: ' +
      'it cannot count publishers that stopped quoting.',
  },
  checkExecutionDurationSeconds: {
    name: 'pyth_observer_check_execution_duration_seconds',
    type: 'histogram',
    labels: ['check_type'],
    meaning: 'Time per check run; check_type is the check class name (PriceFeedOfflineCheck, PublisherPriceCheck, ...).',
  },
  priceFeedsProcessed: {
    name: 'pyth_observer_price_feeds_processed_total',
    type: 'gauge',
    labels: [],
    meaning: 'Price feeds processed in the last cycle; a gauge despite "_total".',
  },
  loopErrors: {
    name: 'pyth_observer_loop_errors_total',
    type: 'counter',
    labels: ['error_type'],
    meaning: 'Exceptions in the observation loop, by exception class; each also makes /ready return 503.',
  },
  latestBlockSlot: {
    name: 'pyth_observer_latest_block_slot',
    type: 'gauge',
    labels: [],
    meaning:
      'Latest Pythnet block slot seen, set by every feed processed; it stops increasing when the loop or the RPC stalls, ' +
      'but keeps moving when a loop fails part-way (the feeds after the failing product freeze).',
  },
  networkConnectionStatus: {
    name: 'pyth_observer_network_connection_status',
    type: 'gauge',
    labels: ['network', 'endpoint_type'],
    meaning: '1 connected, 0 disconnected. Defined but never set by v3.0.2 (set_network_status has no caller): no series.',
  },
  apiRequests: {
    name: 'pyth_observer_api_requests_total',
    type: 'counter',
    labels: ['service', 'endpoint', 'status'],
    meaning:
      'Requests to Pyth and CoinGecko; status is "success" or "error". Pyth endpoints are "products" (once at the start ' +
      'of every loop) and "prices".',
  },
  apiRequestDurationSeconds: {
    name: 'pyth_observer_api_request_duration_seconds',
    type: 'histogram',
    labels: ['service', 'endpoint'],
    meaning: 'Duration of requests to Pyth and CoinGecko.',
  },
  apiRateLimitHits: {
    name: 'pyth_observer_api_rate_limit_hits_total',
    type: 'counter',
    labels: ['service'],
    meaning: 'Requests that hit a rate limit.',
  },
  alertsActive: {
    name: 'pyth_observer_alerts_active_total',
    type: 'gauge',
    labels: ['alert_type'],
    meaning: 'Open in-process alerts by check class; only Zenduty and Telegram events open them, so none in metrics-only mode.',
  },
  alertsSent: {
    name: 'pyth_observer_alerts_sent_total',
    type: 'counter',
    labels: ['alert_type', 'channel'],
    meaning: 'In-process alerts sent (Zenduty and Telegram only).',
  },
  observerInfo: {
    name: 'pyth_observer_info',
    type: 'info',
    labels: ['network', 'checks_enabled', 'event_handlers'],
    meaning: 'Always 1; labels describe the instance.',
  },
} as const satisfies Record<string, ObserverMetricFamily>;


export const OBSERVER_METRIC_FAMILIES: readonly ObserverMetricFamily[] = Object.values(OBSERVER_METRICS);

/** The suffixes of a histogram's series; `_created` is left out on purpose (not meant for queries). */
export const HISTOGRAM_SERIES_SUFFIXES = ['_bucket', '_sum', '_count'] as const;
export type HistogramSeriesSuffix = (typeof HISTOGRAM_SERIES_SUFFIXES)[number];

/** Series names a query may select from a family: a histogram's `_bucket`, `_sum` and `_count`, otherwise its name. */
export function observerSeriesNames(family: ObserverMetricFamily): string[] {
  return family.type === 'histogram' ? HISTOGRAM_SERIES_SUFFIXES.map((suffix) => `${family.name}${suffix}`) : [family.name];
}
