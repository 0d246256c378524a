import { createHash } from 'crypto';
import { invalid } from '../core/validation-error';
import type { ContainerResources } from '../monitoring/resources';
import { renderResources } from '../monitoring/resources';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, restrictedPodSecurityContext } from './pod-security';

type Manifest = Record<string, any>;

/** A metrics workload of a monitor pack (the price-feed observer, a wallet exporter, ...). */
export interface MonitorWorkloadSpec {
  /** Name of every object; the Service name is the `job` label of the scraped series (ServiceMonitor jobLabel). */
  readonly name: string;
  readonly namespace: string;
  /** Labels of every object and pod; must include `app.kubernetes.io/name: <name>` (the selector). */
  readonly labels: Readonly<Record<string, string>>;
  readonly replicas: number;
  /** An exact tag, never `latest`. */
  readonly image: string;
  /** Non-root UID (and GID) the pod runs as. */
  readonly userId: number;
  /** The container without image, resources and security context (name, args, env, ports, probes, mounts). */
  readonly container: Readonly<Record<string, unknown>>;
  readonly resources: ContainerResources;
  /** Changes of these roll the pods (a digest annotation on the template). */
  readonly digestOf: unknown;
  /** Ports of the Service, by container port name; the first is scraped as `metrics`. */
  readonly servicePorts: readonly { readonly name: string; readonly port: number }[];
  readonly scrape: { readonly interval: string; readonly timeout: string };
  /**
   * `DoNotSchedule` keeps replicas in different zones even if a pod then waits; `ScheduleAnyway` prefers it.
   * @default 'ScheduleAnyway'
   */
  readonly zoneSpread?: 'DoNotSchedule' | 'ScheduleAnyway';
  /** Also prefer different nodes. @default false */
  readonly spreadAcrossNodes?: boolean;
  /** @default - none */
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /** @default [] */
  readonly volumes?: readonly Record<string, unknown>[];
}

/**
 * The objects every monitor workload shares, so the observer and the exporters hold the same standard (CHECKS.md
 * 18-21): a service account without an API token, a restricted Deployment with zone spread and a config digest,
 * a Service, a PodDisruptionBudget that keeps all but one replica, and a ServiceMonitor whose job is the name.
 */
export function renderMonitorWorkload(spec: MonitorWorkloadSpec): Manifest[] {
  const { name, replicas } = spec;
  if (!Number.isInteger(replicas) || replicas < 1) invalid(name, 'replicas', `${replicas} (allowed: a whole number of at least 1)`);
  if (!/:[\w][\w.-]*$/.test(spec.image) || spec.image.endsWith(':latest')) invalid(name, 'image', `"${spec.image}" (allowed: an image with an exact tag, not latest)`);
  const selector = { 'app.kubernetes.io/name': name };
  if (spec.labels['app.kubernetes.io/name'] !== name) invalid(name, 'labels', `${JSON.stringify(spec.labels)} (allowed: labels with app.kubernetes.io/name: ${name})`);
  const metadata = { name, namespace: spec.namespace, labels: spec.labels };
  const digest = createHash('sha256').update(JSON.stringify(spec.digestOf)).digest('hex').slice(0, 16);
  const spread = [
    { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: spec.zoneSpread ?? 'ScheduleAnyway', labelSelector: { matchLabels: selector } },
    ...(spec.spreadAcrossNodes ? [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selector } }] : []),
  ];
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
          metadata: { labels: spec.labels, annotations: { 'feedops.io/config-digest': digest } },
          spec: {
            serviceAccountName: name,
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            securityContext: restrictedPodSecurityContext(spec.userId),
            ...(spec.nodeSelector ? { nodeSelector: { ...spec.nodeSelector } } : {}),
            topologySpreadConstraints: spread,
            containers: [
              {
                ...spec.container,
                image: spec.image,
                imagePullPolicy: 'IfNotPresent',
                resources: renderResources(spec.resources),
                securityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT,
              },
            ],
            ...(spec.volumes && spec.volumes.length > 0 ? { volumes: [...spec.volumes] } : {}),
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata,
      spec: { selector, ports: spec.servicePorts.map((port) => ({ name: port.name, port: port.port, targetPort: port.name, protocol: 'TCP' })) },
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
        // `job` becomes the name: the pack's rules select it.
        jobLabel: 'app.kubernetes.io/name',
        endpoints: [{ port: spec.servicePorts[0].name, path: '/metrics', interval: spec.scrape.interval, scrapeTimeout: spec.scrape.timeout }],
      },
    },
  ];
}
