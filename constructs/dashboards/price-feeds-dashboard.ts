import { Duration } from '../core/duration';
import { OBSERVER_CHECK_DEFAULTS } from '../monitors/observer-check-defaults';
import { OBSERVER_METRICS } from '../monitors/observer-metrics';
import { DEFAULT_MINIMUM_PUBLISHERS, DEFAULT_OBSERVER_JOB, FEEDOPS_DASHBOARD_TAGS } from './dashboard-defaults';
import type { DashboardModel, DashboardRow, Thresholds, ValueMapping } from './dashboard-model';
import { environmentOption, numberOption, optionFailure } from './dashboard-options';
import { feedVariables, selectedFeeds } from './feed-selection';
import { equals, observerSeries } from './series-selector';

export const PRICE_FEEDS_DASHBOARD_UID = 'feedops-price-feeds';
/** Real time: a feed going offline shows within one refresh plus one scrape. */
export const PRICE_FEEDS_REFRESH = Duration.seconds(10);
export const PRICE_FEEDS_TIME_RANGE = Duration.hours(1);

export interface PriceFeedsDashboardOptions {
  /** The environment this Grafana belongs to; shown as the `environment` variable and a tag. */
  readonly environment: string;
  /** The `job` label of the observer's scrape target (its `up` series). @default 'pyth-observer' */
  readonly observerJob?: string;
  /** Slots behind the latest block at which a feed is stale. @default 120 (PriceFeedOfflineCheck) */
  readonly staleAfterSlots?: number;
  /** Slots beyond which a feed is abandoned and left out of the staleness panels. @default 100000 */
  readonly abandonedAfterSlots?: number;
  /** Deviation from CoinGecko (percent) that turns red. @default 5 */
  readonly maxDeviationPercent?: number;
  /** CoinGecko price age (seconds) beyond which the deviation is not checked. @default 60 */
  readonly coingeckoMaxAgeSeconds?: number;
  /** Publishers a feed should have at least. @default 3 */
  readonly minimumPublishers?: number;
}

const TRADING_MAPPINGS: readonly ValueMapping[] = [
  { value: 1, text: 'Trading', color: 'green' },
  { value: 0, text: 'Not trading', color: 'red' },
];
const BY_FEED = '{{symbol}}';

