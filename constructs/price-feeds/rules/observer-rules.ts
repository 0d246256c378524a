import type { AlertRule } from '../../alerting/rules/alert-rule';
import { quote, selector } from '../../alerting/rules/promql';
import type { RuleGroup } from '../../alerting/rules/rule-group';
import { Runbook } from '../../alerting/rules/runbook';
import { Severity } from '../../alerting/rules/severity';
import { Duration } from '../../core/duration';
import type { ResolvedPriceFeeds } from '../resolve';
import { OBSERVER_ALERTS, OBSERVER_METRIC_NAMES } from './alert-names';

export const OBSERVER_DOWN_FOR = Duration.minutes(3);
export const OBSERVER_ABSENT_FOR = Duration.minutes(5);
/** No new Pythnet slot in this window means the observer's metrics are frozen. */
export const OBSERVER_STALLED_WINDOW = Duration.minutes(5);
export const OBSERVER_STALLED_FOR = Duration.minutes(2);
/**
 * prometheus_client exports the label-less slot gauge as 0 from process start; the observer sets it in its first
 * completed loop. 0 for this long after a start means no loop has completed.
 */
export const OBSERVER_NOT_REFRESHING_FOR = Duration.minutes(10);
/** The observer refreshes (slot > 0) yet reports no feed at all: give it a couple of loops after a start. */
export const OBSERVER_REPORTS_NO_FEEDS_FOR = Duration.minutes(5);
export const OBSERVER_LOOP_ERRORS_WINDOW = Duration.minutes(5);
export const OBSERVER_LOOP_ERRORS_FOR = Duration.minutes(10);
export const OBSERVER_RPC_ERROR_RATIO = 0.5;
export const OBSERVER_RPC_ERRORS_WINDOW = Duration.minutes(5);
export const OBSERVER_NETWORK_DOWN_FOR = Duration.minutes(5);

