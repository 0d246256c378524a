import type { Duration } from '../../core/duration';
import type { Runbook } from './runbook';
import type { Severity } from './severity';

/**
 * One alerting rule, as a team writes it. Rendering adds the `environment` label and turns the typed fields
 * into Prometheus' labels and annotations (`severity`, `team`, `summary`, `description`, `runbook_url`).
 */
export interface AlertRule {
  /** CamelCase alert name, unique within its group (e.g. `PythPriceFeedStale`). */
  readonly alert: string;
  /** PromQL; every series it returns is one alert instance. */
  readonly expr: string;
  /**
   * How long `expr` must hold before the alert fires; at least one minute unless `forBelowMinimumBecause` says why not.
   * @default - none: fires on the first evaluation, which only the Watchdog may do
   */
  readonly for?: Duration;
  /**
   * Why this alert may wait less than a minute (or not at all): its expression already measures how long the
   * condition has held, so one evaluation cannot page on a passing value (a staleness count above 120 slots is
   * 48 s without an update). At least 20 characters a reviewer can judge; rendered nowhere.
   * @default - none: `for` must be at least one minute
   */
  readonly forBelowMinimumBecause?: string;
  /**
   * How long the alert keeps firing after `expr` stops returning it (damps flapping on recovery).
   * @default - none: resolves on the first evaluation without a result
   */
  readonly keepFiringFor?: Duration;
  readonly severity: Severity;
  /** The owning team; routes the alert to that team's receivers. */
  readonly team: string;
  /** One line, may use `{{ $labels.x }}`; shown as the notification title. */
  readonly summary: string;
  /** What is wrong and what it means for consumers; may use `{{ $labels.x }}` and `{{ $value }}`. */
  readonly description: string;
  readonly runbook: Runbook;
  /**
   * Extra labels for routing and inhibition (e.g. `symbol`, `asset_type`); may not override
   * `alertname`, `severity`, `team` or `environment`.
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
}
