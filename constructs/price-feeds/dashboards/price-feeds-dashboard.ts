import { FEEDOPS_DASHBOARD_TAGS } from '../../dashboards/dashboard-tags';
import type { DashboardModel, DashboardRow, Panel, Thresholds, ValueMapping } from '../../dashboards/dashboard-model';
import { Duration } from '../../core/duration';
import { HERMES_PRICE_METRICS } from '../hermes/hermes-exporter';
import { HERMES_ALERTS, HERMES_PRICE_MAX_AGE_SECONDS } from '../hermes/hermes-rules';
import { OBSERVER_METRICS } from '../observer/observer-metrics';
import type { ResolvedPriceFeeds } from '../resolve';
import { feedVariables, selectedFeeds } from './feed-selection';
import { feedsOverOwnLimit, perFeedThresholds, strictest } from './feed-thresholds';
import { equals, observerSeries } from './series-selector';

export const PRICE_FEEDS_DASHBOARD_UID = 'feedops-price-feeds';
/** Real time: a feed going offline shows within one refresh plus one scrape. */
export const PRICE_FEEDS_REFRESH = Duration.seconds(10);
export const PRICE_FEEDS_TIME_RANGE = Duration.hours(1);

const TRADING_MAPPINGS: readonly ValueMapping[] = [
  { value: 1, text: 'Trading', color: 'green' },
  { value: 0, text: 'Not trading', color: 'red' },
];
const BY_FEED = '{{symbol}}';

/**
 * "Price feeds": what every feed does right now, and whether the observer watching them is healthy. Colour
 * boundaries are the resolved thresholds the alerts use: per-feed panels colour each feed by its own limit; the
 * overview counts feeds past their own limits, and its single-value stats (largest deviation, oldest CoinGecko
 * price, fewest publishers) use the strictest limit of the feeds shown.
 */