/** `pyth-observer`: is the observer itself up, advancing and connected? Without it every feed alert is blind. */
export function observerRuleGroup(options: ResolvedPriceFeeds): RuleGroup {
  const { job: jobName, apiServiceLabel } = options.observer;
  const job = `job=${quote(jobName)}`;
  const alert = (name: string, rule: Omit<AlertRule, 'alert' | 'team' | 'runbook'>): AlertRule => ({
    alert: name,
    ...rule,
    team: options.team,
    runbook: Runbook.at(options.runbookBaseUrl, name),
  });
  const rpcRequests = (status?: string) =>
    selector(OBSERVER_METRIC_NAMES.apiRequests, [job, `${apiServiceLabel}="pyth"`, ...(status ? [`status=${quote(status)}`] : [])]);
  const rpcWindow = OBSERVER_RPC_ERRORS_WINDOW.toPrometheus();

  return {
    name: 'pyth-observer',
    rules: [
      alert(OBSERVER_ALERTS.observerDown, {
        expr: `${selector('up', [job])} == 0`,
        for: OBSERVER_DOWN_FOR,
        // One replica of several: the others still observe every feed, so this is a warning. No replica up is
        // PythObserverAbsent, which pages.
        severity: Severity.WARNING,
        summary: 'pyth-observer target {{ $labels.instance }} is down',
        description:
          'Prometheus cannot scrape pyth-observer at {{ $labels.instance }}. The other replicas still observe every feed; ' +
          `if none is up, ${OBSERVER_ALERTS.observerAbsent} pages. Running on fewer replicas, one more failure blinds every price-feed alert.`,
      }),
      alert(OBSERVER_ALERTS.observerAbsent, {
        expr: `absent(${selector('up', [job])} == 1)`,
        for: OBSERVER_ABSENT_FOR,
        severity: Severity.CRITICAL,
        summary: 'No pyth-observer target is up',
        description:
          `Prometheus has no target of job ${jobName} that is up: the observer is not deployed, its ServiceMonitor no longer ` +
          'matches, or every replica is down. No price-feed alert can fire.',
        // absent() of a comparison has no labels of its own; name the job for routing and silences.
        labels: { job: jobName },
      }),
      alert(OBSERVER_ALERTS.observerStalled, {
        expr: `changes(${selector(OBSERVER_METRIC_NAMES.latestBlockSlot, [job])}[${OBSERVER_STALLED_WINDOW.toPrometheus()}]) == 0`,
        for: OBSERVER_STALLED_FOR,
        severity: Severity.CRITICAL,
        summary: `pyth-observer {{ $labels.instance }} has seen no new Pythnet slot for ${OBSERVER_STALLED_WINDOW.toPrometheus()}`,
        description:
          `pyth-observer at {{ $labels.instance }} reports the same Pythnet slot for over ${OBSERVER_STALLED_WINDOW.toPrometheus()}: its loop is stuck, ` +
          'its RPC node is stuck, or Pythnet has halted. Its feed metrics are frozen at their last, healthy-looking values, ' +
          'so stale feeds do not alert while this fires.',
      }),
      alert(OBSERVER_ALERTS.observerNotRefreshing, {
        // Not absent(): prometheus_client exports the label-less gauge as 0 from process start, so the series
        // exists as soon as the observer is scraped; 0 is "no loop completed".
        expr: `max by (job, instance) (${selector(OBSERVER_METRIC_NAMES.latestBlockSlot, [job])}) == 0`,
        for: OBSERVER_NOT_REFRESHING_FOR,
        severity: Severity.CRITICAL,
        summary: 'pyth-observer {{ $labels.instance }} has not completed a refresh since it started',
        description:
          `pyth-observer at {{ $labels.instance }} is scraped but still reports slot 0 after ${OBSERVER_NOT_REFRESHING_FOR.toPrometheus()}: ` +
          'every loop since its start failed before the first feed (Pythnet RPC or CoinGecko unreachable, bad config). It reports no feed, ' +
          'so no price-feed alert can fire from it.',
      }),
      alert(OBSERVER_ALERTS.observerReportsNoFeeds, {
        // One signal for "the observer sees no feed": the per-feed absent alerts stay quiet while this holds.
        expr: `absent(${selector(OBSERVER_METRIC_NAMES.staleness, [job])})\nand on ()\nmax(${selector(OBSERVER_METRIC_NAMES.latestBlockSlot, [job])}) > 0`,
        for: OBSERVER_REPORTS_NO_FEEDS_FOR,
        severity: Severity.CRITICAL,
        summary: `pyth-observer (job ${jobName}) refreshes but reports no price feed`,
        description:
          `pyth-observer advances its Pythnet slot but exports no ${OBSERVER_METRIC_NAMES.staleness} series at all: it finds no product ` +
          '(wrong network or first_mapping) or skips every feed. No price-feed alert can fire.',
        labels: { job: jobName },
      }),
      alert(OBSERVER_ALERTS.observerLoopErrors, {
        expr: `rate(${selector(OBSERVER_METRIC_NAMES.loopErrors, [job])}[${OBSERVER_LOOP_ERRORS_WINDOW.toPrometheus()}]) > 0`,
        for: OBSERVER_LOOP_ERRORS_FOR,
        severity: Severity.WARNING,
        summary: 'pyth-observer {{ $labels.instance }} keeps failing its loop with {{ $labels.error_type }}',
        description:
          'pyth-observer at {{ $labels.instance }} has raised {{ $labels.error_type }} in its observation loop at ' +
          '{{ printf "%.3f" $value }} errors per second, continuously. Each error marks the observer not ready (/ready answers 503) and ' +
          'skips that round of checks, so feed metrics update late or not at all.',
      }),
      alert(OBSERVER_ALERTS.observerNetworkDown, {
        // Sum by instance: the observer's own `endpoint` label is renamed under a ServiceMonitor, so it is not named here.
        // Only the RPC error ratio: pyth-observer v3.0.x declares its connection gauge but never sets it.
        expr:
          `(\n  sum by (job, instance) (rate(${rpcRequests('error')}[${rpcWindow}]))\n  /\n` +
          `  sum by (job, instance) (rate(${rpcRequests()}[${rpcWindow}]))\n) > ${OBSERVER_RPC_ERROR_RATIO}`,
        for: OBSERVER_NETWORK_DOWN_FOR,
        severity: Severity.WARNING,
        summary: 'pyth-observer {{ $labels.instance }} cannot reach its Pythnet RPC',
        description:
          `More than ${OBSERVER_RPC_ERROR_RATIO * 100}% of the Pythnet RPC requests of pyth-observer at {{ $labels.instance }} failed over ${rpcWindow}. ` +
          'Its feed metrics stop updating; ' +
          `${OBSERVER_ALERTS.observerStalled} follows if no request gets through.`,
      }),
    ],
  };
}
