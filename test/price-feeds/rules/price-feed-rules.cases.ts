import { Duration } from '../../../constructs/core/duration';
import { OBSERVER_METRIC_NAMES } from '../../../constructs/price-feeds/rules/alert-names';
import type { AlertRuleCase, InputSeries } from '../../alerting/promtool/rule-test-case';
import { PROD_FEEDS } from '../fixtures';

/*
 * promtool unit tests of the price-feed pack, rendered with PROD_FEEDS (every feed class). Each alert has
 * at least one firing and one non-firing case; eval times sit between evaluations (…m30s), never on a window edge.
 */

const JOB = 'pyth-observer';
/** Target labels a ServiceMonitor scrape adds; the observer's own `service` label becomes `exported_service`. */
const TARGET = { job: JOB, instance: '10.0.1.23:9001', namespace: 'monitors', pod: 'pyth-observer-0', service: 'pyth-observer', endpoint: 'metrics' };
const SECOND_REPLICA = { ...TARGET, instance: '10.0.2.41:9001', pod: 'pyth-observer-1' };

const BTC = 'Crypto.BTC/USD';
const ETH = 'Crypto.ETH/USD';
const SOL = 'Crypto.SOL/USD';
const AAPL = 'Equity.US.AAPL/USD';
const EUR_USD = 'FX.EUR/USD';
const USD_HKD = 'FX.USD/HKD';
const XAU = 'Metal.XAU/USD';

function series(metric: string, labels: Readonly<Record<string, string>>, values: string): InputSeries {
  const rendered = Object.entries(labels).map(([name, value]) => `${name}="${value}"`);
  return { series: `${metric}{${rendered.join(',')}}`, values };
}

function assetType(symbol: string): string {
  return symbol.slice(0, symbol.indexOf('.'));
}

/** A feed metric as one observer replica exports it. */
function feedSeries(metric: string, symbol: string, values: string, target = TARGET): InputSeries {
  return series(metric, { ...target, symbol, asset_type: assetType(symbol) }, values);
}

/** A CoinGecko metric (labelled by symbol only). */
function coinGeckoSeries(metric: string, symbol: string, values: string, target = TARGET): InputSeries {
  return series(metric, { ...target, symbol }, values);
}

/** Pythnet RPC requests; the observer's own `endpoint` label becomes `exported_endpoint` under a ServiceMonitor. */
function rpcRequests(status: string, values: string, endpoint = 'prices', target = TARGET): InputSeries {
  return series(OBSERVER_METRIC_NAMES.apiRequests, { ...target, exported_service: 'pyth', exported_endpoint: endpoint, status }, values);
}

/** One error per minute in a loop that fails, by exception class. */
function loopErrors(errorType: string, values: string, target = TARGET): InputSeries {
  return series(OBSERVER_METRIC_NAMES.loopErrors, { ...target, error_type: errorType }, values);
}

/**
 * An observer replica whose every loop, from minute 3 on, raises after the first products (pyth_observer/__init__.py:
 * one try around the whole product loop): each loop starts with one products request (6 a minute), every one of
 * them from minute 3 ends in a KeyError, and the Pythnet slot still advances because the first products are processed.
 */
function loopFailingAfterFirstProducts(target = TARGET): InputSeries[] {
  return [
    series(OBSERVER_METRIC_NAMES.latestBlockSlot, target, '250000000+150x10'),
    rpcRequests('success', '0+6x10', 'products', target),
    loopErrors('KeyError', '_ _ _ 1+6x7', target),
  ];
}

/** A replica whose every loop completes: the slot advances, one products request per loop, no loop error. */
function loopCompleting(target = TARGET): InputSeries[] {
  return [series(OBSERVER_METRIC_NAMES.latestBlockSlot, target, '250000000+150x10'), rpcRequests('success', '0+6x10', 'products', target)];
}

/**
 * BTC past the failing product: updated until minute 3 (staleness 1-3 slots, its interval and CoinGecko age moving),
 * then every series keeps its last value. ETH sits before the failing product: updated every loop, and as a busy
 * feed's may, its staleness holds at 1 slot while its interval and CoinGecko age move.
 */
function btcFrozenFromMinute3(target = TARGET): InputSeries[] {
  return [
    feedSeries(OBSERVER_METRIC_NAMES.staleness, BTC, '3 1 2 1x7', target),
    feedSeries(OBSERVER_METRIC_NAMES.status, BTC, '1x10', target),
    feedSeries(OBSERVER_METRIC_NAMES.confidenceInterval, BTC, '11 12 13 14x7', target),
    coinGeckoSeries(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, BTC, '30 36 31 35x7', target),
  ];
}

function ethUpdatedEveryLoop(target = TARGET): InputSeries[] {
  return [
    feedSeries(OBSERVER_METRIC_NAMES.staleness, ETH, '1x10', target),
    feedSeries(OBSERVER_METRIC_NAMES.status, ETH, '1x10', target),
    feedSeries(OBSERVER_METRIC_NAMES.confidenceInterval, ETH, '8+0.25x10', target),
    coinGeckoSeries(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, ETH, '30 35 31 36 32 37 30 34 31 35 32', target),
  ];
}

