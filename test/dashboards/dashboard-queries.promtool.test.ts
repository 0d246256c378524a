import { renderDashboard } from '../../constructs/dashboards';
import { priceFeedsDashboard } from '../../constructs/price-feeds/dashboards/price-feeds-dashboard';
import { publishersDashboard } from '../../constructs/price-feeds/dashboards/publishers-dashboard';
import { PROD_FEEDS } from '../price-feeds/fixtures';
import { panelQueries, substituteVariables, variableSelectors } from './support/dashboard-queries';
import { queriesRejectedByPromtool } from './support/promtool-queries';

const dashboards = [renderDashboard(priceFeedsDashboard(PROD_FEEDS)), renderDashboard(publishersDashboard(PROD_FEEDS))];
const withSampleValues = dashboards
  .flatMap((dashboard) => [...panelQueries(dashboard), ...variableSelectors(dashboard)])
  .map((query) => ({ ...query, expr: substituteVariables(query.expr) }));

describe('the PromQL of the dashboards (promtool check rules)', () => {
  test('every panel query and variable selector parses once Grafana has substituted the variables', () => {
    expect(queriesRejectedByPromtool(withSampleValues)).toEqual([]);
  });

  test('fails when one query is broken, and names that query', () => {
    const broken = { source: 'broken / Loop errors / A', expr: 'sum(rate(pyth_observer_loop_errors_total[5m])' };
    const rejected = queriesRejectedByPromtool([...withSampleValues, broken]);
    expect(rejected.map(({ source, expr }) => ({ source, expr }))).toEqual([broken]);
    expect(rejected[0].promtool).toMatch(/parse error/i);
  });
});
