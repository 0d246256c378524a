import { GrafanaDashboard, GrafanaDataPanel, renderDashboard } from '../../../constructs/dashboards';
import { priceFeedsDashboard } from '../../../constructs/price-feeds/dashboards/price-feeds-dashboard';
import { OBSERVER_METRICS } from '../../../constructs/price-feeds/observer/observer-metrics';
import { grafanaDurationSeconds, panelQueries, panelsOfRow, panelsSelecting } from '../../dashboards/support/dashboard-queries';
import { metricNames, selectorLabels } from '../../dashboards/support/promql-metric-names';

import { DEV_CONFIG, feedSetConfig, resolveFeedSet } from '../fixtures';

const render = (config: Record<string, unknown> = DEV_CONFIG) => renderDashboard(priceFeedsDashboard(resolveFeedSet('prod', config)));
const withThresholds = (thresholds: Record<string, number>) => render({ ...DEV_CONFIG, thresholds });
const dashboard = render();
const variable = (name: string) => dashboard.templating.list.find((candidate) => candidate.name === name);
const thresholdValues = (panel: GrafanaDataPanel) => panel.fieldConfig.defaults.thresholds.steps.map((step) => [step.color, step.value]);
const only = <T>(items: T[]): T => {
  expect(items).toHaveLength(1);
  return items[0];
};
const timeseriesOf = (rendered: GrafanaDashboard, metric: string) => only(panelsSelecting(rendered, metric).filter((panel) => panel.type === 'timeseries'));

