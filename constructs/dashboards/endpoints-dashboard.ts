import { Duration } from '../core/duration';
import { CERTIFICATE_EXPIRY_CRITICAL_DAYS, CERTIFICATE_EXPIRY_WARNING_DAYS, endpointSelector } from '../endpoints/endpoint-rules';
import { ENDPOINT_LABELS, ENDPOINT_PROBE_JOB } from '../endpoints/probes';
import type { ResolvedEndpoint } from '../endpoints/resolve-endpoints';
import { FEEDOPS_DASHBOARD_TAGS } from './dashboard-tags';
import type { DashboardModel, DashboardRow, Panel } from './dashboard-model';
import { environmentOption, optionFailure } from './dashboard-options';

export const ENDPOINTS_DASHBOARD_UID = 'feedops-endpoints';
export const ENDPOINTS_REFRESH = Duration.seconds(30);
export const ENDPOINTS_TIME_RANGE = Duration.hours(6);

export interface EndpointsDashboardOptions {
  readonly environment: string;
  /** The resolved endpoints; each latency panel's red line is that endpoint's objective, the alert's threshold. */
  readonly endpoints: readonly ResolvedEndpoint[];
}

/**
 * "Endpoints": probe results over time, providers up per group, latency against each endpoint's objective and days
 * left on certificates, with the same thresholds as the endpoint alerts.
 */
export function endpointsDashboard(options: EndpointsDashboardOptions): DashboardModel {
  const fail = optionFailure('Endpoints');
  const environment = environmentOption(fail, options.environment);
  if (options.endpoints.length === 0) fail('endpoints', [], 'at least one endpoint');
  const job = `job="${ENDPOINT_PROBE_JOB}"`;
  const status: DashboardRow = {
    title: 'Probes',
    panels: [
      {
        kind: 'state-timeline',
        title: 'Probe result',
        width: 16,
        queries: [{ expr: `max by (${ENDPOINT_LABELS.name}) (probe_success{${job}})`, legend: `{{${ENDPOINT_LABELS.name}}}` }],
        mappings: [
          { value: 1, text: 'Up', color: 'green' },
          { value: 0, text: 'Failing', color: 'red' },
        ],
      },
      {
        kind: 'stat',
        title: 'Providers up per group',
        description: 'One provider failing warns; none up pages (EndpointGroupDown).',
        width: 8,
        queries: [{ expr: `sum by (${ENDPOINT_LABELS.group}) (probe_success{${job},${ENDPOINT_LABELS.group}!=""})`, legend: `{{${ENDPOINT_LABELS.group}}}` }],
        thresholds: { base: 'red', steps: [{ from: 1, color: 'green' }] },
      },
    ],
  };
  const latency: DashboardRow = {
    title: 'Latency against objective',
    panels: options.endpoints.map(
      (endpoint): Panel => ({
        kind: 'timeseries',
        title: endpoint.name,
        description: `EndpointSlow warns when probes stay above ${endpoint.latencyObjectiveSeconds}s for 5 minutes.`,
        width: 8,
        unit: 's',
        queries: [{ expr: `probe_duration_seconds{${endpointSelector(endpoint)}}`, legend: 'probe duration' }],
        thresholds: { base: 'green', steps: [{ from: endpoint.latencyObjectiveSeconds, color: 'red' }] },
      }),
    ),
  };
  const certificates: DashboardRow = {
    title: 'Certificates',
    panels: [
      {
        kind: 'table',
        title: 'Days until the earliest certificate expires',
        description: `Warning under ${CERTIFICATE_EXPIRY_WARNING_DAYS} days, critical under ${CERTIFICATE_EXPIRY_CRITICAL_DAYS} (awesome-prometheus-alerts).`,
        width: 24,
        queries: [{ expr: `(min by (${ENDPOINT_LABELS.name}) (probe_ssl_earliest_cert_expiry{${job}}) - time()) / 86400` }],
        columnNames: { [ENDPOINT_LABELS.name]: 'Endpoint', Value: 'Days left' },
        decimals: 1,
        thresholds: { base: 'red', steps: [{ from: CERTIFICATE_EXPIRY_CRITICAL_DAYS, color: 'orange' }, { from: CERTIFICATE_EXPIRY_WARNING_DAYS, color: 'green' }] },
      },
    ],
  };
  return {
    uid: ENDPOINTS_DASHBOARD_UID,
    title: `Endpoints (${environment})`,
    description: 'Blackbox probes of Hermes, Pythnet and chain RPC providers.',
    tags: [...FEEDOPS_DASHBOARD_TAGS, 'endpoints', environment],
    refresh: ENDPOINTS_REFRESH,
    timeRange: ENDPOINTS_TIME_RANGE,
    rows: [status, latency, certificates],
  };
}
