import type { AlertRule } from '../alerting/rules/alert-rule';
import { renderRules, type RenderedRules } from '../alerting/rules/render-rules';
import type { RuleGroup } from '../alerting/rules/rule-group';
import { Runbook } from '../alerting/rules/runbook';
import { Severity } from '../alerting/rules/severity';
import { Duration } from '../core/duration';
import { ENDPOINT_LABELS, ENDPOINT_PROBE_JOB } from './probes';
import type { ResolvedEndpoint } from './resolve-endpoints';
import { compareText } from '../core/text-order';

/** Alert names of the endpoint pack; each has `docs/runbooks/<name>.md`. */
export const ENDPOINT_ALERTS = {
  down: 'EndpointDown',
  slow: 'EndpointSlow',
  certificateExpiringSoon: 'EndpointCertificateExpiringSoon',
  certificateExpiringCritical: 'EndpointCertificateExpiringCritical',
  groupDown: 'EndpointGroupDown',
  probeAbsent: 'EndpointProbeAbsent',
} as const;

/**
 * Certificate-expiry thresholds (days), from awesome-prometheus-alerts' blackbox rules
 * (samber/awesome-prometheus-alerts, `_data/rules.yml`, "SSL certificate will expire soon": warning under 20 days,
 * critical under 3 days). Twenty days leaves two renewal attempts of a 30-day ACME schedule; three is the last call.
 */
export const CERTIFICATE_EXPIRY_WARNING_DAYS = 20;
export const CERTIFICATE_EXPIRY_CRITICAL_DAYS = 3;

/** Consecutive failed probes (at 30 s, four or five) before a failure is reported: one lost packet pages nobody. */
export const ENDPOINT_DOWN_FOR = Duration.minutes(2);
/** Latency must stay above the objective this long to warn. */
export const ENDPOINT_SLOW_FOR = Duration.minutes(5);
export const CERTIFICATE_EXPIRY_FOR = Duration.minutes(5);
/** A probe series missing this long means the Probe, the exporter or Prometheus' scrape is broken. */
export const PROBE_ABSENT_FOR = Duration.minutes(10);

const SECONDS_PER_DAY = 86_400;

export interface EndpointRuleOptions {
  readonly environment: string;
  readonly namespace: string;
  readonly runbookBaseUrl: string;
  /** @default 'feedops-endpoints' */
  readonly name?: string;
}

export const DEFAULT_ENDPOINT_RULES_NAME = 'feedops-endpoints';

/** The series selector of one endpoint's probe metrics. */
export function endpointSelector(endpoint: Pick<ResolvedEndpoint, 'name'>): string {
  return `job="${ENDPOINT_PROBE_JOB}",${ENDPOINT_LABELS.name}="${endpoint.name}"`;
}

/**
 * The endpoint alerts: per endpoint a group (down, slow, certificate expiry, probe absent), per redundant group of
 * providers one "all down" group. A member of a group failing warns its team; the whole group failing pages it.
 */
export function endpointRuleGroups(endpoints: readonly ResolvedEndpoint[], options: EndpointRuleOptions): RuleGroup[] {
  const runbook = (page: string) => Runbook.at(options.runbookBaseUrl, page);
  const groups: RuleGroup[] = endpoints.map((endpoint) => ({ name: `endpoint-${endpoint.name}`, rules: endpointAlerts(endpoint, runbook) }));
  const byGroup = new Map<string, ResolvedEndpoint[]>();
  for (const endpoint of endpoints) if (endpoint.group) byGroup.set(endpoint.group, [...(byGroup.get(endpoint.group) ?? []), endpoint]);
  for (const [group, members] of [...byGroup.entries()].sort(([a], [b]) => compareText(a, b))) {
    const selector = `job="${ENDPOINT_PROBE_JOB}",${ENDPOINT_LABELS.group}="${group}"`;
    // One team per group (validated with the environment): the group alert goes to it.
    const teams = [...new Set(members.map((m) => m.team))].sort();
    groups.push({
      name: `endpoint-group-${group}`,
      rules: [
        {
          alert: ENDPOINT_ALERTS.groupDown,
          // Every member failing, counted against every member probed: a member without data does not count as up.
          expr: `count by (${ENDPOINT_LABELS.group}) (probe_success{${selector}} == 0) >= ${members.length}`,
          for: ENDPOINT_DOWN_FOR,
          severity: Severity.CRITICAL,
          team: teams[0],
          summary: `Every provider of {{ $labels.${ENDPOINT_LABELS.group} }} is failing`,
          description:
            `All ${members.length} endpoints of group {{ $labels.${ENDPOINT_LABELS.group} }} (${members.map((m) => m.name).join(', ')}) ` +
            `have failed every probe for ${ENDPOINT_DOWN_FOR.toPrometheus()}: nothing that depends on this group has a working provider.`,
          runbook: runbook(ENDPOINT_ALERTS.groupDown),
        },
      ],
    });
  }
  return groups;
}

