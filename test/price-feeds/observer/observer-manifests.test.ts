import { parse } from 'yaml';
import { OBSERVER_IMAGE, renderObserverManifests } from '../../../constructs/price-feeds/observer/observer-manifests';
import { kubernetesSchemaProblems } from '../../support/kubernetes-schema';
import { feedSetConfig, resolveFeedSet } from '../fixtures';

const CONFIG = feedSetConfig({ 'Crypto.BTC/USD': { coingeckoId: 'bitcoin' } });
const manifests = (overrides: Record<string, unknown> = {}, config: Record<string, unknown> = CONFIG) =>
  renderObserverManifests({ feeds: resolveFeedSet('dev', config, 'monitors'), ...overrides });
const byKind = (kind: string, list = manifests()) => list.find((m) => m.kind === kind)!;
const pod = (list = manifests()) => byKind('Deployment', list).spec.template.spec;

test('every object passes the Kubernetes and prometheus-operator schemas', () => {
  expect(kubernetesSchemaProblems(manifests())).toEqual([]);
});

test('the schema check can fail', () => {
  const broken = manifests();
  byKind('Deployment', broken).spec.replicas = 'two';
  expect(kubernetesSchemaProblems(broken)).toEqual([expect.stringContaining('Deployment/pyth-observer: data/spec/replicas must be integer')]);
});

test('replicas from the feed set (2 here), spread across zones, with a budget that keeps one running', () => {
  const list = manifests();
  expect(byKind('Deployment', list).spec.replicas).toBe(2);
  expect(pod(list).topologySpreadConstraints[0]).toEqual(expect.objectContaining({ topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' }));
  expect(byKind('PodDisruptionBudget', list).spec.minAvailable).toBe(1);
});

test('replicas come from the feed set and resources can be overridden', () => {
  const resources = { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } };
  const list = manifests({ resources }, { ...CONFIG, observer: { replicas: 3 } });
  expect(byKind('Deployment', list).spec.replicas).toBe(3);
  expect(byKind('PodDisruptionBudget', list).spec.minAvailable).toBe(2);
  expect(pod(list).containers[0].resources).toEqual(resources);
});

test('the image is pinned to an exact tag', () => {
  expect(pod().containers[0].image).toBe(OBSERVER_IMAGE);
  expect(OBSERVER_IMAGE).toMatch(/:v\d+\.\d+\.\d+$/);
});

test('liveness on /live and readiness on /ready of the health port; metrics scraped by a ServiceMonitor', () => {
  const container = pod().containers[0];
  expect(container.livenessProbe.httpGet).toEqual({ path: '/live', port: 'health' });
  expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'health' });
  expect(container.ports).toContainEqual({ name: 'health', containerPort: 8080, protocol: 'TCP' });
  const monitor = byKind('ServiceMonitor');
  expect(monitor.spec.endpoints).toEqual([expect.objectContaining({ port: 'metrics', path: '/metrics' })]);
  expect(monitor.spec.selector.matchLabels).toEqual(byKind('Service').spec.selector);
});

test('the config files are mounted read-only from the ConfigMap and named by the observer\'s environment variables', () => {
  const list = manifests();
  const container = pod(list).containers[0];
  const env = Object.fromEntries(container.env.map((e: { name: string; value: string }) => [e.name, e.value]));
  const data = byKind('ConfigMap', list).data;
  for (const variable of ['CONFIG', 'PUBLISHERS', 'COINGECKO_MAPPING']) {
    expect(Object.keys(data)).toContain(env[variable].split('/').pop());
  }
  expect(parse(data['config.yaml']).events).toEqual(['LogEvent']);
  expect(container.volumeMounts).toContainEqual(expect.objectContaining({ mountPath: '/etc/pyth-observer', readOnly: true }));
});

test('a config change rolls the pods (the template carries a digest of the files)', () => {
  const before = byKind('Deployment').spec.template.metadata.annotations['feedops.io/config-digest'];
  const after = byKind('Deployment', manifests({}, { ...CONFIG, feeds: { 'Crypto.ETH/USD': {} } }))
    .spec.template.metadata.annotations['feedops.io/config-digest'];
  expect(after).not.toBe(before);
});

test('fails when the image is not pinned', () => {
  expect(() => manifests({ image: 'ghcr.io/pyth-network/pyth-observer:latest' })).toThrow('(allowed: an image with an exact tag, not latest)');
  expect(() => manifests({ image: 'ghcr.io/pyth-network/pyth-observer' })).toThrow('not latest');
});
