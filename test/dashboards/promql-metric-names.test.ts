import { metricNames, selectorLabels } from './support/promql-metric-names';

// The scan the metric-name specifications rely on: it must neither miss a name nor report a function or label.
describe('metricNames (test support)', () => {
  test('finds every metric of an expression, not its functions, labels, strings or durations', () => {
    const expr = 'sum by (service) (rate(a_total{status="error"}[5m] offset 1m)) / on(service) group_left(x) sum(b:ratio) > bool 0.5 or vector(1e3) and c';
    expect(metricNames(expr).sort()).toEqual(['a_total', 'b:ratio', 'c']);
  });

  test('finds the label names each selector matches on', () => {
    expect(selectorLabels('a{x=~"$x", y!="1"} / b{z="2"}')).toEqual([
      { metric: 'a', labels: ['x', 'y'] },
      { metric: 'b', labels: ['z'] },
    ]);
  });
});