export function renderEndpointRules(endpoints: readonly ResolvedEndpoint[], options: EndpointRuleOptions): RenderedRules {
  return renderRules(endpointRuleGroups(endpoints, options), {
    environment: options.environment,
    name: options.name ?? DEFAULT_ENDPOINT_RULES_NAME,
    namespace: options.namespace,
  });
}

function endpointAlerts(endpoint: ResolvedEndpoint, runbook: (page: string) => Runbook): AlertRule[] {
  const selector = endpointSelector(endpoint);
  const labels = { [ENDPOINT_LABELS.name]: endpoint.name };
  const common = { team: endpoint.team, labels };
  const rules: AlertRule[] = [
    {
      ...common,
      alert: ENDPOINT_ALERTS.down,
      expr: `probe_success{${selector}} == 0`,
      for: ENDPOINT_DOWN_FOR,
      // A member of a redundant group warns; the group alert pages when all fail.
      severity: endpoint.group ? Severity.WARNING : Severity.CRITICAL,
      summary: `Endpoint {{ $labels.${ENDPOINT_LABELS.name} }} is failing its probe`,
      description:
        `Every ${endpoint.kind} probe of {{ $labels.instance }} has failed for ${ENDPOINT_DOWN_FOR.toPrometheus()}` +
        (endpoint.group ? ` (one provider of group ${endpoint.group}; the others still serve).` : '.'),
      runbook: runbook(ENDPOINT_ALERTS.down),
    },
    {
      ...common,
      alert: ENDPOINT_ALERTS.slow,
      expr: `probe_duration_seconds{${selector}} > ${endpoint.latencyObjectiveSeconds} and on (instance, job) probe_success{${selector}} == 1`,
      for: ENDPOINT_SLOW_FOR,
      severity: Severity.WARNING,
      summary: `Endpoint {{ $labels.${ENDPOINT_LABELS.name} }} answers slower than its ${endpoint.latencyObjectiveSeconds}s objective`,
      description: `Probes of {{ $labels.instance }} have taken {{ printf "%.2f" $value }}s and longer for ${ENDPOINT_SLOW_FOR.toPrometheus()} (objective ${endpoint.latencyObjectiveSeconds}s).`,
      runbook: runbook(ENDPOINT_ALERTS.slow),
    },
    {
      ...common,
      alert: ENDPOINT_ALERTS.probeAbsent,
      expr: `absent(probe_success{${selector}})`,
      for: PROBE_ABSENT_FOR,
      severity: Severity.WARNING,
      summary: `Endpoint ${endpoint.name} is not being probed`,
      description: `No probe_success series for ${endpoint.name} for ${PROBE_ABSENT_FOR.toPrometheus()}: its Probe, the blackbox exporter or the scrape is broken, so a failure would not alert.`,
      runbook: runbook(ENDPOINT_ALERTS.probeAbsent),
    },
  ];
  if (endpoint.tls) {
    const daysLeft = `(probe_ssl_earliest_cert_expiry{${selector}} - time()) / ${SECONDS_PER_DAY}`;
    rules.push(
      {
        ...common,
        alert: ENDPOINT_ALERTS.certificateExpiringSoon,
        expr: `${daysLeft} < ${CERTIFICATE_EXPIRY_WARNING_DAYS} and ${daysLeft} >= ${CERTIFICATE_EXPIRY_CRITICAL_DAYS}`,
        for: CERTIFICATE_EXPIRY_FOR,
        severity: Severity.WARNING,
        summary: `The certificate of {{ $labels.${ENDPOINT_LABELS.name} }} expires in under ${CERTIFICATE_EXPIRY_WARNING_DAYS} days`,
        description: `The earliest certificate of {{ $labels.instance }}'s chain expires in {{ printf "%.1f" $value }} days; renewal should have happened by now.`,
        runbook: runbook(ENDPOINT_ALERTS.certificateExpiringSoon),
      },
      {
        ...common,
        alert: ENDPOINT_ALERTS.certificateExpiringCritical,
        expr: `${daysLeft} < ${CERTIFICATE_EXPIRY_CRITICAL_DAYS}`,
        for: CERTIFICATE_EXPIRY_FOR,
        severity: Severity.CRITICAL,
        summary: `The certificate of {{ $labels.${ENDPOINT_LABELS.name} }} expires in under ${CERTIFICATE_EXPIRY_CRITICAL_DAYS} days`,
        description: `The earliest certificate of {{ $labels.instance }}'s chain expires in {{ printf "%.1f" $value }} days; clients will refuse it after that.`,
        runbook: runbook(ENDPOINT_ALERTS.certificateExpiringCritical),
      },
    );
  }
  return rules;
}