/** Every configured feed trading and fresh, so absent() companions stay quiet unless a case removes a series. */
function healthyFeeds(except: { metric: string; symbol: string } | undefined, samples: number): InputSeries[] {
  const symbols = PROD_FEEDS.feeds.map((feed) => feed.symbol);
  return symbols.flatMap((symbol) =>
    [
      feedSeries(OBSERVER_METRIC_NAMES.staleness, symbol, `2x${samples}`),
      feedSeries(OBSERVER_METRIC_NAMES.status, symbol, `1x${samples}`),
    ].filter((input) => !(except && input.series.startsWith(`${except.metric}{`) && input.series.includes(`symbol="${except.symbol}"`))),
  );
}

/**
 * BTC's quoting publishers going silent while all 12 stay on its price account. The oracle marks an aggregate
 * unknown when fewer than min_pub publishers quoted in the last 25 slots (pyth-client upd_aggregate.h), and
 * pythclient reads an aggregate older than max_latency as unknown, so the observer samples status 0 in some loops
 * and 1 in others from minute 5; staleness spikes in the unknown stretches (the last trading slot stops) but stays
 * under 120; pyth_observer_publishers_active_total counts price components and does not move (__init__.py 162-195).
 */
function btcPublishersGoingSilent(): InputSeries[] {
  return [
    feedSeries(OBSERVER_METRIC_NAMES.status, BTC, '1 1 1 1 1 0 1 1 0 1 0 1 1 0 1 0 1 1 0 1'),
    feedSeries(OBSERVER_METRIC_NAMES.staleness, BTC, '2 1 2 1 2 40 3 2 55 2 35 1 2 60 2 45 3 2 50 2'),
    feedSeries(OBSERVER_METRIC_NAMES.permissionedPublishers, BTC, '12x19'),
  ];
}

const at = (minutes: number, seconds = 30) => Duration.seconds(minutes * 60 + seconds);