describe('the Price feeds dashboard', () => {
  test('has the uid feedops-price-feeds', () => {
    expect(dashboard.uid).toBe('feedops-price-feeds');
  });

  test('refreshes every 10 seconds or faster (real time)', () => {
    expect(grafanaDurationSeconds(dashboard.refresh)).toBeLessThanOrEqual(10);
  });

  test('shows the last hour by default', () => {
    expect(dashboard.time).toEqual({ from: 'now-1h', to: 'now' });
  });

  test('names its environment in a one-value environment variable and a tag', () => {
    expect(variable('environment')).toMatchObject({ type: 'custom', query: 'prod', current: { value: 'prod' } });
    expect(dashboard.tags).toContain('prod');
  });

  test('never matches on the environment label, which Prometheus adds only outside local queries', () => {
    expect(panelQueries(dashboard).filter((query) => query.expr.includes('environment'))).toEqual([]);
  });

  test('offers every asset type, several at once, All by default', () => {
    expect(variable('asset_type')).toMatchObject({
      type: 'query',
      query: 'label_values(pyth_observer_price_feed_status, asset_type)',
      multi: true,
      includeAll: true,
      current: { value: ['$__all'] },
    });
  });

  test('offers the symbols of the selected asset types, several at once, All by default', () => {
    expect(variable('symbol')).toMatchObject({
      type: 'query',
      query: 'label_values(pyth_observer_price_feed_status{asset_type=~"$asset_type"}, symbol)',
      multi: true,
      includeAll: true,
      current: { value: ['$__all'] },
    });
  });

  test('lets "All" symbols stand for the listed symbols only, so metrics without asset_type follow the asset-type choice', () => {
    expect(variable('symbol')).not.toHaveProperty('allValue');
  });

  test('filters every selector of a per-feed metric by the selected symbols', () => {
    const perFeed = new Set<string>(Object.values(OBSERVER_METRICS).filter((family) => (family.labels as readonly string[]).includes('symbol')).map((family) => family.name));
    const unfiltered = panelQueries(dashboard).flatMap((query) => {
      const filtered = selectorLabels(query.expr).filter(({ labels }) => labels.includes('symbol')).map(({ metric }) => metric);
      return metricNames(query.expr).filter((name) => perFeed.has(name) && !filtered.includes(name)).map((name) => `${query.source}: ${name}`);
    });
    expect(unfiltered).toEqual([]);
  });

  test('shows the trading status of each feed over time as Trading or Not trading', () => {
    const timeline = only(panelsSelecting(dashboard, OBSERVER_METRICS.priceFeedStatus.name).filter((panel) => panel.type === 'state-timeline'));
    expect(timeline.targets[0].legendFormat).toBe('{{symbol}}');
    expect(timeline.fieldConfig.defaults.mappings).toEqual([
      { type: 'value', options: { '1': expect.objectContaining({ text: 'Trading' }), '0': expect.objectContaining({ text: 'Not trading' }) } },
    ]);
  });

  test('turns staleness red at 120 slots, where PriceFeedOfflineCheck fails by default', () => {
    expect(thresholdValues(timeseriesOf(dashboard, OBSERVER_METRICS.priceFeedStalenessSlots.name))).toEqual([
      ['green', null],
      ['red', 120],
    ]);
  });

  test('moves every staleness threshold and count with staleAfterSlots', () => {
    const rendered = withThresholds({ staleAfterSlots: 300 });
    expect(thresholdValues(timeseriesOf(rendered, OBSERVER_METRICS.priceFeedStalenessSlots.name))).toContainEqual(['red', 300]);
    const staleCount = panelsSelecting(rendered, OBSERVER_METRICS.priceFeedStalenessSlots.name).find((panel) => panel.type === 'stat');
    expect(staleCount?.targets[0].expr).toContain('>= 300');
  });

  test('leaves abandoned feeds (over 100000 slots) out of the staleness graph', () => {
    expect(timeseriesOf(dashboard, OBSERVER_METRICS.priceFeedStalenessSlots.name).targets[0].expr).toMatch(/<= 100000$/);
  });

  test('shows the deviation from CoinGecko in percent, red from 5 %', () => {
    const panel = timeseriesOf(dashboard, OBSERVER_METRICS.priceDeviationFromCoingeckoPercent.name);
    expect(panel.fieldConfig.defaults.unit).toBe('percent');
    expect(thresholdValues(panel)).toEqual([
      ['green', null],
      ['red', 5],
    ]);
  });

  test('moves the deviation threshold with maxCoinGeckoDeviationPercent', () => {
    expect(thresholdValues(timeseriesOf(withThresholds({ maxCoinGeckoDeviationPercent: 1.5 }), OBSERVER_METRICS.priceDeviationFromCoingeckoPercent.name))).toContainEqual(['red', 1.5]);
  });

  test('colours a feed with its own deviation limit by that limit (a series override)', () => {
    const rendered = render(feedSetConfig({ 'Crypto.BTC/USD': { coingeckoId: 'bitcoin' }, 'Crypto.ETH/USD': { coingeckoId: 'ethereum' }, 'Crypto.USDC/USD': { coingeckoId: 'usd-coin', maxCoinGeckoDeviationPercent: 1 } }));
    const panel = timeseriesOf(rendered, OBSERVER_METRICS.priceDeviationFromCoingeckoPercent.name);
    expect(thresholdValues(panel)).toEqual([['green', null], ['red', 5]]);
    expect(panel.fieldConfig.overrides).toEqual([
      { matcher: { id: 'byName', options: 'Crypto.USDC/USD' }, properties: [{ id: 'thresholds', value: { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'red', value: 1 }] } }] },
    ]);
  });

  test('counts feeds stale against each feed\'s own limit', () => {
    const rendered = render(feedSetConfig({ 'Crypto.BTC/USD': {}, 'FX.USD/HKD': { staleAfterSlots: 10000 } }));
    const staleCount = panelsSelecting(rendered, OBSERVER_METRICS.priceFeedStalenessSlots.name).find((panel) => panel.type === 'stat');
    expect(staleCount?.targets[0].expr).toContain('symbol=~"Crypto\\\\.BTC/USD", asset_type=~"$asset_type"}) >= 120)');
    expect(staleCount?.targets[0].expr).toContain('symbol=~"FX\\\\.USD/HKD", asset_type=~"$asset_type"}) >= 10000)');
  });

  test('shows the confidence interval per feed, as an absolute value (no price metric exists to divide by)', () => {
    const panel = timeseriesOf(dashboard, OBSERVER_METRICS.priceFeedConfidenceInterval.name);
    expect(panel.title).toMatch(/absolute/i);
    expect(panel.targets[0].expr).not.toContain('/');
  });

  test('shows publishers per feed against the minimum of 3', () => {
    expect(thresholdValues(timeseriesOf(dashboard, OBSERVER_METRICS.publishersActive.name))).toEqual([
      ['red', null],
      ['green', 3],
    ]);
  });

  test('moves the publisher minimum with minPublishers', () => {
    const rendered = withThresholds({ minPublishers: 5 });
    expect(thresholdValues(timeseriesOf(rendered, OBSERVER_METRICS.publishersActive.name))).toContainEqual(['green', 5]);
    expect(panelsSelecting(rendered, OBSERVER_METRICS.publishersActive.name).find((panel) => panel.type === 'table')?.targets[0].expr).toMatch(/< 5\)$/);
  });

  describe('observer health row', () => {
    const health = panelsOfRow(dashboard, 'Observer health');
    const exprs = health.flatMap((panel) => panel.targets.map((target) => target.expr));

    test('shows whether the observer targets are up', () => {
      expect(exprs).toContain('sum(up{job="pyth-observer"})');
    });

    test('shows the loop error rate by error type', () => {
      expect(exprs).toContain('sum by (error_type) (rate(pyth_observer_loop_errors_total[$__rate_interval]))');
    });

    test('shows the network connection status, saying when the observer does not export it', () => {
      const panel = only(health.filter((candidate) => candidate.targets.some((target) => target.expr.includes(OBSERVER_METRICS.networkConnectionStatus.name))));
      expect(panel.fieldConfig.defaults.noValue).toBe('not exported');
    });

    test('shows how fast the latest block slot advances', () => {
      expect(exprs).toContain('deriv(pyth_observer_latest_block_slot[$__rate_interval])');
    });
  });
});
