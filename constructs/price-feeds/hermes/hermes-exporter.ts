import { yamlText } from '../../core/yaml-text';
import { renderMonitorWorkload } from '../../kubernetes/monitor-workload';
import type { ContainerResources } from '../../monitoring/resources';
import type { ResolvedFeed, ResolvedPriceFeeds } from '../resolve';

/**
 * Hermes' latest price per feed, read by an off-the-shelf exporter: prometheus-community/json_exporter fetches the
 * scrape's `target` URL and turns JSONPath matches into series. Hermes answers `/v2/updates/price/latest?ids[]=<id>`
 * with `parsed[].price.publish_time` (Unix seconds) per feed id; json_exporter has no clock and no arithmetic, so
 * the age (`time() - publish_time`) is a recording rule (hermes-rules.ts).
 */

/**
 * prometheus-community/json_exporter v0.7.0 (GitHub tag of 2025-02-05, the latest release; its CircleCI
 * publish_release job pushes the image to quay.io/prometheuscommunity, tagged with the git tag). Not in Debian.
 */
export const JSON_EXPORTER_IMAGE = 'quay.io/prometheuscommunity/json-exporter:v0.7.0';
/** Name of every exporter object; its own metrics are scraped as job `hermes-price-exporter`. */
export const HERMES_EXPORTER_NAME = 'hermes-price-exporter';
/** json_exporter's default `--web.listen-address`. */
export const JSON_EXPORTER_PORT = 7979;
/** The image's Dockerfile runs as `nobody`. */
export const JSON_EXPORTER_USER_ID = 65534;
export const JSON_EXPORTER_CONFIG_DIRECTORY = '/etc/json-exporter';
export const JSON_EXPORTER_CONFIG_FILE = 'config.yml';
/** The json_exporter module every Hermes Probe names. */
export const HERMES_PRICE_MODULE = 'hermes_latest_price';
/** The `job` label of the Hermes price series (the Probes' `jobName`). */
export const HERMES_PRICE_PROBE_JOB = 'feedops-hermes-prices';
/**
 * One request per feed per interval and Prometheus replica: the public Hermes allows 30 requests per 10 s per IP
 * (docs.pyth.network, Hermes "Rate limits"), and a measured age includes up to one interval.
 */
export const HERMES_PRICE_SCRAPE_INTERVAL = '30s';
export const HERMES_PRICE_SCRAPE_TIMEOUT = '10s';
export const DEFAULT_HERMES_EXPORTER_RESOURCES: ContainerResources = {
  requests: { cpu: '10m', memory: '32Mi' },
  limits: { cpu: '100m', memory: '64Mi' },
};

/**
 * The series json_exporter makes of the module below: an `object` metric is named `<name>_<value key>`, labelled by
 * its `labels`; the Probe adds `symbol` and `asset_type`.
 */
const METRIC = { name: 'hermes_price', value: 'publish_time_seconds' } as const;
export const HERMES_PRICE_METRICS = {
  publishTime: `${METRIC.name}_${METRIC.value}`,
  /** Recorded: seconds since the publish time of the price Hermes serves. */
  age: 'feedops:hermes_price_age:seconds',
} as const;
/** Labels of every Hermes price series. */
export const HERMES_PRICE_LABELS = { priceId: 'price_id', symbol: 'symbol', assetType: 'asset_type' } as const;

type Manifest = Record<string, any>;

/** json_exporter's configuration (v0.5+ module format): one module reading every `parsed[]` entry of the answer. */
export function renderHermesExporterConfig(): Record<string, unknown> {
  return {
    modules: {
      [HERMES_PRICE_MODULE]: {
        metrics: [
          {
            name: METRIC.name,
            type: 'object',
            help: 'Publish time (Unix seconds) of the latest price Hermes serves, per Pyth price feed id',
            // k8s client-go JSONPath, evaluated per element of the path's result.
            path: '{.parsed[*]}',
            labels: { [HERMES_PRICE_LABELS.priceId]: '{.id}' },
            values: { [METRIC.value]: '{.price.publish_time}' },
          },
        ],
      },
    },
  };
}