export const PRICE_FEED_RULE_CASES: readonly AlertRuleCase[] = [
  // --- observer ---------------------------------------------------------------------------------------------
  {
    name: 'PythObserverDown fires when the target has been down for longer than 3m',
    alert: 'PythObserverDown',
    at: at(5),
    series: [series('up', TARGET, '0x10')],
    firing: [{ labels: TARGET, value: 0 }],
  },
  {
    name: 'PythObserverDown stays pending while the target has been down for under 3m',
    alert: 'PythObserverDown',
    at: at(5),
    series: [series('up', TARGET, '1x3 0x7')],
    firing: [],
  },
  {
    name: 'PythObserverDown stays pending at 2m30s of a down target (for 3m)',
    alert: 'PythObserverDown',
    at: at(2),
    series: [series('up', TARGET, '0x10')],
    firing: [],
  },
  {
    name: 'PythObserverDown fires at 3m30s of a down target (for 3m, not longer)',
    alert: 'PythObserverDown',
    at: at(3),
    series: [series('up', TARGET, '0x10')],
    firing: [{ labels: TARGET, value: 0 }],
  },
  {
    name: 'PythObserverDown is silent while the target is up',
    alert: 'PythObserverDown',
    at: at(5),
    series: [series('up', TARGET, '1x10')],
    firing: [],
  },
  {
    name: 'PythObserverAbsent fires when Prometheus has no observer target at all',
    alert: 'PythObserverAbsent',
    at: at(6),
    series: [series('up', { job: 'node-exporter', instance: '10.0.1.5:9100' }, '1x10')],
    firing: [{ labels: {}, value: 1 }],
  },
  {
    name: 'PythObserverAbsent is silent while one observer target is up',
    alert: 'PythObserverAbsent',
    at: at(6),
    series: [series('up', TARGET, '1x10')],
    firing: [],
  },
  {
    name: 'PythObserverStalled fires when the latest slot has not moved for 5m',
    alert: 'PythObserverStalled',
    at: at(11),
    series: [series(OBSERVER_METRIC_NAMES.latestBlockSlot, TARGET, '250000000+150x3 250000450x10')],
    firing: [{ labels: TARGET, value: 0 }],
  },
  {
    name: 'PythObserverStalled is silent while the slot advances',
    alert: 'PythObserverStalled',
    at: at(11),
    series: [series(OBSERVER_METRIC_NAMES.latestBlockSlot, TARGET, '250000000+150x15')],
    firing: [],
  },
  {
    // Before this rule only PythObserverLoopErrors (a warning after 10m) fired here: the slot still advances.
    name: 'PythObserverStalled is silent while a loop that fails after the first products still advances the slot',
    alert: 'PythObserverStalled',
    at: at(9),
    series: [...loopFailingAfterFirstProducts(), ...btcFrozenFromMinute3()],
    firing: [],
  },
  {
    // prometheus_client exports the label-less slot gauge as 0 from process start: absent() of it never fires.
    name: 'PythObserverNotRefreshing fires when the observer is scraped but its slot has stayed 0 for 10m',
    alert: 'PythObserverNotRefreshing',
    at: at(10),
    series: [series('up', TARGET, '1x15'), series(OBSERVER_METRIC_NAMES.latestBlockSlot, TARGET, '0x15')],
    firing: [{ labels: { job: JOB, instance: TARGET.instance }, value: 0 }],
  },
  {
    name: 'PythObserverNotRefreshing stays pending at 9m30s of slot 0',
    alert: 'PythObserverNotRefreshing',
    at: at(9),
    series: [series('up', TARGET, '1x15'), series(OBSERVER_METRIC_NAMES.latestBlockSlot, TARGET, '0x15')],
    firing: [],
  },
  {
    name: 'PythObserverNotRefreshing is silent once the observer reports its slot',
    alert: 'PythObserverNotRefreshing',
    at: at(12),
    series: [series('up', TARGET, '1x15'), series(OBSERVER_METRIC_NAMES.latestBlockSlot, TARGET, '250000000+150x15')],
    firing: [],
  },
  {
    name: 'PythObserverReportsNoFeeds fires when the observer refreshes but exports no feed series',
    alert: 'PythObserverReportsNoFeeds',
    at: at(6),
    series: [series('up', TARGET, '1x15'), series(OBSERVER_METRIC_NAMES.latestBlockSlot, TARGET, '250000000+150x15')],
    firing: [{ labels: { job: JOB }, value: 1 }],
  },
  {
    name: 'PythObserverReportsNoFeeds is silent while the observer reports feeds',
    alert: 'PythObserverReportsNoFeeds',
    at: at(6),
    series: [series(OBSERVER_METRIC_NAMES.latestBlockSlot, TARGET, '250000000+150x15'), ...healthyFeeds(undefined, 15)],
    firing: [],
  },
  {
    name: 'PythObserverReportsNoFeeds leaves a replica that never refreshed to PythObserverNotRefreshing',
    alert: 'PythObserverReportsNoFeeds',
    at: at(12),
    series: [series('up', TARGET, '1x15'), series(OBSERVER_METRIC_NAMES.latestBlockSlot, TARGET, '0x15')],
    firing: [],
  },
  {
    name: 'PythObserverLoopErrors fires when loop errors keep coming for over 10m',
    alert: 'PythObserverLoopErrors',
    at: at(15),
    series: [series(OBSERVER_METRIC_NAMES.loopErrors, { ...TARGET, error_type: 'ConnectionError' }, '0+1x20')],
    // One error a minute: rate 1/60 per second.
    firing: [{ labels: { ...TARGET, error_type: 'ConnectionError' }, value: 1 / 60 }],
  },
  {
    name: 'PythObserverLoopErrors is silent after a single error',
    alert: 'PythObserverLoopErrors',
    at: at(15),
    series: [series(OBSERVER_METRIC_NAMES.loopErrors, { ...TARGET, error_type: 'ConnectionError' }, '0x2 1x18')],
    firing: [],
  },
  {
    name: 'PythObserverNetworkDown fires when most Pythnet RPC requests fail',
    alert: 'PythObserverNetworkDown',
    at: at(10),
    series: [rpcRequests('error', '0+2x20'), rpcRequests('success', '0+1x20')],
    firing: [{ labels: { job: JOB, instance: TARGET.instance }, value: 2 / 3 }],
  },
  {
    // pyth-observer v3.0.x never sets this gauge; a rule branch on it could never fire and is gone.
    name: 'PythObserverNetworkDown does not read the connection gauge the observer never sets',
    alert: 'PythObserverNetworkDown',
    at: at(10),
    series: [series(OBSERVER_METRIC_NAMES.networkConnectionStatus, { ...TARGET, network: 'pythnet', endpoint_type: 'ws' }, '0x20')],
    firing: [],
  },
  {
    name: 'PythObserverNetworkDown is silent when only a few RPC requests fail',
    alert: 'PythObserverNetworkDown',
    at: at(10),
    series: [rpcRequests('error', '0+1x20'), rpcRequests('success', '0+4x20')],
    firing: [],
  },
  {
    name: 'PythObserverNetworkDown ignores CoinGecko request errors',
    alert: 'PythObserverNetworkDown',
    at: at(10),
    series: [
      series(OBSERVER_METRIC_NAMES.apiRequests, { ...TARGET, exported_service: 'coingecko', exported_endpoint: 'prices', status: 'error' }, '0+5x20'),
      rpcRequests('success', '0+2x20'),
    ],
    firing: [],
  },

  // --- crypto feeds -----------------------------------------------------------------------------------------
  {
    name: 'PythPriceFeedStale fires for BTC 300 slots behind',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-crypto-stale',
    at: at(5),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, BTC, '300x10'), feedSeries(OBSERVER_METRIC_NAMES.staleness, ETH, '3x10')],
    firing: [{ labels: { symbol: BTC }, value: 300 }],
  },
  {
    name: 'PythPriceFeedStale fires when one of two observer replicas sees the feed stale',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-crypto-stale',
    at: at(5),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, BTC, '300x10'), feedSeries(OBSERVER_METRIC_NAMES.staleness, BTC, '2x10', SECOND_REPLICA)],
    firing: [{ labels: { symbol: BTC }, value: 300 }],
  },
  {
    name: 'PythPriceFeedStale is silent at 100 slots, under the 120-slot default',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-crypto-stale',
    at: at(5),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, BTC, '100x10')],
    firing: [],
  },
  {
    name: 'PythPriceFeedStale is silent for SOL at 150 slots, under its 200-slot override',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-crypto-stale',
    at: at(5),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, SOL, '150x10')],
    firing: [],
  },
  {
    name: 'PythPriceFeedStale fires for SOL above its 200-slot override',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-crypto-stale',
    at: at(5),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, SOL, '250x10')],
    firing: [{ labels: { symbol: SOL }, value: 250 }],
  },
  {
    name: 'PythPriceFeedStale ignores feeds that are not configured',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-crypto-stale',
    at: at(5),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, 'Crypto.DOGE/USD', '5000x10')],
    firing: [],
  },
  {
    name: 'PythPriceFeedNotTrading fires when BTC has not been trading for over 2m',
    alert: 'PythPriceFeedNotTrading',
    group: 'pyth-price-feeds-crypto',
    at: at(5),
    series: [feedSeries(OBSERVER_METRIC_NAMES.status, BTC, '0x10'), feedSeries(OBSERVER_METRIC_NAMES.status, ETH, '1x10')],
    firing: [{ labels: { symbol: BTC }, value: 0 }],
  },
  {
    name: 'PythPriceFeedNotTrading is silent while BTC trades',
    alert: 'PythPriceFeedNotTrading',
    group: 'pyth-price-feeds-crypto',
    at: at(5),
    series: [feedSeries(OBSERVER_METRIC_NAMES.status, BTC, '1x10')],
    firing: [],
  },
  {
    name: 'PythPriceFeedPermissionedPublishersLow fires when BTC\'s price account lists 3 publishers, under its minimum of 5',
    alert: 'PythPriceFeedPermissionedPublishersLow',
    at: at(8),
    group: 'pyth-price-feeds-crypto',
    series: [feedSeries(OBSERVER_METRIC_NAMES.permissionedPublishers, BTC, '3x10')],
    firing: [{ labels: { symbol: BTC }, value: 3 }],
  },
  {
    name: 'PythPriceFeedPermissionedPublishersLow is silent when BTC has exactly its minimum of 5',
    alert: 'PythPriceFeedPermissionedPublishersLow',
    group: 'pyth-price-feeds-crypto',
    at: at(8),
    series: [feedSeries(OBSERVER_METRIC_NAMES.permissionedPublishers, BTC, '5x10')],
    firing: [],
  },
  {
    name: 'PythPriceFeedPermissionedPublishersLow uses the per-feed minimum: SOL with 4 is fine',
    alert: 'PythPriceFeedPermissionedPublishersLow',
    group: 'pyth-price-feeds-crypto',
    at: at(8),
    series: [feedSeries(OBSERVER_METRIC_NAMES.permissionedPublishers, SOL, '4x10')],
    firing: [],
  },
  {
    name: 'PythPriceFeedQuorumIntermittent warns when BTC\'s publishers go silent and its aggregate keeps losing its quorum',
    alert: 'PythPriceFeedQuorumIntermittent',
    group: 'pyth-price-feeds-crypto',
    at: at(16),
    series: btcPublishersGoingSilent(),
    // 8 changes between trading and not trading in the last 10m.
    firing: [{ labels: { symbol: BTC }, value: 8 }],
  },
  {
    name: 'PythPriceFeedQuorumIntermittent is pending at 12m30s: 6 flips by minute 11, for 2m',
    alert: 'PythPriceFeedQuorumIntermittent',
    group: 'pyth-price-feeds-crypto',
    at: at(12),
    series: btcPublishersGoingSilent(),
    firing: [],
  },
  {
    // The old rules saw nothing here: the component count stays at 12, the status is never 0 for 2m in a row, the
    // staleness never passes 120.
    name: 'PythPriceFeedNotTrading is silent while BTC\'s aggregate only loses its quorum now and then',
    alert: 'PythPriceFeedNotTrading',
    group: 'pyth-price-feeds-crypto',
    at: at(16),
    series: btcPublishersGoingSilent(),
    firing: [],
  },
  {
    name: 'PythPriceFeedPermissionedPublishersLow is silent while BTC\'s publishers stop quoting but stay on its account',
    alert: 'PythPriceFeedPermissionedPublishersLow',
    group: 'pyth-price-feeds-crypto',
    at: at(16),
    series: btcPublishersGoingSilent(),
    firing: [],
  },
  {
    name: 'PythPriceFeedQuorumIntermittent is silent after two stray losses of the quorum in 10m (4 flips)',
    alert: 'PythPriceFeedQuorumIntermittent',
    group: 'pyth-price-feeds-crypto',
    at: at(14),
    series: [feedSeries(OBSERVER_METRIC_NAMES.status, BTC, '1x6 0 1 1 1 0 1x9')],
    firing: [],
  },
  {
    name: 'PythPriceFeedQuorumIntermittent is silent for a feed that is not trading at all (PythPriceFeedNotTrading)',
    alert: 'PythPriceFeedQuorumIntermittent',
    group: 'pyth-price-feeds-crypto',
    at: at(14),
    series: [feedSeries(OBSERVER_METRIC_NAMES.status, BTC, '1x5 0x15')],
    firing: [],
  },
  {
    name: 'PythPriceConfidenceIntervalWide fires when the interval is 20 times its 6h median for over 10m',
    alert: 'PythPriceConfidenceIntervalWide',
    group: 'pyth-price-feeds-crypto',
    at: at(425),
    series: [feedSeries(OBSERVER_METRIC_NAMES.confidenceInterval, BTC, '20x400 400x30'), feedSeries(OBSERVER_METRIC_NAMES.status, BTC, '1x430')],
    firing: [{ labels: { symbol: BTC }, value: 20 }],
  },
  {
    name: 'PythPriceConfidenceIntervalWide is silent while the interval stays near its median',
    alert: 'PythPriceConfidenceIntervalWide',
    group: 'pyth-price-feeds-crypto',
    at: at(425),
    series: [feedSeries(OBSERVER_METRIC_NAMES.confidenceInterval, BTC, '20x400 60x30'), feedSeries(OBSERVER_METRIC_NAMES.status, BTC, '1x430')],
    firing: [],
  },
  {
    name: 'PythPriceConfidenceIntervalWide is silent while the feed is not trading',
    alert: 'PythPriceConfidenceIntervalWide',
    group: 'pyth-price-feeds-crypto',
    at: at(425),
    series: [feedSeries(OBSERVER_METRIC_NAMES.confidenceInterval, BTC, '20x400 400x30'), feedSeries(OBSERVER_METRIC_NAMES.status, BTC, '1x400 0x30')],
    firing: [],
  },
  {
    name: 'PythPriceDeviationFromCoinGeckoHigh fires for BTC 8% away from a fresh CoinGecko price',
    alert: 'PythPriceDeviationFromCoinGeckoHigh',
    at: at(10),
    series: [
      coinGeckoSeries(OBSERVER_METRIC_NAMES.deviationFromCoinGecko, BTC, '8x20'),
      coinGeckoSeries(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, BTC, '30+5x20'),
      feedSeries(OBSERVER_METRIC_NAMES.status, BTC, '1x20'),
    ],
    firing: [{ labels: { symbol: BTC }, value: 8 }],
  },
  {
    name: 'PythPriceDeviationFromCoinGeckoHigh is silent for BTC 8% away while BTC is not trading',
    alert: 'PythPriceDeviationFromCoinGeckoHigh',
    at: at(10),
    series: [
      coinGeckoSeries(OBSERVER_METRIC_NAMES.deviationFromCoinGecko, BTC, '8x20'),
      coinGeckoSeries(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, BTC, '30+5x20'),
      feedSeries(OBSERVER_METRIC_NAMES.status, BTC, '0x20'),
    ],
    firing: [],
  },
  {
    name: 'PythPriceDeviationFromCoinGeckoHigh uses the per-feed limit: SOL 4% away fires at its 3% limit',
    alert: 'PythPriceDeviationFromCoinGeckoHigh',
    at: at(10),
    series: [
      coinGeckoSeries(OBSERVER_METRIC_NAMES.deviationFromCoinGecko, SOL, '4x20'),
      coinGeckoSeries(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, SOL, '30+5x20'),
      feedSeries(OBSERVER_METRIC_NAMES.status, SOL, '1x20'),
    ],
    firing: [{ labels: { symbol: SOL }, value: 4 }],
  },
  {
    name: 'PythPriceDeviationFromCoinGeckoHigh is silent for BTC 4% away (limit 5%)',
    alert: 'PythPriceDeviationFromCoinGeckoHigh',
    at: at(10),
    series: [
      coinGeckoSeries(OBSERVER_METRIC_NAMES.deviationFromCoinGecko, BTC, '4x20'),
      coinGeckoSeries(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, BTC, '30+5x20'),
    ],
    firing: [],
  },
  {
    name: 'PythPriceDeviationFromCoinGeckoHigh is silent when the CoinGecko price is older than 10m',
    alert: 'PythPriceDeviationFromCoinGeckoHigh',
    at: at(10),
    series: [
      coinGeckoSeries(OBSERVER_METRIC_NAMES.deviationFromCoinGecko, BTC, '8x20'),
      coinGeckoSeries(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, BTC, '900+60x20'),
    ],
    firing: [],
  },
  {
    name: 'PythPriceDeviationFromCoinGeckoHigh is silent when the CoinGecko values are frozen',
    alert: 'PythPriceDeviationFromCoinGeckoHigh',
    at: at(13),
    series: [
      coinGeckoSeries(OBSERVER_METRIC_NAMES.deviationFromCoinGecko, BTC, '8x20'),
      coinGeckoSeries(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, BTC, '45x20'),
    ],
    firing: [],
  },
  {
    name: 'CoinGeckoPriceStale fires when the CoinGecko price is older than 10m',
    alert: 'CoinGeckoPriceStale',
    at: at(10),
    series: [coinGeckoSeries(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, ETH, '900+60x20')],
    firing: [{ labels: { symbol: ETH }, value: 1500 }],
  },
  {
    name: 'CoinGeckoPriceStale fires when the CoinGecko age has not changed for 10m',
    alert: 'CoinGeckoPriceStale',
    at: at(21),
    series: [coinGeckoSeries(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, ETH, '30+5x5 55x20')],
    firing: [{ labels: { symbol: ETH }, value: 0 }],
  },
  {
    name: 'CoinGeckoPriceStale is silent while the CoinGecko price is young and refreshing',
    alert: 'CoinGeckoPriceStale',
    at: at(18),
    series: [coinGeckoSeries(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, ETH, '30+5x25')],
    firing: [],
  },
  {
    name: 'PythPriceFeedMetricsFrozen pages for BTC 4m after a loop that fails after the first products froze its series',
    alert: 'PythPriceFeedMetricsFrozen',
    group: 'pyth-price-feeds-crypto',
    at: at(7),
    series: [...loopFailingAfterFirstProducts(), ...btcFrozenFromMinute3(), ...ethUpdatedEveryLoop()],
    // One replica reports BTC and it is frozen on it.
    firing: [{ labels: { symbol: BTC }, value: 1 }],
  },
  {
    name: 'PythPriceFeedMetricsFrozen is not yet firing 2m after the freeze (3m window, for 1m)',
    alert: 'PythPriceFeedMetricsFrozen',
    group: 'pyth-price-feeds-crypto',
    at: at(5),
    series: [...loopFailingAfterFirstProducts(), ...btcFrozenFromMinute3(), ...ethUpdatedEveryLoop()],
    firing: [],
  },
  {
    name: 'PythPriceFeedMetricsFrozen pages when the feed is frozen on both replicas that report it',
    alert: 'PythPriceFeedMetricsFrozen',
    group: 'pyth-price-feeds-crypto',
    at: at(8),
    series: [...loopFailingAfterFirstProducts(), ...btcFrozenFromMinute3(), ...loopFailingAfterFirstProducts(SECOND_REPLICA), ...btcFrozenFromMinute3(SECOND_REPLICA)],
    firing: [{ labels: { symbol: BTC }, value: 2 }],
  },
  {
    // The other replica still observes BTC, so PythPriceFeedStale and NotTrading still see it: not a page.
    name: 'PythPriceFeedMetricsFrozen is silent while another replica still updates the feed',
    alert: 'PythPriceFeedMetricsFrozen',
    group: 'pyth-price-feeds-crypto',
    at: at(8),
    series: [
      ...loopFailingAfterFirstProducts(),
      ...btcFrozenFromMinute3(),
      ...loopCompleting(SECOND_REPLICA),
      feedSeries(OBSERVER_METRIC_NAMES.staleness, BTC, '1 2 1 3 1 2 1 2 3 1 2', SECOND_REPLICA),
      feedSeries(OBSERVER_METRIC_NAMES.status, BTC, '1x10', SECOND_REPLICA),
    ],
    firing: [],
  },
  {
    // A healthy busy feed's staleness can hold at the same value (the read slot and its last aggregate move together),
    // and a quiet feed's interval can hold too: unchanged values alone are not frozen while every loop completes.
    name: 'PythPriceFeedMetricsFrozen is silent for a feed whose values hold still while every loop completes',
    alert: 'PythPriceFeedMetricsFrozen',
    group: 'pyth-price-feeds-metal',
    at: at(8),
    series: [
      ...loopCompleting(),
      feedSeries(OBSERVER_METRIC_NAMES.staleness, XAU, '0x10'),
      feedSeries(OBSERVER_METRIC_NAMES.status, XAU, '1x10'),
      feedSeries(OBSERVER_METRIC_NAMES.confidenceInterval, XAU, '0.15x10'),
    ],
    firing: [],
  },
  {
    name: 'PythPriceFeedMetricsFrozen is silent after one transient loop error next to a feed whose values hold still',
    alert: 'PythPriceFeedMetricsFrozen',
    group: 'pyth-price-feeds-metal',
    at: at(8),
    series: [
      ...loopCompleting(),
      // One loop of about 18 in the window fails.
      loopErrors('TimeoutError', '4x5 5x5'),
      feedSeries(OBSERVER_METRIC_NAMES.staleness, XAU, '0x10'),
      feedSeries(OBSERVER_METRIC_NAMES.status, XAU, '1x10'),
      feedSeries(OBSERVER_METRIC_NAMES.confidenceInterval, XAU, '0.15x10'),
    ],
    firing: [],
  },
  {
    name: 'PythPriceFeedMetricsFrozen is silent while the slot does not advance (PythObserverStalled is the signal)',
    alert: 'PythPriceFeedMetricsFrozen',
    group: 'pyth-price-feeds-crypto',
    at: at(8),
    series: [
      series(OBSERVER_METRIC_NAMES.latestBlockSlot, TARGET, '250000000x10'),
      rpcRequests('error', '0+6x10', 'products'),
      loopErrors('ClientConnectorError', '_ _ _ 1+6x7'),
      ...btcFrozenFromMinute3(),
    ],
    firing: [],
  },
  {
    name: 'PythPriceFeedMetricAbsent fires when BTC staleness is missing while every other series is there',
    alert: 'PythPriceFeedMetricAbsent',
    group: 'pyth-price-feeds-crypto',
    at: at(12),
    series: healthyFeeds({ metric: OBSERVER_METRIC_NAMES.staleness, symbol: BTC }, 15),
    firing: [{ labels: { job: JOB, symbol: BTC }, value: 1 }],
  },
  {
    name: 'PythPriceFeedMetricAbsent fires in the FX group when EUR/USD status is missing',
    alert: 'PythPriceFeedMetricAbsent',
    group: 'pyth-price-feeds-fx',
    at: at(12),
    series: healthyFeeds({ metric: OBSERVER_METRIC_NAMES.status, symbol: EUR_USD }, 15),
    firing: [{ labels: { job: JOB, symbol: EUR_USD }, value: 1 }],
  },
  {
    // A bad deploy: the observer is up and refreshing but reports no feed. One alert names the cause
    // (PythObserverReportsNoFeeds); the old rules fired one warning per feed and metric here (16 in prod).
    name: 'PythPriceFeedMetricAbsent stays quiet when the observer reports no feed at all',
    alert: 'PythPriceFeedMetricAbsent',
    at: at(12),
    series: [series('up', TARGET, '1x15'), series(OBSERVER_METRIC_NAMES.latestBlockSlot, TARGET, '250000000+150x15')],
    firing: [],
  },
  {
    name: 'CoinGeckoPriceMissing fires for every CoinGecko-compared feed the observer reports without a CoinGecko price',
    alert: 'CoinGeckoPriceMissing',
    group: 'pyth-price-feeds-crypto',
    at: at(12),
    series: healthyFeeds(undefined, 15),
    firing: [BTC, ETH, SOL].map((symbol) => ({ labels: { job: JOB, symbol }, value: 1 })),
  },
  {
    name: 'CoinGeckoPriceMissing is silent while every CoinGecko-compared feed has its CoinGecko price',
    alert: 'CoinGeckoPriceMissing',
    at: at(12),
    series: [
      ...healthyFeeds(undefined, 15),
      ...[BTC, ETH, SOL].flatMap((symbol) => [
        coinGeckoSeries(OBSERVER_METRIC_NAMES.deviationFromCoinGecko, symbol, '0.2x15'),
        coinGeckoSeries(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, symbol, '30+5x15'),
      ]),
    ],
    firing: [],
  },
  {
    name: 'CoinGeckoPriceMissing leaves a feed the observer does not report at all to PythPriceFeedMetricAbsent',
    alert: 'CoinGeckoPriceMissing',
    at: at(12),
    series: [
      ...healthyFeeds({ metric: OBSERVER_METRIC_NAMES.staleness, symbol: BTC }, 15),
      ...[ETH, SOL].flatMap((symbol) => [
        coinGeckoSeries(OBSERVER_METRIC_NAMES.deviationFromCoinGecko, symbol, '0.2x15'),
        coinGeckoSeries(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, symbol, '30+5x15'),
      ]),
    ],
    firing: [],
  },
  {
    name: 'PythPriceFeedMetricAbsent is silent while every configured feed is reported',
    alert: 'PythPriceFeedMetricAbsent',
    at: at(12),
    series: healthyFeeds(undefined, 15),
    firing: [],
  },

  {
    name: 'PythPriceFeedStale is silent for BTC exactly at its 120-slot limit',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-crypto-stale',
    at: at(5),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, BTC, '120x10')],
    firing: [],
  },
  {
    name: 'PythPriceFeedStale fires for BTC one slot past its 120-slot limit',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-crypto-stale',
    at: at(5),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, BTC, '121x10')],
    firing: [{ labels: { symbol: BTC }, value: 121 }],
  },
  {
    name: 'PythPriceFeedStale fires at the first evaluation past the limit: the count is the wait, no `for` on top',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-crypto-stale',
    // Past the limit from 4m: evaluated at 4m it fires at once (with `for: 1m` it would still be pending here).
    at: at(4),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, BTC, '2x3 300x6')],
    firing: [{ labels: { symbol: BTC }, value: 300 }],
  },
  {
    name: 'PythPriceFeedStale keeps firing while the staleness series is gone (the only observer restarting), up to 2m',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-crypto-stale',
    // Last seen stale at 4m, gone from 5m (a staleness marker, as when the observer's target disappears).
    at: at(6),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, BTC, '300x4 stale')],
    firing: [{ labels: { symbol: BTC }, value: 300 }],
  },
  {
    name: 'PythPriceFeedStale resolves 2m after the staleness series went away',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-crypto-stale',
    at: at(7),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, BTC, '300x4 stale')],
    firing: [],
  },
  {
    name: 'PythPriceFeedStale resolves 2m after the feed is fresh again',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-crypto-stale',
    at: at(7),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, BTC, '300x4 2x6')],
    firing: [],
  },
  {
    name: 'PythPriceFeedStale still fires 1m after the feed is fresh again (one page per incident, however it recovers)',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-crypto-stale',
    at: at(6),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, BTC, '300x4 2x6')],
    firing: [{ labels: { symbol: BTC }, value: 300 }],
  },

  // --- equity and FX feeds --------------------------------------------------------------------------------
  {
    name: 'PythPriceFeedStale fires for AAPL with asset_type Equity, so market-hours mutes apply',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-equity-stale',
    at: at(5),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, AAPL, '5000x10')],
    firing: [{ labels: { symbol: AAPL }, value: 5000 }],
  },
  {
    name: 'PythPriceFeedNotTrading fires for AAPL with asset_type Equity',
    alert: 'PythPriceFeedNotTrading',
    group: 'pyth-price-feeds-equity',
    at: at(5),
    series: [feedSeries(OBSERVER_METRIC_NAMES.status, AAPL, '0x10')],
    firing: [{ labels: { symbol: AAPL }, value: 0 }],
  },
  {
    name: 'PythPriceFeedStale fires for EUR/USD with asset_type FX',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-fx-stale',
    at: at(5),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, EUR_USD, '300x10')],
    firing: [{ labels: { symbol: EUR_USD }, value: 300 }],
  },
  {
    // Processed before the failing product, a closed market's feed is updated: its staleness grows every loop.
    name: 'PythPriceFeedMetricsFrozen is silent for AAPL in a closed market while the loop fails after it',
    alert: 'PythPriceFeedMetricsFrozen',
    group: 'pyth-price-feeds-equity',
    at: at(8),
    series: [
      ...loopFailingAfterFirstProducts(),
      feedSeries(OBSERVER_METRIC_NAMES.staleness, AAPL, '90000+150x10'),
      feedSeries(OBSERVER_METRIC_NAMES.status, AAPL, '0x10'),
      feedSeries(OBSERVER_METRIC_NAMES.confidenceInterval, AAPL, '0.02x10'),
    ],
    firing: [],
  },
  {
    // Past the failing product, AAPL is frozen too; asset_type Equity lets Alertmanager mute it while the market is closed.
    name: 'PythPriceFeedMetricsFrozen fires for a frozen AAPL with asset_type Equity',
    alert: 'PythPriceFeedMetricsFrozen',
    group: 'pyth-price-feeds-equity',
    at: at(8),
    series: [
      ...loopFailingAfterFirstProducts(),
      feedSeries(OBSERVER_METRIC_NAMES.staleness, AAPL, '90000 90150 90300 90450x7'),
      feedSeries(OBSERVER_METRIC_NAMES.status, AAPL, '0x10'),
      feedSeries(OBSERVER_METRIC_NAMES.confidenceInterval, AAPL, '0.02x10'),
    ],
    firing: [{ labels: { symbol: AAPL }, value: 1 }],
  },
  {
    // Publishers come online one by one at the open and the aggregate drops out once more: 3 flips, not a warning.
    name: 'PythPriceFeedQuorumIntermittent is silent across an FX market open, shaky first minute included',
    alert: 'PythPriceFeedQuorumIntermittent',
    group: 'pyth-price-feeds-fx',
    at: at(14),
    series: [feedSeries(OBSERVER_METRIC_NAMES.status, EUR_USD, '0x8 1 0 1x10')],
    firing: [],
  },
  {
    name: 'PythPriceFeedQuorumIntermittent warns for EUR/USD with asset_type FX, so market-hours mutes apply',
    alert: 'PythPriceFeedQuorumIntermittent',
    group: 'pyth-price-feeds-fx',
    at: at(16),
    series: [feedSeries(OBSERVER_METRIC_NAMES.status, EUR_USD, '1 1 1 1 1 0 1 1 0 1 0 1 1 0 1 0 1 1 0 1')],
    firing: [{ labels: { symbol: EUR_USD }, value: 8 }],
  },
  {
    name: 'PythPriceFeedStale is silent for USD/HKD at 5000 slots, under its 10000-slot override',
    alert: 'PythPriceFeedStale',
    group: 'pyth-price-feeds-fx-stale',
    at: at(5),
    series: [feedSeries(OBSERVER_METRIC_NAMES.staleness, USD_HKD, '5000x10')],
    firing: [],
  },

  // --- heartbeat ------------------------------------------------------------------------------------------
  {
    name: 'Watchdog fires from the first evaluation',
    alert: 'Watchdog',
    at: at(0),
    series: [],
    firing: [{ labels: {}, value: 1 }],
  },
];
