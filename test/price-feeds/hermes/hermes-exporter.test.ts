import * as fs from 'fs';
import * as path from 'path';
import { query, type JsonValue } from 'jsonpath-rfc9535';
import { parse } from 'yaml';
import {
  HERMES_EXPORTER_NAME,
  HERMES_PRICE_LABELS,
  HERMES_PRICE_METRICS,
  HERMES_PRICE_MODULE,
  JSON_EXPORTER_IMAGE,
  JSON_EXPORTER_PORT,
  renderHermesExporterConfig,
  renderHermesExporterManifests,
} from '../../../constructs/price-feeds/hermes/hermes-exporter';
import { declaredPriceIds } from '../../../constructs/price-feeds/resolve';
import { kubernetesSchemaProblems } from '../../support/kubernetes-schema';
import { DEV_FEEDS, feedSetConfig, resolveFeedSet } from '../fixtures';

// Compiled to dist/test/price-feeds/hermes; the fixture lives in the source tree. Written from the response Hermes
// documents for /v2/updates/price/latest (docs.pyth.network API reference, "Get the latest price updates by price
// feed id"), two feeds.
const HERMES_ANSWER = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../test/price-feeds/hermes/hermes-latest-price.json'), 'utf8'));
const BTC = 'e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43';
const ETH = 'ff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace';
const HERMES = 'https://hermes.example.org';

const feeds = resolveFeedSet(
  'prod',
  feedSetConfig({ 'Crypto.BTC/USD': { priceId: BTC }, 'Crypto.ETH/USD': { priceId: `0x${ETH}` }, 'FX.EUR/USD': { priceId: 'a995d00bb36a63cef7fd2c287dc105fc8f3d93779f062f09551b0af3e81ec30b' } }, { hermes: { url: HERMES } }),
  'monitors',
);
const manifests = renderHermesExporterManifests(feeds);
const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);

/**
 * The JSONPath subset the config uses, `{.a.b}` and `{.a[*]}` (k8s client-go templates, which json_exporter
 * evaluates), as RFC 9535 paths; anything else fails, so the config cannot drift into syntax whose meaning the
 * two dialects might not share.
 */
function rfc9535(template: string): string {
  const match = /^\{\s*((?:\.[A-Za-z_][A-Za-z0-9_]*|\[\*\])+)\s*\}$/.exec(template);
  if (!match) throw new Error(`JSONPath template ${JSON.stringify(template)} is outside the subset {.field...} and [*]`);
  return `$${match[1]}`;
}

/** What json_exporter v0.7.0 makes of one `type: object` metric (exporter/collector.go): a series per element of `path`. */
function objectScrape(metric: { name: string; path: string; labels: Record<string, string>; values: Record<string, string> }, answer: JsonValue) {
  return query(answer, rfc9535(metric.path)).flatMap((element) =>
    Object.entries(metric.values).map(([key, valuePath]) => {
      const values = query(element, rfc9535(valuePath));
      // Only the last match counts upstream; one match is expected here.
      expect(values).toHaveLength(1);
      return {
        name: `${metric.name}_${key}`,
        labels: Object.fromEntries(Object.entries(metric.labels).map(([label, labelPath]) => [label, String(query(element, rfc9535(labelPath))[0])])),
        value: Number.parseFloat(String(values[0])),
      };
    }),
  );
}

describe('json_exporter reading Hermes', () => {
  test('the module turns a documented Hermes answer into one publish-time series per feed id', () => {
    const config = renderHermesExporterConfig() as { modules: Record<string, { metrics: any[] }> };
    const series = config.modules[HERMES_PRICE_MODULE].metrics.flatMap((metric) => {
      expect(metric.type).toBe('object');
      return objectScrape(metric, HERMES_ANSWER);
    });
    expect(series).toEqual(
      HERMES_ANSWER.parsed.map((entry: { id: string; price: { publish_time: number } }) => ({
        name: HERMES_PRICE_METRICS.publishTime,
        labels: { [HERMES_PRICE_LABELS.priceId]: entry.id },
        value: entry.price.publish_time,
      })),
    );
    // The documented answer's ids are bare hex, as declaredPriceIds stores them.
    expect(series.map((s) => s.labels.price_id).sort()).toEqual([BTC, ETH]);
  });

  test('paths outside the subset are refused', () => {
    expect(() => rfc9535('{.parsed[?(@.id=="x")]}')).toThrow('outside the subset');
    expect(() => rfc9535('{range .parsed[*]}{.id}{end}')).toThrow('outside the subset');
  });

  test('the config map holds the same configuration, as YAML', () => {
    const configMap = ofKind('ConfigMap')[0];
    expect(parse(configMap.data['config.yml'])).toEqual(renderHermesExporterConfig());
  });
});

describe('json_exporter objects', () => {
  test('pass the Kubernetes and prometheus-operator schemas', () => {
    expect(manifests.length).toBeGreaterThan(5);
    expect(kubernetesSchemaProblems(manifests)).toEqual([]);
  });

  test('the Deployment runs the pinned image as a restricted monitor workload with the config mounted', () => {
    const [deployment] = ofKind('Deployment');
    const pod = deployment.spec.template.spec;
    expect(pod.containers[0].image).toBe(JSON_EXPORTER_IMAGE);
    expect(pod.containers[0].args).toEqual(['--config.file=/etc/json-exporter/config.yml']);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0].securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(pod.volumes).toEqual([{ name: 'config', configMap: { name: ofKind('ConfigMap')[0].metadata.name } }]);
    expect(deployment.spec.replicas).toBe(2);
    expect(ofKind('ServiceMonitor')).toHaveLength(1);
  });

  test('one Probe per feed asks Hermes for that feed by its own id, through the exporter Service, labelled by symbol and asset type', () => {
    const probes = ofKind('Probe');
    expect(
      probes.map((probe) => ({
        target: probe.spec.targets.staticConfig.static,
        labels: probe.spec.targets.staticConfig.labels,
        prober: probe.spec.prober.url,
        module: probe.spec.module,
      })),
    ).toEqual(
      feeds.feeds.map((feed) => ({
        target: [`${HERMES}/v2/updates/price/latest?ids[]=${feed.priceId}&parsed=true`],
        labels: { symbol: feed.symbol, asset_type: feed.assetType },
        prober: `${HERMES_EXPORTER_NAME}.monitors.svc:${JSON_EXPORTER_PORT}`,
        module: HERMES_PRICE_MODULE,
      })),
    );
    // The 0x form of the ETH id is asked for without it, as Hermes answers.
    expect(JSON.stringify(probes)).not.toContain(`0x${ETH}`);
    expect(declaredPriceIds(feeds).sort()).toEqual([BTC, ETH, 'a995d00bb36a63cef7fd2c287dc105fc8f3d93779f062f09551b0af3e81ec30b'].sort());
  });

  test('a feed set that does not check Hermes renders no exporter', () => {
    expect(renderHermesExporterManifests(DEV_FEEDS)).toEqual([]);
  });
});
