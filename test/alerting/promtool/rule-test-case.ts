import type { Duration } from '../../../constructs/core/duration';

/** One input series of a promtool unit test, in promtool's expanding notation (`0+1x10`, `5x20`, `_`). */
export interface InputSeries {
  readonly series: string;
  readonly values: string;
}

/** An alert instance the case expects to be firing. */
export interface ExpectedAlert {
  /** The labels the rule's expression yields; the rule's own labels are added when rendering. */
  readonly labels: Readonly<Record<string, string>>;
  /**
   * The sample value, printed by annotations that use `$value`.
   * @default 0
   */
  readonly value?: number;
}

/**
 * A promtool unit test of one alert at one instant, as a typed specification. Keep `at` off the edges of
 * range windows and `for` durations (5m30s, not 5m): Prometheus 3 range selectors are left-open, 2.x closed.
 */
export interface AlertRuleCase {
  /** What the case shows, e.g. "fires when BTC is 300 slots stale for 5m". */
  readonly name: string;
  readonly alert: string;
  /**
   * The rule group, when the alert exists in several groups (one per feed class).
   * @default - the only group that has the alert
   */
  readonly group?: string;
  readonly at: Duration;
  readonly series: readonly InputSeries[];
  /** Every alert instance firing at `at`; empty for a case that shows the alert does not fire. */
  readonly firing: readonly ExpectedAlert[];
}
