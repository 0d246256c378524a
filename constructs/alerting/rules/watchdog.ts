import type { AlertRule } from './alert-rule';
import { WATCHDOG_ALERT_NAME } from './rule-limits';
import type { Runbook } from './runbook';
import { Severity } from './severity';

/**
 * Labels that mark the heartbeat, so Alertmanager can route it to the dead-man's-switch receiver (first
 * route, `group_wait: 0s`, short `repeat_interval`) before any severity or team route can catch it.
 */
export const WATCHDOG_LABELS: Readonly<Record<string, string>> = { heartbeat: 'true' };

export interface WatchdogRuleOptions {
  /** The team that owns the alerting pipeline. */
  readonly team: string;
  readonly runbook: Runbook;
}

/**
 * The always-firing heartbeat. An external dead-man's switch expects it continuously; when it stops, the
 * pipeline (Prometheus, rule evaluation, Alertmanager or the route to the switch) is broken. Severity is
 * `info`: every alert carries one of critical, warning or info, and the heartbeat must never page by itself.
 */
export function watchdogRule(options: WatchdogRuleOptions): AlertRule {
  return {
    alert: WATCHDOG_ALERT_NAME,
    expr: 'vector(1)',
    severity: Severity.INFO,
    team: options.team,
    summary: 'Alerting pipeline heartbeat: always firing while Prometheus and Alertmanager work',
    description:
      'This alert always fires. It is routed to an external dead-man\'s switch, which notifies when the ' +
      'heartbeat stops arriving: that means rule evaluation, Prometheus, Alertmanager or the route to the switch is broken, ' +
      'and no other alert would reach anyone either.',
    runbook: options.runbook,
    labels: WATCHDOG_LABELS,
  };
}
