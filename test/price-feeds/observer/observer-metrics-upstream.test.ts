import { OBSERVER_METRIC_FAMILIES } from '../../../constructs/price-feeds/observer/observer-metrics';
import { metricNames } from '../../dashboards/support/promql-metric-names';
import { resources, synthesizedStacks } from '../../support/synth';

// The metric families pyth-observer v3.0.2 declares in pyth_observer/metrics.py (pyth-network/pyth-observer),
// transcribed by hand: [name as declared, prometheus_client type, label names]. The catalogue
// (observer-metrics.ts) must agree with it, and every observer series a synthesized rule or dashboard selects must be
// one of these, so renaming a metric in the catalogue (which would move every rule along with it) fails here.
const UPSTREAM_FAMILIES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['pyth_observer_info', 'info', ['network', 'checks_enabled', 'event_handlers']],
  ['pyth_observer_check_execution_duration_seconds', 'histogram', ['check_type']],
  ['pyth_observer_loop_errors_total', 'counter', ['error_type']],
  ['pyth_observer_price_feeds_processed_total', 'gauge', []],
  ['pyth_observer_price_feed_status', 'gauge', ['symbol', 'asset_type']],
  ['pyth_observer_price_feed_staleness_slots', 'gauge', ['symbol', 'asset_type']],
  ['pyth_observer_price_feed_confidence_interval', 'gauge', ['symbol', 'asset_type']],
  ['pyth_observer_check_success_rate', 'gauge', ['check_type', 'symbol']],
  ['pyth_observer_price_deviation_from_coingecko_percent', 'gauge', ['symbol']],
  ['pyth_observer_coingecko_price_age_seconds', 'gauge', ['symbol']],
  ['pyth_observer_publishers_active_total', 'gauge', ['symbol', 'asset_type']],
  ['pyth_observer_alerts_active_total', 'gauge', ['alert_type']],
  ['pyth_observer_alerts_sent_total', 'counter', ['alert_type', 'channel']],
  ['pyth_observer_api_request_duration_seconds', 'histogram', ['service', 'endpoint']],
  ['pyth_observer_api_requests_total', 'counter', ['service', 'endpoint', 'status']],
  ['pyth_observer_api_rate_limit_hits_total', 'counter', ['service']],
  ['pyth_observer_latest_block_slot', 'gauge', []],
  ['pyth_observer_network_connection_status', 'gauge', ['network', 'endpoint_type']],
];

/** Series a query may select: a histogram's _bucket/_sum/_count, any other family's own name. */
const UPSTREAM_SERIES = new Set(
  UPSTREAM_FAMILIES.flatMap(([name, type]) => (type === 'histogram' ? [`${name}_bucket`, `${name}_sum`, `${name}_count`] : [name])),
);
const UPSTREAM_LABELS = new Map(
  UPSTREAM_FAMILIES.flatMap(([name, type, labels]) =>
    (type === 'histogram' ? [`${name}_bucket`, `${name}_sum`, `${name}_count`] : [name]).map((series) => [series, labels] as const),
  ),
);
/** Labels Prometheus attaches on scrape (ServiceMonitor target labels) or a histogram's bucket bound. */
const SCRAPE_LABELS = ['job', 'instance', 'namespace', 'pod', 'service', 'container', 'endpoint', 'environment', 'le'];
/** A label the observer sets that collides with a scrape label is kept as exported_<label> (honor_labels is off). */
const allowedLabels = (metric: string) => (UPSTREAM_LABELS.get(metric) ?? []).map((label) => (SCRAPE_LABELS.includes(label) ? `exported_${label}` : label));

/** Every PromQL expression of a PrometheusRule or dashboard in a monitors stack, with where it comes from. */
function shippedExpressions(environment: string): { source: string; expr: string }[] {
  const manifests = resources(synthesizedStacks()[`${environment}-monitors`], 'kubernetes_manifest').map((resource) => resource.config.manifest);
  const fromRules = manifests
    .filter((manifest) => manifest.kind === 'PrometheusRule')
    .flatMap((manifest) =>
      manifest.spec.groups.flatMap((group: { rules: Array<{ alert?: string; record?: string; expr: string }> }) =>
        group.rules.map((rule) => ({ source: `${manifest.metadata.name}/${rule.alert ?? rule.record}`, expr: rule.expr })),
      ),
    );
  const fromDashboards = manifests
    .filter((manifest) => manifest.kind === 'ConfigMap' && /^grafana-dashboard-/.test(manifest.metadata.name))
    .flatMap((manifest) => Object.values(manifest.data as Record<string, string>).flatMap((json) => exprsIn(JSON.parse(json)).map((expr) => ({ source: manifest.metadata.name, expr }))));
  return [...fromRules, ...fromDashboards];
}

function exprsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(exprsIn);
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => (key === 'expr' && typeof value === 'string' ? [value] : exprsIn(value)));
  }
  return [];
}

describe('the observer metric catalogue against pyth-observer v3.0.2', () => {
  test('lists exactly the families metrics.py declares, with their types and labels', () => {
    const catalogue = OBSERVER_METRIC_FAMILIES.map((family) => [family.name, family.type, [...family.labels]]).sort();
    expect(catalogue).toEqual(UPSTREAM_FAMILIES.map(([name, type, labels]) => [name, type, [...labels]]).sort());
  });
});

describe.each(['dev', 'staging', 'prod'])('observer series used by the rules and dashboards %s ships', (environment) => {
  const expressions = shippedExpressions(environment);
  const observerUses = expressions.flatMap(({ source, expr }) => metricNames(expr).filter((name) => name.startsWith('pyth_observer_')).map((name) => ({ source, name, expr })));

  test('rules and dashboards both select observer series', () => {
    expect(new Set(observerUses.map((use) => use.source.split('/')[0])).size).toBeGreaterThanOrEqual(3);
    expect(observerUses.length).toBeGreaterThan(10);
  });

  test('every observer series is one pyth-observer exports', () => {
    expect(observerUses.filter((use) => !UPSTREAM_SERIES.has(use.name)).map((use) => `${use.source}: ${use.name}`)).toEqual([]);
  });

  test('the alerts select the feed status, staleness, publishers and loop-error series', () => {
    const used = new Set(observerUses.filter((use) => use.source.startsWith('pyth-price-feeds/')).map((use) => use.name));
    expect([...used]).toEqual(
      expect.arrayContaining([
        'pyth_observer_price_feed_status',
        'pyth_observer_price_feed_staleness_slots',
        'pyth_observer_publishers_active_total',
        'pyth_observer_loop_errors_total',
        'pyth_observer_latest_block_slot',
      ]),
    );
  });

  test('every label matched on an observer series is one the observer sets or Prometheus adds', () => {
    const wrong = expressions.flatMap(({ source, expr }) =>
      [...expr.matchAll(/(pyth_observer_[A-Za-z0-9_]*)\{([^}]*)\}/g)].flatMap(([, metric, matchers]) =>
        [...matchers.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*(?:=~|!~|!=|=)/g)]
          .map((label) => label[1])
          .filter((label) => !allowedLabels(metric).includes(label) && !SCRAPE_LABELS.includes(label))
          .map((label) => `${source}: ${metric}{${label}}`),
      ),
    );
    expect(wrong).toEqual([]);
  });
});

// pyth-observer v3.0.2 serves Prometheus metrics on 9001 (PROMETHEUS_PORT) and /live, /ready on 8080 (health_server.py).
const UPSTREAM_METRICS_PORT = 9001;
const UPSTREAM_HEALTH_PORT = 8080;

describe.each(['dev', 'staging', 'prod'])('the observer workload %s ships scrapes and probes the ports pyth-observer serves', (environment) => {
  const manifests = resources(synthesizedStacks()[`${environment}-monitors`], 'kubernetes_manifest').map((resource) => resource.config.manifest);
  const deployment = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'pyth-observer');
  const service = manifests.find((m) => m.kind === 'Service' && m.metadata.name === 'pyth-observer');
  const serviceMonitor = manifests.find((m) => m.kind === 'ServiceMonitor' && m.metadata.name === 'pyth-observer');
  const container = deployment?.spec.template.spec.containers[0];

  test('the container exposes 9001 and the Service routes the scraped port to it', () => {
    const containerPorts = new Map<string, number>((container?.ports ?? []).map((port: { name: string; containerPort: number }) => [port.name, port.containerPort]));
    const scraped = serviceMonitor?.spec.endpoints[0].port;
    const servicePort = (service?.spec.ports ?? []).find((port: { name: string }) => port.name === scraped);
    const target = typeof servicePort?.targetPort === 'string' ? containerPorts.get(servicePort.targetPort) : servicePort?.targetPort;
    expect(target).toBe(UPSTREAM_METRICS_PORT);
  });

  test('liveness and readiness probe /live and /ready on 8080', () => {
    const port = (probe: { httpGet: { port: number | string } }) =>
      typeof probe.httpGet.port === 'string' ? container.ports.find((p: { name: string }) => p.name === probe.httpGet.port)?.containerPort : probe.httpGet.port;
    expect({ live: container?.livenessProbe.httpGet.path, ready: container?.readinessProbe.httpGet.path }).toEqual({ live: '/live', ready: '/ready' });
    expect([port(container.livenessProbe), port(container.readinessProbe)]).toEqual([UPSTREAM_HEALTH_PORT, UPSTREAM_HEALTH_PORT]);
  });
});
