import { metricNamesIn } from './rendered-alerts';

// The absent()-companion check relies on this parser; these pin what it must and must not report.
describe('metricNamesIn', () => {
  test('finds the metric behind an aggregation with a by clause', () => {
    expect(metricNamesIn('max by (symbol) (pyth_observer_price_feed_staleness_slots{job="x",symbol="Crypto.BTC/USD"}) > 120')).toEqual([
      'pyth_observer_price_feed_staleness_slots',
    ]);
  });

  test('finds every metric of a joined expression and no function names', () => {
    const expr = '(max by (symbol) (a_metric{x="1"} / (quantile_over_time(0.5, a_metric{x="1"}[6h]) > 0)) > 10)\nand on (symbol)\n(min by (symbol) (b_metric{}) == 1)';
    expect(metricNamesIn(expr)).toEqual(['a_metric', 'b_metric']);
  });

  test('ignores label values, durations and label_replace arguments', () => {
    expect(metricNamesIn('label_replace(absent(up{job="up_job"}), "metric", "not_a_metric", "", "") or changes(c_metric[5m]) == 0')).toEqual(['up', 'c_metric']);
  });

  test('finds nothing in vector(1)', () => {
    expect(metricNamesIn('vector(1)')).toEqual([]);
  });
});
