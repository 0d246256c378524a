import { GrafanaDataPanel, renderDashboard } from '../../../constructs/dashboards';
import { publishersDashboard, type PublishersDashboardOptions } from '../../../constructs/price-feeds/dashboards/publishers-dashboard';
import { STAGING_CONFIG, resolveFeedSet } from '../fixtures';
import { OBSERVER_METRIC_FAMILIES, OBSERVER_METRICS } from '../../../constructs/price-feeds/observer/observer-metrics';
import { grafanaDurationSeconds, panelQueries, panelsSelecting } from '../../dashboards/support/dashboard-queries';
import { QUORUM_MIN_FLIPS } from '../../../constructs/price-feeds/rules/asset-type-rules';

const render = (options: PublishersDashboardOptions = {}, config: Record<string, unknown> = STAGING_CONFIG) =>
  renderDashboard(publishersDashboard(resolveFeedSet('staging', config), options));
const dashboard = render();
const tableSelecting = (metric: string, rendered = dashboard): GrafanaDataPanel => {
  const tables = panelsSelecting(rendered, metric).filter((panel) => panel.type === 'table');
  expect(tables).toHaveLength(1);
  return tables[0];
};

describe('the Publishers dashboard', () => {
  test('has the uid feedops-publishers', () => {
    expect(dashboard.uid).toBe('feedops-publishers');
  });

  test('refreshes at least every minute', () => {
    expect(grafanaDurationSeconds(dashboard.refresh)).toBeLessThanOrEqual(60);
  });

  test('names its environment in the environment variable', () => {
    expect(dashboard.templating.list.find((variable) => variable.name === 'environment')).toMatchObject({ type: 'custom', query: 'staging' });
  });

  test('shows the publishers of each selected feed over time', () => {
    const graphs = panelsSelecting(dashboard, OBSERVER_METRICS.publishersActive.name).filter((panel) => panel.type === 'timeseries');
    expect(graphs.map((panel) => panel.targets[0].legendFormat)).toEqual(['{{symbol}}']);
  });

  test('lists the 10 feeds with the fewest publishers, fewest first', () => {
    const table = tableSelecting(OBSERVER_METRICS.publishersActive.name);
    expect(table.targets[0]).toMatchObject({ instant: true, format: 'table' });
    expect(table.targets[0].expr).toMatch(/^bottomk\(10, /);
    expect(table.options).toMatchObject({ sortBy: [{ displayName: 'Publishers', desc: false }] });
  });

  test('lists fewestFeedsShown feeds when set', () => {
    expect(tableSelecting(OBSERVER_METRICS.publishersActive.name, render({ fewestFeedsShown: 25 })).targets[0].expr).toMatch(/^bottomk\(25, /);
  });

  test('shows how often each feed\'s aggregate loses its quorum, red where PythPriceFeedQuorumIntermittent warns', () => {
    const graphs = panelsSelecting(dashboard, OBSERVER_METRICS.priceFeedStatus.name).filter((panel) => panel.type === 'timeseries');
    expect(graphs.map((panel) => panel.targets[0].expr)).toEqual([expect.stringMatching(/^max by \(symbol\) \(changes\(pyth_observer_price_feed_status\{.*\}\[10m\]\)\)$/)]);
    expect(graphs[0].fieldConfig.defaults.thresholds.steps).toEqual([
      { color: 'green', value: null },
      { color: 'red', value: QUORUM_MIN_FLIPS },
    ]);
  });

  test('says the publisher count is the price account\'s, not the publishers quoting', () => {
    const graphs = panelsSelecting(dashboard, OBSERVER_METRICS.publishersActive.name).filter((panel) => panel.type === 'timeseries');
    expect(graphs.map((panel) => panel.title)).toEqual(['Permissioned publishers per feed']);
    expect(graphs[0].description).toContain('A publisher that stops quoting stays counted');
  });

  test('shows the check success rate per check type as a share from 0 to 1', () => {
    const graph = panelsSelecting(dashboard, OBSERVER_METRICS.checkSuccessRate.name).find((panel) => panel.type === 'timeseries');
    expect(graph?.targets[0].expr).toMatch(/^avg by \(check_type\) \(pyth_observer_check_success_rate\{/);
    expect(graph?.fieldConfig.defaults).toMatchObject({ unit: 'percentunit', min: 0, max: 1 });
  });

  test('shows the publisher checks the observer runs, the closest its metrics come to a per-publisher view', () => {
    const runs = panelsSelecting(dashboard, `${OBSERVER_METRICS.checkExecutionDurationSeconds.name}_count`);
    expect(runs.map((panel) => panel.targets[0].expr)).toEqual([expect.stringContaining('check_type=~"Publisher.*"')]);
  });

  test('relies on no per-publisher series, because the observer exports none', () => {
    expect(OBSERVER_METRIC_FAMILIES.filter((family) => family.labels.some((label) => label.startsWith('publisher')))).toEqual([]);
    expect(panelQueries(dashboard).filter((query) => /publisher(_name|_key)?\s*[=!]/.test(query.expr))).toEqual([]);
  });

  test('moves the publisher minimum with minPublishers', () => {
    const rendered = render({}, { ...STAGING_CONFIG, thresholds: { minPublishers: 4 } });
    const belowMinimum = panelsSelecting(rendered, OBSERVER_METRICS.publishersActive.name).filter((panel) => panel.title === 'Feeds below the minimum');
    expect(belowMinimum.map((panel) => panel.targets[0].expr)).toEqual([expect.stringContaining('< 4)')]);
  });
});

describe('publishersDashboard rejects bad options', () => {
  test('fails when fewestFeedsShown is not a whole number of at least 1', () => {
    expect(() => publishersDashboard(resolveFeedSet('staging', STAGING_CONFIG), { fewestFeedsShown: 0 })).toThrow(
      'Publishers dashboard: fewestFeedsShown: number 0 (allowed: a whole number of at least 1)',
    );
  });
});
