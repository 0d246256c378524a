import { ALERT_LATENCY_BUDGET } from '../../alerting/alert-latency-budget';
import { renderMonitorWorkload } from '../../kubernetes/monitor-workload';
import type { ContainerResources } from '../../monitoring/resources';
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
  const namespace = props.feeds.namespace;
  const files = renderObserverConfig(props.feeds);
  const labels = { 'app.kubernetes.io/name': OBSERVER_NAME, 'app.kubernetes.io/component': 'price-feed-observer', 'app.kubernetes.io/part-of': 'feedops' };
  const configDirectory = '/etc/pyth-observer';
  const [serviceAccount, ...workload] = renderMonitorWorkload({
    name: OBSERVER_NAME,
    namespace,
    labels,
    replicas: props.feeds.observer.replicas,
    image: props.image ?? OBSERVER_IMAGE,
    userId: OBSERVER_USER_ID,
    digestOf: files,
    resources: props.resources ?? DEFAULT_OBSERVER_RESOURCES,
    zoneSpread: 'DoNotSchedule',
    spreadAcrossNodes: true,
    // The upstream image is built for x86_64 only.
    nodeSelector: { 'kubernetes.io/arch': 'amd64' },
    container: {
      name: OBSERVER_NAME,
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
      volumeMounts: [
        { name: 'config', mountPath: configDirectory, readOnly: true },
        { name: 'tmp', mountPath: '/tmp' },
      ],
    },
    volumes: [
      { name: 'config', configMap: { name: `${OBSERVER_NAME}-config` } },
      { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
    ],
    servicePorts: [
      { name: 'metrics', port: OBSERVER_METRICS_PORT },
      { name: 'health', port: OBSERVER_HEALTH_PORT },
    ],
    scrape: { interval: OBSERVER_SCRAPE_INTERVAL.toPrometheus(), timeout: '10s' },
  });
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${OBSERVER_NAME}-config`, namespace, labels }, data: files };
  return [serviceAccount, configMap, ...workload];
}
