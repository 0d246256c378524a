import { OBSERVER_METRIC_FAMILIES, observerSeriesNames } from '../../../constructs/price-feeds/observer/observer-metrics';

describe('OBSERVER_METRICS', () => {
  test('names every family once', () => {
    const names = OBSERVER_METRIC_FAMILIES.map((family) => family.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test('keeps every family in the pyth_observer_ namespace', () => {
    expect(OBSERVER_METRIC_FAMILIES.filter((family) => !family.name.startsWith('pyth_observer_')).map((family) => family.name)).toEqual([]);
  });

  test('names every counter as exposed, ending in _total', () => {
    expect(OBSERVER_METRIC_FAMILIES.filter((family) => family.type === 'counter' && !family.name.endsWith('_total')).map((family) => family.name)).toEqual([]);
  });

  test('gives a histogram its _bucket, _sum and _count series', () => {
    const histogram = OBSERVER_METRIC_FAMILIES.find((family) => family.type === 'histogram')!;
    expect(observerSeriesNames(histogram)).toEqual([`${histogram.name}_bucket`, `${histogram.name}_sum`, `${histogram.name}_count`]);
  });

  test('gives any other family its own name as its only series', () => {
    const gauge = OBSERVER_METRIC_FAMILIES.find((family) => family.type === 'gauge')!;
    expect(observerSeriesNames(gauge)).toEqual([gauge.name]);
  });
});
