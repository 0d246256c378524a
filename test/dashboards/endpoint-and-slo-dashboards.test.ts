import { renderDashboard } from '../../constructs/dashboards/render-dashboard';
import { sloDashboard } from '../../constructs/dashboards/slo-dashboard';
import { panelQueries, variableSelectors } from './support/dashboard-queries';
import { queriesRejectedByPromtool } from './support/promtool-queries';
import { endpointsDashboard } from '../../constructs/dashboards/endpoints-dashboard';
import { CERTIFICATE_EXPIRY_CRITICAL_DAYS, CERTIFICATE_EXPIRY_WARNING_DAYS, renderEndpointRules } from '../../constructs/endpoints/endpoint-rules';
import { alertsOf } from '../alerting/promtool/rendered-alerts';
import { RESOLVED, RULE_OPTIONS } from '../endpoints/fixtures';

const dashboard = renderDashboard(sloDashboard({ environment: 'prod' }));

test('every SLO panel query and the SLO variable parse under promtool once "$slo" is substituted', () => {
  const queries = [...panelQueries(dashboard), ...variableSelectors(dashboard)].map((query) => ({ ...query, expr: query.expr.replace(/\$slo\b/g, 'monitors/hermes-ready/availability') }));
  expect(queries.length).toBeGreaterThan(5);
  expect(queriesRejectedByPromtool(queries)).toEqual([]);
});

test('fails when the environment is not a name', () => {
  expect(() => sloDashboard({ environment: 'Prod!' })).toThrow('SLO dashboard: environment: "Prod!" (allowed');
});


const endpoints = endpointsDashboard({ environment: 'prod', endpoints: RESOLVED });
const endpointPanels = endpoints.rows.flatMap((row) => row.panels);

test('each endpoint\'s latency panel turns red at the threshold of its EndpointSlow alert', () => {
  const slow = alertsOf(renderEndpointRules(RESOLVED, RULE_OPTIONS).rulesFile).filter(({ rule }) => rule.alert === 'EndpointSlow');
  for (const endpoint of RESOLVED) {
    const alertThreshold = Number(/> ([\d.]+) and/.exec(slow.find(({ group }) => group === `endpoint-${endpoint.name}`)!.rule.expr)![1]);
    const panel = endpointPanels.find((p) => p.title === endpoint.name)!;
    expect({ endpoint: endpoint.name, red: panel.thresholds!.steps![0].from }).toEqual({ endpoint: endpoint.name, red: alertThreshold });
  }
});

test('the certificate table\'s colours change at the alerts\' 3 and 20 days', () => {
  const table = endpointPanels.find((p) => p.kind === 'table')!;
  expect(table.thresholds!.steps!.map((s) => s.from)).toEqual([CERTIFICATE_EXPIRY_CRITICAL_DAYS, CERTIFICATE_EXPIRY_WARNING_DAYS]);
});

test('every endpoints panel query parses under promtool', () => {
  const queries = panelQueries(renderDashboard(endpoints));
  expect(queries.length).toBeGreaterThan(4);
  expect(queriesRejectedByPromtool(queries)).toEqual([]);
});
