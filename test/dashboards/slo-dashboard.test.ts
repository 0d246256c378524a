import { renderDashboard } from '../../constructs/dashboards/render-dashboard';
import { sloDashboard } from '../../constructs/dashboards/slo-dashboard';
import { panelQueries, variableSelectors } from './support/dashboard-queries';
import { queriesRejectedByPromtool } from './support/promtool-queries';

const dashboard = renderDashboard(sloDashboard({ environment: 'prod' }));

test('every SLO panel query and the SLO variable parse under promtool once "$slo" is substituted', () => {
  const queries = [...panelQueries(dashboard), ...variableSelectors(dashboard)].map((query) => ({ ...query, expr: query.expr.replace(/\$slo\b/g, 'monitors/hermes-ready/availability') }));
  expect(queries.length).toBeGreaterThan(5);
  expect(queriesRejectedByPromtool(queries)).toEqual([]);
});

test('fails when the environment is not a name', () => {
  expect(() => sloDashboard({ environment: 'Prod!' })).toThrow('SLO dashboard: environment is "Prod!"');
});
