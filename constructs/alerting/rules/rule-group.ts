import type { Duration } from '../../core/duration';
import type { AlertRule } from './alert-rule';
import type { RecordingRule } from './recording-rule';

export type Rule = AlertRule | RecordingRule;

/** Rules evaluated together, in order, at one interval. */
export interface RuleGroup {
  /** Unique among the groups rendered together (e.g. `pyth-price-feeds-crypto`). */
  readonly name: string;
  /**
   * Evaluation interval of this group.
   * @default - Prometheus' global `evaluation_interval`
   */
  readonly interval?: Duration;
  readonly rules: readonly Rule[];
}

export function isAlertRule(rule: Rule): rule is AlertRule {
  return 'alert' in rule;
}
