import { Duration } from '../../core/duration';

/** Alert names are CamelCase: they become the `alertname` label and the runbook's file name. */
export const ALERT_NAME_PATTERN = /^[A-Z][a-zA-Z0-9]*$/;

/** Prometheus metric names; recording rules should also follow `level:metric:operations`. */
export const METRIC_NAME_PATTERN = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** Prometheus label names (names starting with `__` are reserved for Prometheus itself). */
export const LABEL_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export const RUNBOOK_PAGE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Alerts that fire on a single bad evaluation page on noise; only the heartbeat may skip the wait. */
export const MIN_ALERT_FOR = Duration.minutes(1);

/** The always-firing heartbeat alert; it is the one alert exempt from {@link MIN_ALERT_FOR}. */
export const WATCHDOG_ALERT_NAME = 'Watchdog';

/** Labels set from typed fields or render options; extra labels may not override them. */
export const RESERVED_ALERT_LABELS = ['alertname', 'severity', 'team', 'environment'] as const;
