import type { ResolvedEndpoint } from './resolve-endpoints';

/** The `job` label of every endpoint probe (Probe `jobName`); the rules and dashboards select it. */
export const ENDPOINT_PROBE_JOB = 'feedops-endpoints';

/** Labels each probed target carries; the alerts group and route on them. */
export const ENDPOINT_LABELS = { name: 'endpoint', group: 'endpoint_group', kind: 'endpoint_kind', team: 'endpoint_team' } as const;

export interface RenderProbesOptions {
  readonly namespace: string;
  /** The blackbox exporter as `host:port` (BlackboxExporter.proberAddress). */
  readonly proberAddress: string;
  /** @default - only DEFAULT_PROBE_LABELS */
  readonly labels?: Readonly<Record<string, string>>;
}

export const DEFAULT_PROBE_LABELS: Readonly<Record<string, string>> = { 'app.kubernetes.io/managed-by': 'feedops' };

export interface ProbeManifest {
  apiVersion: 'monitoring.coreos.com/v1';
  kind: 'Probe';
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    jobName: string;
    prober: { url: string; scheme: 'http'; path: '/probe' };
    module: string;
    interval: string;
    scrapeTimeout: string;
    targets: { staticConfig: { static: string[]; labels: Record<string, string> } };
  };
}

/** The series labels of one endpoint's probe. */
export function endpointTargetLabels(endpoint: ResolvedEndpoint): Record<string, string> {
  return {
    [ENDPOINT_LABELS.name]: endpoint.name,
    [ENDPOINT_LABELS.kind]: endpoint.kind,
    [ENDPOINT_LABELS.team]: endpoint.team,
    ...(endpoint.group ? { [ENDPOINT_LABELS.group]: endpoint.group } : {}),
  };
}

/**
 * One Probe (monitoring.coreos.com/v1, prometheus-operator v0.93 via kube-prometheus-stack 88.5.3) per endpoint:
 * Prometheus asks the blackbox exporter to probe `target` with the endpoint's own module.
 */
export function renderProbes(endpoints: readonly ResolvedEndpoint[], options: RenderProbesOptions): ProbeManifest[] {
  return endpoints.map((endpoint) => ({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'Probe',
    metadata: { name: `endpoint-${endpoint.name}`, namespace: options.namespace, labels: { ...DEFAULT_PROBE_LABELS, ...options.labels } },
    spec: {
      jobName: ENDPOINT_PROBE_JOB,
      prober: { url: options.proberAddress, scheme: 'http', path: '/probe' },
      module: endpoint.module,
      interval: `${endpoint.interval.toSeconds()}s`,
      // Prometheus tells the exporter this deadline; the exporter stops half a second before it.
      scrapeTimeout: `${endpoint.timeout.toSeconds() + 1}s`,
      targets: { staticConfig: { static: [endpoint.target], labels: endpointTargetLabels(endpoint) } },
    },
  }));
}
