import { Duration } from '../../constructs/core/duration';

describe('Duration', () => {
  test('minutes render in Prometheus syntax', () => {
    expect(Duration.minutes(5).toPrometheus()).toBe('5m');
  });

  test('mixed units render largest first', () => {
    expect(Duration.seconds(5400 + 30).toPrometheus()).toBe('1h30m30s');
  });

  test('hours convert to seconds', () => {
    expect(Duration.hours(6).toSeconds()).toBe(21600);
  });

  test('a fraction of a minute that is whole seconds is allowed', () => {
    expect(Duration.minutes(1.5).toPrometheus()).toBe('1m30s');
  });

  test('zero renders as 0s', () => {
    expect(Duration.seconds(0).toPrometheus()).toBe('0s');
  });

  test('fails when the amount is negative', () => {
    expect(() => Duration.minutes(-1)).toThrow(/Duration\.minutes\(-1\) is invalid \(allowed: a finite, non-negative amount/);
  });

  test('fails when the amount is not a whole number of seconds', () => {
    expect(() => Duration.seconds(1.5)).toThrow(/Duration\.seconds\(1\.5\) is invalid/);
  });

  test('fails when the amount is not finite', () => {
    expect(() => Duration.hours(Number.POSITIVE_INFINITY)).toThrow(/Duration\.hours\(Infinity\) is invalid/);
  });
});