export function priceFeedsDashboard(feeds: ResolvedPriceFeeds): DashboardModel {
  const environment = feeds.environment;
  const observerJob = feeds.observer.job;
  const coinGeckoFeeds = feeds.feeds.filter((feed) => feed.coingeckoId !== undefined);
  const abandonedAfter = Math.max(...feeds.feeds.map((feed) => feed.thresholds.abandonedAfterSlots));

  const m = OBSERVER_METRICS;
  const status = `min by (symbol) (${selectedFeeds(m.priceFeedStatus)})`;
  const stalenessOf = (symbols?: readonly string[]) => `max by (symbol) (${selectedFeeds(m.priceFeedStalenessSlots, {}, symbols)})`;
  const staleness = stalenessOf();
  const deviationOf = (symbols?: readonly string[]) => selectedFeeds(m.priceDeviationFromCoingeckoPercent, {}, symbols);
  const deviation = deviationOf();
  const coingeckoAge = selectedFeeds(m.coingeckoPriceAgeSeconds);
  const publishersOf = (symbols?: readonly string[]) => `min by (symbol) (${selectedFeeds(m.publishersActive, {}, symbols)})`;
  const publishers = publishersOf();

  const above = (color: 'red' | 'orange') => (limit: number): Thresholds => ({ base: 'green', steps: [{ from: limit, color }] });
  const atLeast = (limit: number): Thresholds => ({ base: 'red', steps: [{ from: limit, color: 'green' }] });
  const stale = perFeedThresholds(feeds.feeds, 'staleAfterSlots', above('red'));
  const deviationLimits = perFeedThresholds(coinGeckoFeeds, 'maxCoinGeckoDeviationPercent', above('red'));
  const coingeckoAgeLimits = perFeedThresholds(coinGeckoFeeds, 'maxCoinGeckoPriceAgeSeconds', above('orange'));
  const publisherLimits = perFeedThresholds(feeds.feeds, 'minPublishers', atLeast);
  const staleAfter = stale.describe('slots');
  const anyIsBad: Thresholds = { base: 'green', steps: [{ from: 1, color: 'red' }] };
  const feedsStale = feedsOverOwnLimit(feeds.feeds, 'staleAfterSlots', (symbols, limit) => `(${stalenessOf(symbols)} >= ${limit})`);
  const feedsBelowMinimum = feedsOverOwnLimit(feeds.feeds, 'minPublishers', (symbols, limit) => `(${publishersOf(symbols)} < ${limit})`);

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
        description: `Feeds at or past their staleness limit (${staleAfter}) and not abandoned (over ${abandonedAfter} slots), as PriceFeedOfflineCheck counts them. Feeds of closed markets also fall behind.`,
        width: 4,
        height: 4,
        queries: [{ expr: `count((${feedsStale}) <= ${abandonedAfter}) or vector(0)` }],
        thresholds: anyIsBad,
      },
      {
        kind: 'stat',
        title: 'Fewest publishers on a feed',
        description: `Publishers on the price account (quoting or not). Red below the highest minimum of the feeds shown (${strictest(feeds.feeds, 'minPublishers', 'max')}); each feed's own minimum colours the Publishers row.`,
        width: 4,
        height: 4,
        queries: [{ expr: `min(${publishers})` }],
        thresholds: atLeast(strictest(feeds.feeds, 'minPublishers', 'max')),
      },
      {
        kind: 'stat',
        title: 'Largest deviation from CoinGecko',
        width: 4,
        height: 4,
        unit: 'percent',
        decimals: 2,
        description: `Red from the lowest deviation limit of the feeds (${deviationLimits.describe('%')}); each feed's own limit colours the deviation graph.`,
        queries: [{ expr: `max(${deviation})` }],
        thresholds: above('red')(strictest(coinGeckoFeeds, 'maxCoinGeckoDeviationPercent', 'min')),
        noValue: 'no CoinGecko prices',
      },
      {
        kind: 'stat',
        title: 'Oldest CoinGecko price',
        width: 4,
        height: 4,
        unit: 's',
        description: `Orange from the shortest CoinGecko age limit of the feeds (${coingeckoAgeLimits.describe('s')}).`,
        queries: [{ expr: `max(${coingeckoAge})` }],
        thresholds: above('orange')(strictest(coinGeckoFeeds, 'maxCoinGeckoPriceAgeSeconds', 'min')),
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
        description: `Slots since the last trading aggregate (about 400 ms each). Red from each feed's limit (${staleAfter}), where PriceFeedOfflineCheck fails and PythPriceFeedStale starts pending; abandoned feeds (over ${abandonedAfter} slots) are left out.`,
        unit: 'suffix: slots',
        min: 0,
        queries: [{ expr: `${staleness} <= ${abandonedAfter}`, legend: BY_FEED }],
        ...stale.panel,
      },
      {
        kind: 'timeseries',
        title: 'Deviation from CoinGecko',
        description: `|Pyth aggregate - CoinGecko| / CoinGecko in percent, for symbols in the CoinGecko mapping. Red from each feed's limit (${deviationLimits.describe('%')}).`,
        unit: 'percent',
        min: 0,
        queries: [{ expr: `max by (symbol) (${deviation})`, legend: BY_FEED }],
        ...deviationLimits.panel,
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
        description: `Age of the CoinGecko price each deviation is computed from. Beyond each feed's limit (${coingeckoAgeLimits.describe('s')}) the reference counts as stale and CoinGeckoPriceStale fires.`,
        unit: 's',
        min: 0,
        queries: [{ expr: `max by (symbol) (${coingeckoAge})`, legend: BY_FEED }],
        ...coingeckoAgeLimits.panel,
      },
      ...(feeds.hermes
        ? ([
            {
              kind: 'timeseries',
              title: 'Hermes price age',
              description:
                `Seconds since the publish time of the latest price Hermes (${feeds.hermes.url}) serves, read every scrape by json_exporter (so up to one scrape interval more than Hermes' own lag). ` +
                `Red from ${HERMES_PRICE_MAX_AGE_SECONDS} s, where ${HERMES_ALERTS.priceStale} starts pending if Pythnet trades the feed; closed markets climb by design.`,
              unit: 's',
              min: 0,
              queries: [{ expr: `max by (symbol) (${HERMES_PRICE_METRICS.age}{symbol=~"$symbol",asset_type=~"$asset_type"})`, legend: BY_FEED }],
              thresholds: above('red')(HERMES_PRICE_MAX_AGE_SECONDS),
            },
          ] satisfies Panel[])
        : []),
    ],
  };

  const publisherRow: DashboardRow = {
    title: 'Publishers',
    panels: [
      {
        kind: 'timeseries',
        title: 'Permissioned publishers per feed',
        description:
          `Publishers on each feed's price account (its price components) in the observer's last cycle, against each feed's minimum ` +
          `(${publisherLimits.describe('publishers')}). A publisher that stops quoting stays counted: silent publishers show as the ` +
          'aggregate losing its quorum (Publishers dashboard, Quorum row).',
        width: 16,
        min: 0,
        decimals: 0,
        queries: [{ expr: publishers, legend: BY_FEED }],
        ...publisherLimits.panel,
      },
      {
        kind: 'table',
        title: 'Feeds below the minimum',
        width: 8,
        description: 'Feeds whose price account lists fewer publishers than their own minimum (publishers removed from the feed).',
        queries: [{ expr: feedsBelowMinimum }],
        columnNames: { symbol: 'Symbol', Value: 'Publishers' },
        sortBy: { column: 'Publishers' },
        thresholds: { base: 'red' },
        noValue: 'every feed has its minimum or more',
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
