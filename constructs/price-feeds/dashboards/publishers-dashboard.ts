import { Duration } from '../../core/duration';
import type { DashboardModel, DashboardRow, Thresholds } from '../../dashboards/dashboard-model';
import { numberOption, optionFailure } from '../../dashboards/dashboard-options';
import { FEEDOPS_DASHBOARD_TAGS } from '../../dashboards/dashboard-tags';
import { OBSERVER_METRICS } from '../observer/observer-metrics';
import type { ResolvedPriceFeeds } from '../resolve';
import { QUORUM_MIN_FLIPS, QUORUM_WINDOW } from '../rules/asset-type-rules';
import { feedVariables, selectedFeeds } from './feed-selection';
import { feedsOverOwnLimit, perFeedThresholds, strictest } from './feed-thresholds';
import { matchesRegex, observerSeries } from './series-selector';

export const PUBLISHERS_DASHBOARD_UID = 'feedops-publishers';
/** Publisher counts change over minutes, not seconds. */
export const PUBLISHERS_REFRESH = Duration.seconds(30);
export const PUBLISHERS_TIME_RANGE = Duration.hours(6);
export const DEFAULT_FEWEST_FEEDS_SHOWN = 10;
/** pyth-observer's publisher checks are the classes named Publisher*Check. */
export const PUBLISHER_CHECK_CLASSES = 'Publisher.*';

export interface PublishersDashboardOptions {
  /** Rows of the "fewest publishers" and "lowest success rate" tables. @default 10 */
  readonly fewestFeedsShown?: number;
}

/**
 * "Publishers": how many publishers each feed's price account lists, how often each feed loses its quorum of quoting
 * publishers, and how the observer's checks fare. pyth-observer exports no per-publisher series (no metric has a
 * publisher label; publisher names appear only in its logs and events) and no count of quoting publishers, so the
 * publisher view is per feed and per check class, and silent publishers show only through the aggregate's status.
 */
