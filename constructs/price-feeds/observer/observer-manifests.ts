import { invalid } from '../../core/validation-error';
import { createHash } from 'crypto';
import { ALERT_LATENCY_BUDGET } from '../../alerting/alert-latency-budget';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, restrictedPodSecurityContext } from '../../kubernetes/pod-security';
import type { ContainerResources } from '../../monitoring/resources';
import { renderResources } from '../../monitoring/resources';
import type { ResolvedPriceFeeds } from '../resolve';
import { OBSERVER_CONFIG_FILES, renderObserverConfig } from './observer-config';

/** pyth-observer v3.0.2 (latest tag of pyth-network/pyth-observer; image built by its build-and-push-image workflow). */
export const OBSERVER_IMAGE = 'ghcr.io/pyth-network/pyth-observer:v3.0.2';
/** Name of every observer object; the Service name is the `job` label of its series (see the ServiceMonitor). */
export const OBSERVER_NAME = 'pyth-observer';
export const OBSERVER_METRICS_PORT = 9001;
/** Hard-coded in pyth_observer/health_server.py: /live always 200, /ready 200 after the first good refresh. */
export const OBSERVER_HEALTH_PORT = 8080;
/** The image has no USER; any non-root UID works because only /tmp is written. */
export const OBSERVER_USER_ID = 10001;
export const DEFAULT_OBSERVER_RESOURCES: ContainerResources = {
  requests: { cpu: '100m', memory: '256Mi' },
  limits: { cpu: '500m', memory: '512Mi' },
};
/** How often Prometheus scrapes the observer: part of the alert latency a stale feed sees. */
export const OBSERVER_SCRAPE_INTERVAL = ALERT_LATENCY_BUDGET.scrapeInterval;

export interface ObserverWorkloadOptions {
  /** @default DEFAULT_OBSERVER_RESOURCES - 100m/256Mi requests, 500m/512Mi limits */
  readonly resources?: ContainerResources;
  /** @default OBSERVER_IMAGE */
  readonly image?: string;
}

export interface ObserverWorkloadProps extends ObserverWorkloadOptions {
  /** The resolved feed set: what to check, where (namespace) and with how many replicas. */
  readonly feeds: ResolvedPriceFeeds;
}

type Manifest = Record<string, any>;

/**
 * Every Kubernetes object of the price-feed observer, as plain manifests: service account without an API token,
 * config map, Deployment (restricted security, probes, zone spread), Service, PodDisruptionBudget, ServiceMonitor.
 * Pure, so the construct and the schema tests see the same objects.
 */
export function renderObserverManifests(props: ObserverWorkloadProps): Manifest[] {
  const replicas = props.feeds.observer.replicas;
  const namespace = props.feeds.namespace;
  const image = props.image ?? OBSERVER_IMAGE;
  if (!Number.isInteger(replicas) || replicas < 1) invalid('pyth-observer', 'replicas', `${replicas} (allowed: a whole number of at least 1)`);
  if (!/:[\w][\w.-]*$/.test(image) || image.endsWith(':latest')) {
    invalid('pyth-observer', 'image', `"${image}" (allowed: an image with an exact tag, not latest)`);
  }
  const files = renderObserverConfig(props.feeds);
  const labels = { 'app.kubernetes.io/name': OBSERVER_NAME, 'app.kubernetes.io/component': 'price-feed-observer', 'app.kubernetes.io/part-of': 'feedops' };
  const selector = { 'app.kubernetes.io/name': OBSERVER_NAME };
  const metadata = (name: string) => ({ name, namespace, labels });
  const configDigest = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
  const configDirectory = '/etc/pyth-observer';

  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata(OBSERVER_NAME), automountServiceAccountToken: false },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(`${OBSERVER_NAME}-config`), data: files },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: metadata(OBSERVER_NAME),
      spec: {
        replicas,
        revisionHistoryLimit: 5,
        selector: { matchLabels: selector },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels, annotations: { 'feedops.io/config-digest': configDigest } },
          spec: {
            serviceAccountName: OBSERVER_NAME,
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            securityContext: restrictedPodSecurityContext(OBSERVER_USER_ID),
            // The upstream image is built for x86_64 only.
            nodeSelector: { 'kubernetes.io/arch': 'amd64' },
            topologySpreadConstraints: [
              { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: selector } },
              { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selector } },
            ],
            containers: [
              {
                name: OBSERVER_NAME,
                image,
                imagePullPolicy: 'IfNotPresent',
                // The image's CMD relies on APP_NAME, which is unset at run time: name the program explicitly.
                args: [OBSERVER_NAME],
                env: [
                  { name: 'CONFIG', value: `${configDirectory}/${OBSERVER_CONFIG_FILES.config}` },
                  { name: 'PUBLISHERS', value: `${configDirectory}/${OBSERVER_CONFIG_FILES.publishers}` },
                  { name: 'COINGECKO_MAPPING', value: `${configDirectory}/${OBSERVER_CONFIG_FILES.coingecko}` },
                  { name: 'PROMETHEUS_PORT', value: String(OBSERVER_METRICS_PORT) },
                  { name: 'HOME', value: '/tmp' },
                  { name: 'OPEN_ALERTS_FILE', value: '/tmp/open_alerts.json' },
                ],
                ports: [
                  { name: 'metrics', containerPort: OBSERVER_METRICS_PORT, protocol: 'TCP' },
                  { name: 'health', containerPort: OBSERVER_HEALTH_PORT, protocol: 'TCP' },
                ],
                startupProbe: { httpGet: { path: '/live', port: 'health' }, periodSeconds: 5, failureThreshold: 24 },
                livenessProbe: { httpGet: { path: '/live', port: 'health' }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
                // Not ready until the first full refresh, and again after a loop error (upstream semantics).
                readinessProbe: { httpGet: { path: '/ready', port: 'health' }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
                resources: renderResources(props.resources ?? DEFAULT_OBSERVER_RESOURCES),
                securityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT,
                volumeMounts: [
                  { name: 'config', mountPath: configDirectory, readOnly: true },
                  { name: 'tmp', mountPath: '/tmp' },
                ],
              },
            ],
            volumes: [
              { name: 'config', configMap: { name: `${OBSERVER_NAME}-config` } },
              { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(OBSERVER_NAME),
      spec: {
        selector,
        ports: [
          { name: 'metrics', port: OBSERVER_METRICS_PORT, targetPort: 'metrics', protocol: 'TCP' },
          { name: 'health', port: OBSERVER_HEALTH_PORT, targetPort: 'health', protocol: 'TCP' },
        ],
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: metadata(OBSERVER_NAME),
      spec: { ...(replicas > 1 ? { minAvailable: replicas - 1 } : { maxUnavailable: 1 }), selector: { matchLabels: selector } },
    },
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: metadata(OBSERVER_NAME),
      spec: {
        selector: { matchLabels: selector },
        namespaceSelector: { matchNames: [namespace] },
        // `job` becomes pyth-observer: the rules' up{job="pyth-observer"} depends on it.
        jobLabel: 'app.kubernetes.io/name',
        endpoints: [{ port: 'metrics', path: '/metrics', interval: OBSERVER_SCRAPE_INTERVAL.toPrometheus(), scrapeTimeout: '10s' }],
      },
    },
  ];
}
