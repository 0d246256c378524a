import { Duration } from '../../constructs/core/duration';
import { DashboardModel, GrafanaDataPanel, Panel, renderDashboard } from '../../constructs/dashboards';

const panel = (overrides: Partial<Panel> = {}): Panel => ({ kind: 'timeseries', title: 'Loop errors', queries: [{ expr: 'rate(x_total[$__rate_interval])' }], ...overrides }) as Panel;
const model = (overrides: Partial<DashboardModel> = {}): DashboardModel => ({
  uid: 'test-dashboard',
  title: 'Test',
  refresh: Duration.seconds(30),
  timeRange: Duration.hours(3),
  variables: [{ kind: 'label-values', name: 'symbol', selector: 'x', labelName: 'symbol', multi: true, includeAll: true }],
  rows: [{ title: 'Only row', panels: [panel()] }],
  ...overrides,
});
const firstPanel = (rendered = renderDashboard(model())) => rendered.panels[1] as GrafanaDataPanel;

describe('renderDashboard', () => {
  test('renders refresh and time range in Grafana syntax', () => {
    const rendered = renderDashboard(model());
    expect([rendered.refresh, rendered.time]).toEqual(['30s', { from: 'now-3h', to: 'now' }]);
  });

  test('puts the data-source picker first, defaulting to uid "prometheus"', () => {
    expect(renderDashboard(model()).templating.list[0]).toMatchObject({ type: 'datasource', name: 'datasource', query: 'prometheus', current: { value: 'prometheus' } });
  });

  test('defaults the data-source picker to defaultDatasourceUid when set', () => {
    expect(renderDashboard(model({ defaultDatasourceUid: 'thanos' })).templating.list[0].current.value).toBe('thanos');
  });

  test('renders a label-values variable as a Prometheus query variable of the picked data source', () => {
    expect(renderDashboard(model()).templating.list[1]).toMatchObject({
      type: 'query',
      datasource: { type: 'prometheus', uid: '${datasource}' },
      query: 'label_values(x, symbol)',
      refresh: 2,
    });
  });

  test('makes a row panel before the panels of each row, with ids from 1', () => {
    const rendered = renderDashboard(model({ rows: [{ title: 'A', panels: [panel()] }, { title: 'B', panels: [panel(), panel()] }] }));
    expect(rendered.panels.map((candidate) => [candidate.id, candidate.type])).toEqual([
      [1, 'row'],
      [2, 'timeseries'],
      [3, 'row'],
      [4, 'timeseries'],
      [5, 'timeseries'],
    ]);
  });

  test('sizes a panel 12 columns by 8 rows by default', () => {
    expect(firstPanel().gridPos).toMatchObject({ w: 12, h: 8 });
  });

  test('sizes a panel by its width and height', () => {
    expect(firstPanel(renderDashboard(model({ rows: [{ title: 'A', panels: [panel({ width: 6, height: 3 })] }] }))).gridPos).toMatchObject({ w: 6, h: 3 });
  });

  test('names query refIds A, B, C in order', () => {
    const queries = [{ expr: 'a' }, { expr: 'b' }, { expr: 'c' }];
    expect(firstPanel(renderDashboard(model({ rows: [{ title: 'A', panels: [panel({ queries })] }] }))).targets.map((target) => target.refId)).toEqual(['A', 'B', 'C']);
  });

  test('queries a table instantly, as a table without the Time column', () => {
    const table = firstPanel(renderDashboard(model({ rows: [{ title: 'A', panels: [panel({ kind: 'table', columnNames: { Value: 'Publishers' } })] }] })));
    expect(table.targets[0]).toMatchObject({ instant: true, range: false, format: 'table' });
    expect(table.transformations).toEqual([{ id: 'organize', options: { excludeByName: { Time: true }, indexByName: {}, renameByName: { Value: 'Publishers' } } }]);
  });

  test('colours the numbers of a table by its thresholds, not its label columns', () => {
    const table = firstPanel(renderDashboard(model({ rows: [{ title: 'A', panels: [panel({ kind: 'table' })] }] })));
    expect(table.fieldConfig.overrides).toEqual([
      { matcher: { id: 'byType', options: 'number' }, properties: [{ id: 'custom.cellOptions', value: { type: 'color-text' } }] },
    ]);
  });

  test('queries a graph over the time range', () => {
    expect(firstPanel().targets[0]).toMatchObject({ instant: false, range: true, format: 'time_series' });
  });

  test('renders thresholds as a base colour then ascending steps', () => {
    const thresholds = { base: 'green', steps: [{ from: 120, color: 'orange' }, { from: 1000, color: 'red' }] } as const;
    expect(firstPanel(renderDashboard(model({ rows: [{ title: 'A', panels: [panel({ thresholds })] }] }))).fieldConfig.defaults.thresholds).toEqual({
      mode: 'absolute',
      steps: [
        { color: 'green', value: null },
        { color: 'orange', value: 120 },
        { color: 'red', value: 1000 },
      ],
    });
  });

  test('draws thresholds on a graph as a line when it has any, by default', () => {
    const withThresholds = panel({ thresholds: { base: 'green', steps: [{ from: 1, color: 'red' }] } });
    const custom = (candidate: Panel) => firstPanel(renderDashboard(model({ rows: [{ title: 'A', panels: [candidate] }] }))).fieldConfig.defaults.custom;
    expect(custom(withThresholds)).toMatchObject({ thresholdsStyle: { mode: 'line' } });
    expect(custom(panel())).toMatchObject({ thresholdsStyle: { mode: 'off' } });
  });

  test('renders value mappings keyed by value', () => {
    const mappings = [{ value: 1, text: 'Up', color: 'green' }] as const;
    expect(firstPanel(renderDashboard(model({ rows: [{ title: 'A', panels: [panel({ kind: 'stat', mappings })] }] }))).fieldConfig.defaults.mappings).toEqual([
      { type: 'value', options: { '1': { text: 'Up', color: 'green', index: 0 } } },
    ]);
  });

  test('marks the dashboard not editable, since it is provisioned from code', () => {
    expect(renderDashboard(model()).editable).toBe(false);
  });
});

