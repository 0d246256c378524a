import type { Runbook } from '../alerting/rules/runbook';

/** The placeholder an events SLI query uses for the rate window, e.g. `rate(http_requests_total[{{window}}])`. */
export const SLI_WINDOW_PLACEHOLDER = '{{window}}';

/**
 * An SLI from counters: `goodQuery / totalQuery` is the fraction of good events. Both are PromQL with
 * `{{window}}` where the rate window goes, and each returns one series (aggregate with `sum(...)`).
 */
export interface EventsSli {
  readonly kind: 'events';
  /** e.g. `sum(rate(http_requests_total{job="api",code!~"5.."}[{{window}}]))` */
  readonly goodQuery: string;
  /** e.g. `sum(rate(http_requests_total{job="api"}[{{window}}]))` */
  readonly totalQuery: string;
}

/**
 * An SLI from a gauge that is 1 when good and 0 when bad (`probe_success`, `up`, a recorded `... <= bool limit`):
 * each sample is one event, so the good fraction is the average over the window.
 */
export interface BoolGaugeSli {
  readonly kind: 'bool-gauge';
  /** A series selector, e.g. `probe_success{job="feedops-endpoints",endpoint="hermes"}`. */
  readonly selector: string;
}

export type Sli = EventsSli | BoolGaugeSli;

/** SLO windows: 30 days (Sloth's default) or four whole weeks (same weekdays in every window). */
export type SloWindow = '28d' | '30d';

/** What an SLI without any data does. */
export type NoDataPolicy =
  /** A ticket-severity alert `<alertName>NoData` fires when the SLI has had no series for the no-data time. */
  | 'alert'
  /** Nothing alerts on missing data (burn-rate alerts stay quiet: a ratio over no events is not a number). Use it when another alert already covers the metric's absence. */
  | 'ignore';

export interface ServiceLevelObjectiveSpec {
  /** Namespace of the owning team's objects; the first part of the SLO's id (`<namespace>/<service>/<name>`). */
  readonly namespace: string;
  /** The service measured, e.g. `hermes`. */
  readonly service: string;
  /** The objective's name within the service, e.g. `availability`. */
  readonly name: string;
  /** One sentence shown in dashboards and alert descriptions. */
  readonly description: string;
  /** Target percentage of good events, e.g. 99.9 (between 0 and 100, exclusive). */
  readonly objectivePercent: number;
  /** @default '30d' */
  readonly window?: SloWindow;
  readonly sli: Sli;
  /** CamelCase base of the alert names: `<alertName>ErrorBudgetBurn` (page) and `<alertName>ErrorBudgetSlowBurn` (ticket). */
  readonly alertName: string;
  /** Team the alerts route to. */
  readonly team: string;
  /** One runbook page for every alert of this SLO (fast burn, slow burn, no data). */
  readonly runbook: Runbook;
  /**
   * Events an alert's long window must hold before it may fire: a quiet service with one failed request out of
   * two does not page. For bool-gauge SLIs an event is a sample.
   * @default 10
   */
  readonly minimumEvents?: number;
  /** @default 'alert' */
  readonly noData?: NoDataPolicy;
  /**
   * Extra labels on every recorded series and alert (not `slo_*`, `severity`, `team`, `environment`).
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * An alert that already pages for what burns this budget (e.g. PythPriceFeedStale for a feed's freshness): while it
   * has fired within the longest page window, matched `on` the given labels, the fast burn does not page a second
   * time for the same incident (the slow-burn ticket still opens). Prometheus' own `ALERTS` series is read, so the
   * alert must be evaluated by the same Prometheus.
   * @default - the fast burn pages on its own
   */
  readonly pageSupersededBy?: { readonly alert: string; readonly on: readonly string[] };
}