/** What json_exporter fetches for one feed: the parsed latest price, asked by the feed's own id. */
export function hermesLatestPriceUrl(hermesUrl: string, priceId: string): string {
  return `${hermesUrl}/v2/updates/price/latest?ids[]=${priceId}&parsed=true`;
}

/** The Probe name of a feed (`hermes-price-crypto-btc-usd`). */
export function hermesProbeName(feed: Pick<ResolvedFeed, 'symbol'>): string {
  return `hermes-price-${feed.symbol.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** What a caller tunes of the json_exporter that reads Hermes. */
export interface HermesExporterOptions {
  /** @default DEFAULT_HERMES_EXPORTER_RESOURCES */
  readonly resources?: ContainerResources;
  /** @default JSON_EXPORTER_IMAGE */
  readonly image?: string;
}

/**
 * json_exporter as a monitor workload (config map, service account, restricted Deployment, Service, PDB and a
 * ServiceMonitor of its own metrics) and one Probe per feed, each asking Hermes for that feed by id, so a bad id
 * or a feed Hermes lost fails its own scrape only. Empty when the feed set does not check Hermes.
 */
export function renderHermesExporterManifests(feeds: ResolvedPriceFeeds, options: HermesExporterOptions = {}): Manifest[] {
  const hermes = feeds.hermes;
  if (!hermes) return [];
  const namespace = feeds.namespace;
  const labels = { 'app.kubernetes.io/name': HERMES_EXPORTER_NAME, 'app.kubernetes.io/component': 'hermes-price-exporter', 'app.kubernetes.io/part-of': 'feedops' };
  const config = { [JSON_EXPORTER_CONFIG_FILE]: yamlText(renderHermesExporterConfig()) };
  const configMapName = `${HERMES_EXPORTER_NAME}-config`;
  const [serviceAccount, ...workload] = renderMonitorWorkload({
    name: HERMES_EXPORTER_NAME,
    namespace,
    labels,
    replicas: hermes.exporterReplicas,
    image: options.image ?? JSON_EXPORTER_IMAGE,
    userId: JSON_EXPORTER_USER_ID,
    digestOf: config,
    resources: options.resources ?? DEFAULT_HERMES_EXPORTER_RESOURCES,
    container: {
      name: 'json-exporter',
      args: [`--config.file=${JSON_EXPORTER_CONFIG_DIRECTORY}/${JSON_EXPORTER_CONFIG_FILE}`],
      ports: [{ name: 'http', containerPort: JSON_EXPORTER_PORT, protocol: 'TCP' }],
      // Its own /metrics answers without calling Hermes.
      livenessProbe: { httpGet: { path: '/metrics', port: 'http' }, initialDelaySeconds: 5, periodSeconds: 20, timeoutSeconds: 3, failureThreshold: 3 },
      readinessProbe: { httpGet: { path: '/metrics', port: 'http' }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
      volumeMounts: [{ name: 'config', mountPath: JSON_EXPORTER_CONFIG_DIRECTORY, readOnly: true }],
    },
    volumes: [{ name: 'config', configMap: { name: configMapName } }],
    servicePorts: [{ name: 'http', port: JSON_EXPORTER_PORT }],
    scrape: { interval: HERMES_PRICE_SCRAPE_INTERVAL, timeout: HERMES_PRICE_SCRAPE_TIMEOUT },
  });
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: configMapName, namespace, labels }, data: config };
  const probes = feeds.feeds.map((feed) => ({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'Probe',
    metadata: { name: hermesProbeName(feed), namespace, labels },
    spec: {
      jobName: HERMES_PRICE_PROBE_JOB,
      prober: { url: `${HERMES_EXPORTER_NAME}.${namespace}.svc:${JSON_EXPORTER_PORT}`, scheme: 'http', path: '/probe' },
      module: HERMES_PRICE_MODULE,
      interval: HERMES_PRICE_SCRAPE_INTERVAL,
      scrapeTimeout: HERMES_PRICE_SCRAPE_TIMEOUT,
      targets: {
        staticConfig: {
          static: [hermesLatestPriceUrl(hermes.url, feed.priceId!)],
          labels: { [HERMES_PRICE_LABELS.symbol]: feed.symbol, [HERMES_PRICE_LABELS.assetType]: feed.assetType },
        },
      },
    },
  }));
  return [serviceAccount, configMap, ...workload, ...probes];
}