describe('renderDashboard rejects a bad model', () => {
  const rowWith = (candidate: Panel) => ({ rows: [{ title: 'Only row', panels: [candidate] }] });
  test.each<[string, Partial<DashboardModel>, string | RegExp]>([
    ['the uid has a space', { uid: 'my dashboard' }, 'Dashboard "my dashboard": uid: "my dashboard" (allowed: letters, digits, "-" and "_", 1 to 40 characters'],
    ['the title is blank', { title: ' ' }, 'Dashboard "test-dashboard": title: " " (allowed: a non-empty title'],
    ['refresh is under 5s', { refresh: Duration.seconds(1) }, 'Dashboard "test-dashboard": refresh: "1s" (allowed: at least 5s'],
    ['the time range is 0', { timeRange: Duration.ZERO }, 'timeRange: "0s" (allowed: a duration longer than 0s'],
    ['there is no row', { rows: [] }, 'rows: [] (allowed: at least one row'],
    ['a row has no panel', { rows: [{ title: 'Empty', panels: [] }] }, 'rows[0] ("Empty").panels: [] (allowed: at least one panel'],
    ['a panel is wider than the grid', rowWith(panel({ width: 25 })), 'rows[0].panels[0] ("Loop errors").width: 25 (allowed: a whole number of grid columns from 1 to 24'],
    ['a panel has no height', rowWith(panel({ height: 0 })), 'rows[0].panels[0] ("Loop errors").height: 0 (allowed: a whole number of grid rows of at least 1'],
    ['a panel has no query', rowWith(panel({ queries: [] })), 'rows[0].panels[0] ("Loop errors").queries: 0 (allowed: 1 to 26 queries'],
    ['a query is blank', rowWith(panel({ queries: [{ expr: '' }] })), 'rows[0].panels[0] ("Loop errors").queries[0].expr: "" (allowed: a PromQL expression'],
    ['a query uses an undeclared variable', rowWith(panel({ queries: [{ expr: 'x{a=~"$asset"}' }] })), /queries\[0\]\.expr: "\$asset" \(allowed: a declared variable or a Grafana global: datasource, __rate_interval, .*symbol/],
    ['thresholds are not ascending', rowWith(panel({ thresholds: { base: 'green', steps: [{ from: 5, color: 'orange' }, { from: 5, color: 'red' }] } })), 'thresholds.steps[1].from: 5 (allowed: finite values in strictly ascending order'],
    ['a value is mapped twice', rowWith(panel({ mappings: [{ value: 1, text: 'a', color: 'green' }, { value: 1, text: 'b', color: 'red' }] })), 'mappings[1].value: 1 (allowed: a finite value mapped once'],
    ['max is not above min', rowWith(panel({ min: 1, max: 1 })), 'max: 1 (allowed: a value above min (1)'],
    ['decimals is negative', rowWith(panel({ decimals: -1 })), 'decimals: -1 (allowed: a whole number of at least 0'],
    ['a variable is called datasource', { variables: [{ kind: 'custom', name: 'datasource', values: ['a'] }] }, /variables\[0\]\.name: "datasource" \(allowed: a name not already used/],
    ['two variables share a name', { variables: [{ kind: 'custom', name: 'env', values: ['a'] }, { kind: 'custom', name: 'env', values: ['b'] }] }, /variables\[1\]\.name: "env" \(allowed: a name not already used/],
    ['a variable name starts with __', { variables: [{ kind: 'custom', name: '__env', values: ['a'] }] }, 'variables[0].name: "__env" (allowed: a name of letters, digits and "_" not starting with a digit or "__"'],
    ['a custom value has a comma', { variables: [{ kind: 'custom', name: 'env', values: ['a,b'] }] }, 'variables[0].values[0]: "a,b" (allowed: a non-empty value without ","'],
    ['allValue is set without includeAll', { variables: [{ kind: 'label-values', name: 's', selector: 'x', labelName: 's', allValue: '.*' }] }, 'variables[0].allValue: ".*" (allowed: an allValue only with includeAll: true'],
    ['a variable refers to a later one', { variables: [{ kind: 'label-values', name: 's', selector: 'x{a=~"$a"}', labelName: 's' }, { kind: 'custom', name: 'a', values: ['1'] }] }, /variables\[0\]\.selector: "\$a" \(allowed: a variable declared before this one/],
  ])('fails when %s', (_case, overrides, message) => {
    expect(() => renderDashboard(model(overrides))).toThrow(message);
  });
});