/** "Price feeds": what every feed does right now, and whether the observer watching them is healthy. */
export function priceFeedsDashboard(options: PriceFeedsDashboardOptions): DashboardModel {
  const fail = optionFailure('Price feeds');
  const environment = environmentOption(fail, options.environment);
  const observerJob = options.observerJob ?? DEFAULT_OBSERVER_JOB;
  if (!/^[^"\\]+$/.test(observerJob)) fail('observerJob', observerJob, 'a non-empty job label value without quotes or backslashes');
  const staleAfter = numberOption(fail, 'staleAfterSlots', options.staleAfterSlots, OBSERVER_CHECK_DEFAULTS.staleAfterSlots, { wholeNumber: true, atLeast: 1 });
  const abandonedAfter = numberOption(fail, 'abandonedAfterSlots', options.abandonedAfterSlots, OBSERVER_CHECK_DEFAULTS.abandonedAfterSlots, {
    wholeNumber: true,
    atLeast: staleAfter + 1,
  });
  const maxDeviation = numberOption(fail, 'maxDeviationPercent', options.maxDeviationPercent, OBSERVER_CHECK_DEFAULTS.maxDeviationFromCoingeckoPercent, {
    atLeast: 0,
  });
  const coingeckoMaxAge = numberOption(fail, 'coingeckoMaxAgeSeconds', options.coingeckoMaxAgeSeconds, OBSERVER_CHECK_DEFAULTS.coingeckoMaxAgeSeconds, {
    atLeast: 1,
  });
  const minimumPublishers = numberOption(fail, 'minimumPublishers', options.minimumPublishers, DEFAULT_MINIMUM_PUBLISHERS, { wholeNumber: true, atLeast: 1 });

  const m = OBSERVER_METRICS;
  const status = `min by (symbol) (${selectedFeeds(m.priceFeedStatus)})`;
  const staleness = `max by (symbol) (${selectedFeeds(m.priceFeedStalenessSlots)})`;
  const deviation = selectedFeeds(m.priceDeviationFromCoingeckoPercent);
  const coingeckoAge = selectedFeeds(m.coingeckoPriceAgeSeconds);
  const publishers = `min by (symbol) (${selectedFeeds(m.publishersActive)})`;

  const staleThresholds: Thresholds = { base: 'green', steps: [{ from: staleAfter, color: 'red' }] };
  const deviationThresholds: Thresholds = { base: 'green', steps: [{ from: maxDeviation, color: 'red' }] };
  const coingeckoAgeThresholds: Thresholds = { base: 'green', steps: [{ from: coingeckoMaxAge, color: 'orange' }] };
  const publisherThresholds: Thresholds = { base: 'red', steps: [{ from: minimumPublishers, color: 'green' }] };
  const anyIsBad: Thresholds = { base: 'green', steps: [{ from: 1, color: 'red' }] };

  const overview: DashboardRow = {
    title: 'Overview',
    panels: [
      { kind: 'stat', title: 'Feeds trading', width: 4, height: 4, colorMode: 'value', queries: [{ expr: `sum(${status})` }], noValue: '0' },
      {
        kind: 'stat',
        title: 'Feeds not trading',
        description: 'Feeds whose aggregate status is not "trading" (includes feeds of closed markets and halted feeds).',
        width: 4,
        height: 4,
        queries: [{ expr: `count(${status} == 0) or vector(0)` }],
        thresholds: anyIsBad,
      },
      {
        kind: 'stat',
        title: 'Feeds stale',
        description: `Feeds ${staleAfter} or more slots behind the latest block and not abandoned (over ${abandonedAfter} slots), as PriceFeedOfflineCheck counts them. Equity and FX feeds also fall behind while their market is closed.`,
        width: 4,
        height: 4,
        queries: [{ expr: `count((${staleness} >= ${staleAfter}) <= ${abandonedAfter}) or vector(0)` }],
        thresholds: anyIsBad,
      },
      {
        kind: 'stat',
        title: 'Fewest publishers on a feed',
        width: 4,
        height: 4,
        queries: [{ expr: `min(${publishers})` }],
        thresholds: publisherThresholds,
      },
      {
        kind: 'stat',
        title: 'Largest deviation from CoinGecko',
        width: 4,
        height: 4,
        unit: 'percent',
        decimals: 2,
        queries: [{ expr: `max(${deviation})` }],
        thresholds: deviationThresholds,
        noValue: 'no CoinGecko prices',
      },
      {
        kind: 'stat',
        title: 'Oldest CoinGecko price',
        width: 4,
        height: 4,
        unit: 's',
        queries: [{ expr: `max(${coingeckoAge})` }],
        thresholds: coingeckoAgeThresholds,
        noValue: 'no CoinGecko prices',
      },
      {
        kind: 'state-timeline',
        title: 'Trading status',
        description: 'pyth_observer_price_feed_status per feed: 1 while the aggregate is trading, 0 for any other status.',
        width: 24,
        height: 10,
        queries: [{ expr: status, legend: BY_FEED }],
        mappings: TRADING_MAPPINGS,
        thresholds: { base: 'red', steps: [{ from: 1, color: 'green' }] },
      },
    ],
  };

  const freshness: DashboardRow = {
    title: 'Freshness and accuracy',
    panels: [
      {
        kind: 'timeseries',
        title: 'Staleness',
        description: `Slots since the last trading aggregate (about 400 ms each). Red from ${staleAfter} slots, where PriceFeedOfflineCheck fails; abandoned feeds (over ${abandonedAfter} slots) are left out.`,
        unit: 'suffix: slots',
        min: 0,
        queries: [{ expr: `${staleness} <= ${abandonedAfter}`, legend: BY_FEED }],
        thresholds: staleThresholds,
      },
      {
        kind: 'timeseries',
        title: 'Deviation from CoinGecko',
        description: `|Pyth aggregate - CoinGecko| / CoinGecko in percent, for symbols in the CoinGecko mapping. Red from ${maxDeviation} %.`,
        unit: 'percent',
        min: 0,
        queries: [{ expr: `max by (symbol) (${deviation})`, legend: BY_FEED }],
        thresholds: deviationThresholds,
      },
      {
        kind: 'timeseries',
        title: 'Confidence interval (absolute)',
        description:
          'Aggregate confidence interval in price units. Absolute, not relative: the observer exports no price, so it cannot be divided by one. Log scale, because feeds are priced in very different ranges; compare a feed with its own history.',
        logScale: true,
        queries: [{ expr: `max by (symbol) (${selectedFeeds(m.priceFeedConfidenceInterval)})`, legend: BY_FEED }],
      },
      {
        kind: 'timeseries',
        title: 'CoinGecko price age',
        description: `Age of the CoinGecko price each deviation is computed from. Beyond ${coingeckoMaxAge} s the observer stops comparing.`,
        unit: 's',
        min: 0,
        queries: [{ expr: `max by (symbol) (${coingeckoAge})`, legend: BY_FEED }],
        thresholds: coingeckoAgeThresholds,
      },
    ],
  };

  const publisherRow: DashboardRow = {
    title: 'Publishers',
    panels: [
      {
        kind: 'timeseries',
        title: 'Publishers per feed',
        description: `Publishers on each feed's price account in the observer's last cycle, against the minimum of ${minimumPublishers} (the line).`,
        width: 16,
        min: 0,
        decimals: 0,
        queries: [{ expr: publishers, legend: BY_FEED }],
        thresholds: publisherThresholds,
      },
      {
        kind: 'table',
        title: 'Feeds below the minimum',
        width: 8,
        queries: [{ expr: `min by (symbol, asset_type) (${selectedFeeds(m.publishersActive)}) < ${minimumPublishers}` }],
        columnNames: { symbol: 'Symbol', asset_type: 'Asset type', Value: 'Publishers' },
        sortBy: { column: 'Publishers' },
        thresholds: publisherThresholds,
        noValue: `every feed has ${minimumPublishers} or more`,
      },
    ],
  };

  const observerHealth: DashboardRow = {
    title: 'Observer health',
    panels: [
      {
        kind: 'stat',
        title: 'Observer targets up',
        description: `Scrape targets of job "${observerJob}" that answer. Nothing at all means Prometheus has no such target.`,
        width: 4,
        queries: [{ expr: `sum(up{job=${JSON.stringify(observerJob)}})` }],
        thresholds: { base: 'red', steps: [{ from: 1, color: 'green' }] },
        noValue: 'no target',
      },
      {
        kind: 'stat',
        title: 'Network connection',
        description:
          'pyth_observer_network_connection_status. pyth-observer v3.0.2 defines this metric but never sets it, so it stays empty until upstream does; the API error ratio and slot progress show connection problems meanwhile.',
        width: 4,
        queries: [{ expr: `min(${observerSeries(m.networkConnectionStatus)})` }],
        mappings: [
          { value: 1, text: 'Connected', color: 'green' },
          { value: 0, text: 'Disconnected', color: 'red' },
        ],
        noValue: 'not exported',
      },
      {
        kind: 'timeseries',
        title: 'Slot progress',
        description: 'How fast the latest block slot the observer sees advances: about 2.5 slots/s on Pythnet. At 0 the observer loop or its RPC endpoint is stuck.',
        width: 8,
        unit: 'suffix: slots/s',
        min: 0,
        queries: [{ expr: `deriv(${observerSeries(m.latestBlockSlot)}[$__rate_interval])`, legend: '{{instance}}' }],
        thresholds: { base: 'red', steps: [{ from: 1, color: 'green' }] },
      },
      {
        kind: 'timeseries',
        title: 'Loop errors',
        description: 'Exceptions in the observation loop by type; each one also makes /ready fail until the next good cycle.',
        width: 8,
        unit: 'suffix: errors/s',
        min: 0,
        queries: [{ expr: `sum by (error_type) (rate(${observerSeries(m.loopErrors)}[$__rate_interval]))`, legend: '{{error_type}}' }],
      },
      {
        kind: 'timeseries',
        title: 'API request error ratio',
        description: 'Share of requests to Pyth and CoinGecko that failed, by service.',
        unit: 'percentunit',
        min: 0,
        queries: [
          {
            expr:
              `sum by (service) (rate(${observerSeries(m.apiRequests, { status: equals('error') })}[$__rate_interval]))` +
              ` / sum by (service) (rate(${observerSeries(m.apiRequests)}[$__rate_interval]))`,
            legend: '{{service}}',
          },
        ],
      },
      {
        kind: 'timeseries',
        title: 'Feeds processed per cycle',
        description: 'Price feeds the observer read in its last cycle; a drop means feeds vanished from the mapping or the cycle failed part-way.',
        min: 0,
        decimals: 0,
        queries: [{ expr: observerSeries(m.priceFeedsProcessed), legend: '{{instance}}' }],
      },
    ],
  };

  return {
    uid: PRICE_FEEDS_DASHBOARD_UID,
    title: 'Price feeds',
    description: `Pyth price feeds as pyth-observer sees them, ${environment}.`,
    tags: [...FEEDOPS_DASHBOARD_TAGS, environment],
    refresh: PRICE_FEEDS_REFRESH,
    timeRange: PRICE_FEEDS_TIME_RANGE,
    variables: feedVariables(environment),
    rows: [overview, freshness, publisherRow, observerHealth],
  };
}
