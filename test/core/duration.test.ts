import { Duration } from '../../constructs/core/duration';

describe('Duration', () => {
  test.each([
    [Duration.seconds(30), '30s'],
    [Duration.seconds(90), '90s'],
    [Duration.minutes(5), '5m'],
    [Duration.minutes(90), '90m'],
    [Duration.minutes(60), '1h'],
    [Duration.hours(24), '24h'],
    [Duration.ZERO, '0s'],
  ])('renders %o as %s, the largest exact unit', (duration, text) => {
    expect(duration.toString()).toBe(text);
  });

  test('serialises to JSON as its text', () => {
    expect(JSON.stringify({ wait: Duration.minutes(5) })).toBe('{"wait":"5m"}');
  });

  test('compares by length, whatever the unit', () => {
    expect(Duration.hours(1).isLongerThan(Duration.minutes(59))).toBe(true);
    expect(Duration.minutes(60).isLongerThan(Duration.hours(1))).toBe(false);
    expect(Duration.seconds(30).isShorterThan(Duration.minutes(1))).toBe(true);
  });

  test('accepts a fraction that is a whole number of seconds', () => {
    expect(Duration.minutes(1.5).totalSeconds).toBe(90);
  });

  test('fails when the amount is negative', () => {
    expect(() => Duration.minutes(-1)).toThrow('Duration: minutes: -1 is invalid (allowed: a finite, non-negative amount that is a whole number of seconds)');
  });

  test('fails when the amount is not a whole number of seconds', () => {
    expect(() => Duration.seconds(0.5)).toThrow('Duration: seconds: 0.5 is invalid');
  });

  test('fails when the amount is not finite', () => {
    expect(() => Duration.hours(Number.POSITIVE_INFINITY)).toThrow('Duration: hours: Infinity is invalid');
  });
});

describe('Duration in rule files', () => {
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
});
