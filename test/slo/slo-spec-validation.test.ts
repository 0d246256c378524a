import { renderSloRules, sloRuleGroups } from '../../constructs/slo/render-slo-rules';
import { ServiceLevelObjective } from '../../constructs/slo/service-level-objective';
import type { ServiceLevelObjectiveSpec } from '../../constructs/slo/slo-spec';
import { resources, synthConstruct } from '../support/synth';
import { API_SLO } from './fixtures';

const render = (...specs: ServiceLevelObjectiveSpec[]) => renderSloRules(specs, { environment: 'prod', name: 'slos', namespace: 'payments' });
const alertNames = (spec: ServiceLevelObjectiveSpec) =>
  sloRuleGroups([spec]).flatMap((g) => g.rules).filter((r) => 'alert' in r).map((r) => (r as { alert: string }).alert);

test('defaults: 30-day window, page and ticket alerts plus a no-data alert, at least 10 events per long window', () => {
  const text = JSON.stringify(render(API_SLO).rulesFile);
  expect(text).toContain('vector(30)');
  expect(alertNames(API_SLO)).toEqual(['PaymentsApiAvailabilityErrorBudgetBurn', 'PaymentsApiAvailabilityErrorBudgetSlowBurn', 'PaymentsApiAvailabilityNoData']);
  expect(text).toContain('* 3600 >= 10');
});

test('overrides: a 28-day window, noData "ignore" renders no no-data alert, a custom minimum of events', () => {
  const spec = { ...API_SLO, window: '28d' as const, noData: 'ignore' as const, minimumEvents: 100 };
  const text = JSON.stringify(render(spec).rulesFile);
  expect(text).toContain('vector(28)');
  expect(alertNames(spec)).toEqual(['PaymentsApiAvailabilityErrorBudgetBurn', 'PaymentsApiAvailabilityErrorBudgetSlowBurn']);
  expect(text).toContain('* 3600 >= 100');
});

test('IDs are namespace-qualified: two teams may both have api/availability', () => {
  const other = { ...API_SLO, namespace: 'lending' };
  const rules = render(API_SLO, other).rulesFile;
  expect(rules.groups.map((g) => g.name).filter((n) => n.startsWith('slo-alerts-'))).toEqual(['slo-alerts-payments-api-availability', 'slo-alerts-lending-api-availability']);
  expect(JSON.stringify(rules)).toContain('slo_id=\\"lending/api/availability\\"');
});

test('a bool-gauge SLI averages the gauge: errors are samples at 0 over samples', () => {
  const spec: ServiceLevelObjectiveSpec = { ...API_SLO, sli: { kind: 'bool-gauge', selector: 'probe_success{job="x"}' } };
  const fiveMinutes = render(spec).rulesFile.groups[0].rules.find((r) => 'record' in r && r.record === 'slo:sli_error:ratio_rate5m')!;
  expect(fiveMinutes.expr).toBe('1 - (\n  sum(sum_over_time(probe_success{job="x"}[5m]))\n  /\n  sum(count_over_time(probe_success{job="x"}[5m]))\n)');
});

test('fails when the same SLO id is rendered twice', () => {
  expect(() => render(API_SLO, API_SLO)).toThrow('SLO "payments/api/availability": field "name" is "availability" (allowed: an id <namespace>/<service>/<name> unique among the SLOs rendered together)');
});

test('fails when the objective is not strictly between 0 and 100', () => {
  expect(() => render({ ...API_SLO, objectivePercent: 100 })).toThrow('field "objectivePercent" is 100 (allowed: a percentage above 0 and below 100, e.g. 99.9)');
});

test('fails when the window is not 28d or 30d', () => {
  expect(() => render({ ...API_SLO, window: '7d' as never })).toThrow('field "window" is "7d" (allowed: "28d" or "30d")');
});

test('fails when an events query has no {{window}} placeholder', () => {
  expect(() => render({ ...API_SLO, sli: { ...(API_SLO.sli as any), totalQuery: 'sum(rate(http_requests_total[5m]))' } })).toThrow(
    'field "sli.totalQuery" is "sum(rate(http_requests_total[5m]))" (allowed: PromQL with {{window}} as the rate window)',
  );
});

test('fails when the namespace is not a DNS label, and when an extra label would override an SLO label', () => {
  expect(() => render({ ...API_SLO, namespace: 'Payments', labels: { slo_id: 'x' } })).toThrow(/field "namespace" is "Payments".*\n- .*field "labels.slo_id"/s);
});

test('fails when the no-data policy is unknown', () => {
  expect(() => render({ ...API_SLO, noData: 'page' as never })).toThrow('field "noData" is "page" (allowed: "alert" or "ignore")');
});

test('the construct places one PrometheusRule in the spec\'s namespace, the same object it exposes for promtool', () => {
  let construct: ServiceLevelObjective | undefined;
  const tf = synthConstruct((scope) => {
    construct = new ServiceLevelObjective(scope, 'api-availability', { ...API_SLO, environment: 'prod' });
  });
  const manifests = resources(tf, 'kubernetes_manifest').map((r) => r.config.manifest);
  expect(manifests.map((m) => [m.kind, m.metadata.name, m.metadata.namespace])).toEqual([['PrometheusRule', 'slo-api-availability', 'payments']]);
  expect(manifests[0].spec).toEqual(JSON.parse(JSON.stringify(construct!.rules.rulesFile)));
});

test('fails when pageSupersededBy names no alert or no labels to match on', () => {
  expect(() => render({ ...API_SLO, pageSupersededBy: { alert: 'stale feed', on: ['symbol'] } })).toThrow('field "pageSupersededBy.alert" is "stale feed" (allowed: the CamelCase name of an alert');
  expect(() => render({ ...API_SLO, pageSupersededBy: { alert: 'PaymentsApiDown', on: [] } })).toThrow('field "pageSupersededBy.on" is [] (allowed: one or more label names');
});

test('a superseded fast burn is silent while the other alert fired within the longest page window (6h); the ticket is not', () => {
  const rules = render({ ...API_SLO, pageSupersededBy: { alert: 'PaymentsApiDown', on: ['slo_service'] } }).rulesFile.groups.flatMap((g) => g.rules);
  const page = rules.find((rule) => 'alert' in rule && rule.alert.endsWith('ErrorBudgetBurn'))!;
  const ticket = rules.find((rule) => 'alert' in rule && rule.alert.endsWith('ErrorBudgetSlowBurn'))!;
  expect(page.expr).toMatch(/\nunless on \(slo_service\)\nmax_over_time\(ALERTS\{alertname="PaymentsApiDown", alertstate="firing"\}\[6h\]\)$/);
  expect(ticket.expr).not.toContain('ALERTS');
});