export function publishersDashboard(feeds: ResolvedPriceFeeds, options: PublishersDashboardOptions = {}): DashboardModel {
  const fail = optionFailure('Publishers');
  const environment = feeds.environment;
  const fewestShown = numberOption(fail, 'fewestFeedsShown', options.fewestFeedsShown, DEFAULT_FEWEST_FEEDS_SHOWN, { wholeNumber: true, atLeast: 1 });

  const m = OBSERVER_METRICS;
  const publishersOf = (symbols?: readonly string[]) => `min by (symbol) (${selectedFeeds(m.publishersActive, {}, symbols)})`;
  const publishers = publishersOf();
  const publisherLimits = perFeedThresholds(feeds.feeds, 'minPublishers', (limit) => ({ base: 'red', steps: [{ from: limit, color: 'green' }] }));
  const highestMinimum = strictest(feeds.feeds, 'minPublishers', 'max');
  const successRate = selectedFeeds(m.checkSuccessRate);
  const publisherChecks = { check_type: matchesRegex(PUBLISHER_CHECK_CLASSES) };
  const publisherThresholds: Thresholds = { base: 'red', steps: [{ from: highestMinimum, color: 'green' }] };

  const overview: DashboardRow = {
    title: 'Overview',
    panels: [
      { kind: 'stat', title: 'Feeds', width: 6, height: 4, colorMode: 'value', queries: [{ expr: `count(${publishers})` }], noValue: '0' },
      {
        kind: 'stat',
        title: 'Feeds below the minimum',
        description: `Feeds whose price account lists fewer publishers than their own minimum (${publisherLimits.describe('publishers')}): publishers removed from the feed.`,
        width: 6,
        height: 4,
        queries: [{ expr: `count(${feedsOverOwnLimit(feeds.feeds, 'minPublishers', (symbols, limit) => `(${publishersOf(symbols)} < ${limit})`)}) or vector(0)` }],
        thresholds: { base: 'green', steps: [{ from: 1, color: 'red' }] },
      },
      { kind: 'stat', title: 'Fewest publishers on a feed', description: `Publishers on the price account, quoting or not. Red below the highest minimum of the feeds (${highestMinimum}).`, width: 6, height: 4, queries: [{ expr: `min(${publishers})` }], thresholds: publisherThresholds },
      {
        kind: 'stat',
        title: 'Median publishers per feed',
        width: 6,
        height: 4,
        colorMode: 'value',
        queries: [{ expr: `quantile(0.5, ${publishers})` }],
        thresholds: publisherThresholds,
      },
    ],
  };

  const perFeed: DashboardRow = {
    title: 'Permissioned publishers per feed',
    panels: [
      {
        kind: 'timeseries',
        title: 'Permissioned publishers per feed',
        description:
          `Publishers on each feed's price account (its price components: the publishers Pyth permissioned to quote it) in the observer's last cycle ` +
          `(pyth_observer_publishers_active_total, "active" in name only), against each feed's own minimum (${publisherLimits.describe('publishers')}). ` +
          'A publisher that stops quoting stays counted; see the Quorum row.',
        width: 16,
        height: 10,
        min: 0,
        decimals: 0,
        queries: [{ expr: publishers, legend: '{{symbol}}' }],
        ...publisherLimits.panel,
      },
      {
        kind: 'table',
        title: 'Feeds with the fewest publishers',
        width: 8,
        height: 10,
        queries: [{ expr: `bottomk(${fewestShown}, min by (symbol, asset_type) (${selectedFeeds(m.publishersActive)}))` }],
        columnNames: { symbol: 'Symbol', asset_type: 'Asset type', Value: 'Publishers' },
        sortBy: { column: 'Publishers' },
        thresholds: publisherThresholds,
      },
    ],
  };

  const window = QUORUM_WINDOW.toPrometheus();
  const quorum: DashboardRow = {
    title: 'Quorum (publishers quoting)',
    panels: [
      {
        kind: 'timeseries',
        title: `Changes between trading and not trading per feed (${window})`,
        description:
          `How often each feed's aggregate changed between trading and not trading in the observer's samples of the last ${window}, worst replica. ` +
          'Pyth marks the aggregate unknown when fewer publishers than its on-chain min_pub quoted in the last 25 slots, so repeated changes mean ' +
          `quoting publishers went silent and the rest barely make the quorum; red from ${QUORUM_MIN_FLIPS}, where PythPriceFeedQuorumIntermittent warns. ` +
          'A market open or close is one change. The observer exports no count of quoting publishers: this is the closest its metrics come.',
        width: 24,
        height: 8,
        min: 0,
        decimals: 0,
        queries: [{ expr: `max by (symbol) (changes(${selectedFeeds(m.priceFeedStatus)}[${window}]))`, legend: '{{symbol}}' }],
        thresholds: { base: 'green', steps: [{ from: QUORUM_MIN_FLIPS, color: 'red' }] },
      },
    ],
  };

  const checks: DashboardRow = {
    title: 'Checks',
    panels: [
      {
        kind: 'timeseries',
        title: 'Check success rate by check type',
        description:
          'Average over the selected feeds of pyth_observer_check_success_rate: the share of enabled checks that passed, for "price_feed" and "publisher" checks. Caveat: the observer overwrites a feed\'s publisher value for each publisher it checks, so it reflects the last publisher of the cycle.',
        unit: 'percentunit',
        min: 0,
        max: 1,
        queries: [{ expr: `avg by (check_type) (${successRate})`, legend: '{{check_type}}' }],
      },
      {
        kind: 'table',
        title: 'Feeds failing checks',
        description: `Up to ${fewestShown} feeds and check types with the lowest success rate below 100 %.`,
        unit: 'percentunit',
        queries: [{ expr: `bottomk(${fewestShown}, min by (symbol, check_type) (${successRate}) < 1)` }],
        columnNames: { symbol: 'Symbol', check_type: 'Check type', Value: 'Success rate' },
        sortBy: { column: 'Success rate' },
        thresholds: { base: 'red', steps: [{ from: 1, color: 'green' }] },
        noValue: 'every check passing',
      },
      {
        kind: 'timeseries',
        title: 'Publisher check runs by check',
        description:
          'Runs per second of each enabled publisher check (one run per publisher and feed per cycle). The observer exports no per-publisher series, so this and the success rate are the publisher view its metrics allow.',
        unit: 'suffix: runs/s',
        min: 0,
        queries: [
          {
            expr: `sum by (check_type) (rate(${observerSeries(m.checkExecutionDurationSeconds, publisherChecks, '_count')}[$__rate_interval]))`,
            legend: '{{check_type}}',
          },
        ],
      },
      {
        kind: 'timeseries',
        title: 'Check duration p95 by check',
        unit: 's',
        min: 0,
        queries: [
          {
            expr: `histogram_quantile(0.95, sum by (check_type, le) (rate(${observerSeries(m.checkExecutionDurationSeconds, {}, '_bucket')}[$__rate_interval])))`,
            legend: '{{check_type}}',
          },
        ],
      },
    ],
  };

  return {
    uid: PUBLISHERS_DASHBOARD_UID,
    title: 'Publishers',
    description:
      `Publishers permissioned per Pyth price feed, how often each feed loses its quorum of quoting publishers, and the observer's checks, ${environment}. ` +
      'pyth-observer exports no per-publisher metrics and no count of quoting publishers.',
    tags: [...FEEDOPS_DASHBOARD_TAGS, environment],
    refresh: PUBLISHERS_REFRESH,
    timeRange: PUBLISHERS_TIME_RANGE,
    variables: feedVariables(environment),
    rows: [overview, perFeed, quorum, checks],
  };
}
