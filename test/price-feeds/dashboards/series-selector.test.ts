import { equals, matchesRegex, observerSeries } from '../../../constructs/price-feeds/dashboards/series-selector';
import { OBSERVER_METRICS, ObserverMetricFamily } from '../../../constructs/price-feeds/observer/observer-metrics';

describe('observerSeries', () => {
  test('renders the family name alone without matchers', () => {
    expect(observerSeries(OBSERVER_METRICS.latestBlockSlot)).toBe('pyth_observer_latest_block_slot');
  });

  test('renders each matcher with its operator, in the order given', () => {
    expect(observerSeries(OBSERVER_METRICS.apiRequests, { service: matchesRegex('pyth|coingecko'), status: equals('error') })).toBe(
      'pyth_observer_api_requests_total{service=~"pyth|coingecko", status="error"}',
    );
  });

  test('escapes quotes and backslashes in matcher values', () => {
    expect(observerSeries(OBSERVER_METRICS.priceFeedStatus, { symbol: matchesRegex(String.raw`Crypto\.BTC"`) })).toBe(
      String.raw`pyth_observer_price_feed_status{symbol=~"Crypto\\.BTC\""}`,
    );
  });

  test('selects a histogram series by its suffix', () => {
    expect(observerSeries(OBSERVER_METRICS.checkExecutionDurationSeconds, {}, '_bucket')).toBe('pyth_observer_check_execution_duration_seconds_bucket');
  });

  test('fails when a matcher names a label the family does not have', () => {
    const deviation: ObserverMetricFamily = OBSERVER_METRICS.priceDeviationFromCoingeckoPercent;
    expect(() => observerSeries(deviation, { asset_type: matchesRegex('.*') })).toThrow(
      'Observer series selector pyth_observer_price_deviation_from_coingecko_percent: label: "asset_type" (allowed: one of its labels: symbol',
    );
  });

  test('fails when a histogram is selected without a suffix', () => {
    expect(() => observerSeries(OBSERVER_METRICS.checkExecutionDurationSeconds)).toThrow(
      'Observer series selector pyth_observer_check_execution_duration_seconds: suffix: null (allowed: one of _bucket, _sum, _count; a histogram',
    );
  });

  test('fails when a gauge is given a suffix', () => {
    expect(() => observerSeries(OBSERVER_METRICS.priceFeedStatus, {}, '_count')).toThrow(
      'Observer series selector pyth_observer_price_feed_status: suffix: "_count" (allowed: none; a gauge',
    );
  });
});
