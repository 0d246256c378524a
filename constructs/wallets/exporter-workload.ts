import { createHash } from 'crypto';
import type { ContainerResources } from '../monitoring/resources';
import { renderResources } from '../monitoring/resources';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, restrictedPodSecurityContext } from '../kubernetes/pod-security';
import type { ResolvedNetwork } from './resolve';

/** Neither image sets a USER; both only read their config and write nothing. */
export const WALLET_EXPORTER_USER_ID = 10002;
/** How often Prometheus scrapes an exporter: part of the floor-alert latency (npm run bench). */
export const WALLET_SCRAPE_INTERVAL = '30s';
/** solana-exporter reads every balance from its RPC during the scrape; give a slow RPC time. */
export const WALLET_SCRAPE_TIMEOUT = '20s';
export const DEFAULT_WALLET_EXPORTER_RESOURCES: ContainerResources = {
  requests: { cpu: '20m', memory: '32Mi' },
  limits: { cpu: '200m', memory: '128Mi' },
};

type Manifest = Record<string, any>;

export interface ExporterWorkloadSpec {
  readonly network: ResolvedNetwork;
  readonly namespace: string;
  readonly component: string;
  readonly image: string;
  readonly port: number;
  readonly args: readonly string[];
  /** @default - none */
  readonly env?: readonly Record<string, unknown>[];
  /** Config file volume (ConfigMap or Secret) mounted read-only at `configDirectory`. @default - none */
  readonly config?: { readonly volume: Record<string, unknown>; readonly directory: string; readonly digestOf: unknown };
  /** @default DEFAULT_WALLET_EXPORTER_RESOURCES */
  readonly resources?: ContainerResources;
}

/**
 * The Kubernetes objects every wallet exporter shares: service account without a token, restricted Deployment
 * with probes and zone spread, Service, PodDisruptionBudget and a ServiceMonitor whose job is the Deployment name.
 */
export function renderExporterWorkload(spec: ExporterWorkloadSpec): Manifest[] {
  const name = spec.network.job;
  const replicas = spec.network.replicas;
  if (!/:[\w][\w.-]*$/.test(spec.image) || spec.image.endsWith(':latest')) throw new Error(`${name}: image "${spec.image}" (allowed: an exact tag, not latest)`);
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': spec.component, 'app.kubernetes.io/part-of': 'feedops', 'feedops.io/network': spec.network.name };
  const selector = { 'app.kubernetes.io/name': name };
  const metadata = { name, namespace: spec.namespace, labels };
  const digest = createHash('sha256').update(JSON.stringify([spec.args, spec.config?.digestOf ?? null])).digest('hex').slice(0, 16);
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata, automountServiceAccountToken: false },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata,
      spec: {
        replicas,
        revisionHistoryLimit: 5,
        selector: { matchLabels: selector },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels, annotations: { 'feedops.io/config-digest': digest } },
          spec: {
            serviceAccountName: name,
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            securityContext: restrictedPodSecurityContext(WALLET_EXPORTER_USER_ID),
            topologySpreadConstraints: [
              { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selector } },
            ],
            containers: [
              {
                name: 'exporter',
                image: spec.image,
                imagePullPolicy: 'IfNotPresent',
                args: [...spec.args],
                ...(spec.env && spec.env.length > 0 ? { env: [...spec.env] } : {}),
                ports: [{ name: 'metrics', containerPort: spec.port, protocol: 'TCP' }],
                // Neither exporter has a health endpoint, and a solana-exporter /metrics request reads the RPC: probe the port.
                livenessProbe: { tcpSocket: { port: 'metrics' }, initialDelaySeconds: 10, periodSeconds: 20, timeoutSeconds: 3, failureThreshold: 3 },
                readinessProbe: { tcpSocket: { port: 'metrics' }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
                resources: renderResources(spec.resources ?? DEFAULT_WALLET_EXPORTER_RESOURCES),
                securityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT,
                ...(spec.config ? { volumeMounts: [{ name: 'config', mountPath: spec.config.directory, readOnly: true }] } : {}),
              },
            ],
            ...(spec.config ? { volumes: [{ name: 'config', ...spec.config.volume }] } : {}),
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata,
      spec: { selector, ports: [{ name: 'metrics', port: spec.port, targetPort: 'metrics', protocol: 'TCP' }] },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata,
      spec: { ...(replicas > 1 ? { minAvailable: replicas - 1 } : { maxUnavailable: 1 }), selector: { matchLabels: selector } },
    },
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata,
      spec: {
        selector: { matchLabels: selector },
        namespaceSelector: { matchNames: [spec.namespace] },
        // `job` becomes the Deployment name, which the wallet rules select.
        jobLabel: 'app.kubernetes.io/name',
        endpoints: [{ port: 'metrics', path: '/metrics', interval: WALLET_SCRAPE_INTERVAL, scrapeTimeout: WALLET_SCRAPE_TIMEOUT }],
      },
    },
  ];
}
