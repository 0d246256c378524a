import { GrafanaDashboard, GrafanaGridPos, GRID_COLUMNS, renderDashboard } from '../../constructs/dashboards';
import { priceFeedsDashboard } from '../../constructs/price-feeds/dashboards/price-feeds-dashboard';
import { publishersDashboard } from '../../constructs/price-feeds/dashboards/publishers-dashboard';
import { PROD_FEEDS } from '../price-feeds/fixtures';
import { OBSERVER_METRIC_FAMILIES, observerSeriesNames } from '../../constructs/price-feeds/observer/observer-metrics';
import { dataPanels, panelQueries, variableSelectors } from './support/dashboard-queries';
import { metricNames, selectorLabels } from './support/promql-metric-names';

const DASHBOARDS: [string, GrafanaDashboard][] = [
  ['Price feeds', renderDashboard(priceFeedsDashboard(PROD_FEEDS))],
  ['Publishers', renderDashboard(publishersDashboard(PROD_FEEDS))],
];
/** Series a panel may select: the observer's, and the scrape health Prometheus records for every target. */
const LABELS_BY_SERIES = new Map<string, readonly string[]>([
  ...OBSERVER_METRIC_FAMILIES.flatMap((family) => observerSeriesNames(family).map((name) => [name, family.labels] as const)),
  ['up', ['job']],
]);
const HISTOGRAM_BUCKET_LABEL = 'le';

const overlaps = (a: GrafanaGridPos, b: GrafanaGridPos) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe.each(DASHBOARDS)('the rendered %s dashboard', (_title, dashboard) => {
  test('uses Grafana schemaVersion 39 or later', () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(39);
  });

  test('offers a Prometheus data-source picker, defaulting to the uid of kube-prometheus-stack\'s data source', () => {
    const picker = dashboard.templating.list.find((variable) => variable.name === 'datasource');
    expect(picker).toMatchObject({ type: 'datasource', query: 'prometheus', current: { value: 'prometheus' } });
  });

  test('queries the picked data source from every panel and every target', () => {
    for (const panel of dataPanels(dashboard)) {
      expect({ panel: panel.title, datasource: panel.datasource }).toEqual({ panel: panel.title, datasource: { type: 'prometheus', uid: '${datasource}' } });
      for (const target of panel.targets) expect({ panel: panel.title, datasource: target.datasource }).toEqual({ panel: panel.title, datasource: panel.datasource });
    }
  });

  test('gives every panel at least one query', () => {
    const withoutQuery = dataPanels(dashboard).filter((panel) => panel.targets.length === 0 || panel.targets.some((target) => !target.expr.trim()));
    expect(withoutQuery.map((panel) => panel.title)).toEqual([]);
  });

  test('gives every panel and row a unique id', () => {
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('places every panel inside the 24-column grid', () => {
    const outside = dashboard.panels.filter(({ gridPos }) => gridPos.x < 0 || gridPos.y < 0 || gridPos.w < 1 || gridPos.h < 1 || gridPos.x + gridPos.w > GRID_COLUMNS);
    expect(outside.map((panel) => panel.title)).toEqual([]);
  });

  test('places no panel over another', () => {
    const overlapping = dashboard.panels.flatMap((a, index) =>
      dashboard.panels.slice(index + 1).filter((b) => overlaps(a.gridPos, b.gridPos)).map((b) => `${a.title} / ${b.title}`),
    );
    expect(overlapping).toEqual([]);
  });

  test('selects only pyth-observer metric families and up', () => {
    const unknown = [...panelQueries(dashboard), ...variableSelectors(dashboard)].flatMap((query) =>
      metricNames(query.expr).filter((name) => !LABELS_BY_SERIES.has(name)).map((name) => `${query.source}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  test('matches only on labels the selected family has (a missing label would drop every series)', () => {
    const wrong = [...panelQueries(dashboard), ...variableSelectors(dashboard)].flatMap((query) =>
      selectorLabels(query.expr).flatMap(({ metric, labels }) =>
        labels.filter((label) => label !== HISTOGRAM_BUCKET_LABEL && !LABELS_BY_SERIES.get(metric)?.includes(label)).map((label) => `${query.source}: ${metric}{${label}}`),
      ),
    );
    expect(wrong).toEqual([]);
  });

  test('offers the feed variables environment, asset_type and symbol', () => {
    expect(dashboard.templating.list.map((variable) => variable.name)).toEqual(['datasource', 'environment', 'asset_type', 'symbol']);
  });
});
