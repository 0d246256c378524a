import { renderMonitorWorkload } from '../kubernetes/monitor-workload';
import type { ContainerResources } from '../monitoring/resources';
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

/** A wallet exporter's objects: the shared monitor workload with a TCP-probed metrics port (neither exporter has a health endpoint). */
export function renderExporterWorkload(spec: ExporterWorkloadSpec): Manifest[] {
  const name = spec.network.job;
  return renderMonitorWorkload({
    name,
    namespace: spec.namespace,
    labels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': spec.component, 'app.kubernetes.io/part-of': 'feedops', 'feedops.io/network': spec.network.name },
    replicas: spec.network.replicas,
    image: spec.image,
    userId: WALLET_EXPORTER_USER_ID,
    digestOf: [spec.args, spec.config?.digestOf ?? null],
    resources: spec.resources ?? DEFAULT_WALLET_EXPORTER_RESOURCES,
    container: {
      name: 'exporter',
      args: [...spec.args],
      ...(spec.env && spec.env.length > 0 ? { env: [...spec.env] } : {}),
      ports: [{ name: 'metrics', containerPort: spec.port, protocol: 'TCP' }],
      // Neither exporter has a health endpoint, and a solana-exporter /metrics request reads the RPC: probe the port.
      livenessProbe: { tcpSocket: { port: 'metrics' }, initialDelaySeconds: 10, periodSeconds: 20, timeoutSeconds: 3, failureThreshold: 3 },
      readinessProbe: { tcpSocket: { port: 'metrics' }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
      ...(spec.config ? { volumeMounts: [{ name: 'config', mountPath: spec.config.directory, readOnly: true }] } : {}),
    },
    ...(spec.config ? { volumes: [{ name: 'config', ...spec.config.volume }] } : {}),
    servicePorts: [{ name: 'metrics', port: spec.port }],
    scrape: { interval: WALLET_SCRAPE_INTERVAL, timeout: WALLET_SCRAPE_TIMEOUT },
  });
}
