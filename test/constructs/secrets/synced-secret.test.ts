import { renderClusterSecretStore, renderExternalSecret } from '../../../constructs/secrets/external-secret';
import { storeAdmits } from '../../support/secret-store-conditions';
import { SyncedSecret } from '../../../constructs/secrets/synced-secret';
import { kubernetesSchemaProblems } from '../../support/kubernetes-schema';
import { resources, synthConstruct } from '../../support/synth';

test('SyncedSecret puts an ExternalSecret in a kubernetes_manifest: names only, no value', () => {
  const tf = synthConstruct((scope) => new SyncedSecret(scope, 'rpc', { name: 'rpc-token', namespace: 'monitors', remoteName: 'prod/feedops/rpc', keys: { token: 'token' } }));
  const [manifest] = resources(tf, 'kubernetes_manifest');
  expect(manifest.config.manifest).toEqual({
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: 'rpc-token', namespace: 'monitors' },
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'aws-secrets-manager' },
      target: { name: 'rpc-token', creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      data: [{ secretKey: 'token', remoteRef: { key: 'prod/feedops/rpc', property: 'token' } }],
    },
  });
});

test('without keys, every property of the remote JSON secret becomes a key', () => {
  const spec = renderExternalSecret({ name: 'grafana-admin', namespace: 'monitoring', remoteName: 'dev/feedops/grafana-admin' }).spec as any;
  expect(spec.dataFrom).toEqual([{ extract: { key: 'dev/feedops/grafana-admin' } }]);
  expect(spec.data).toBeUndefined();
});

test('store name, refresh interval and labels can be overridden', () => {
  const rendered = renderExternalSecret({
    name: 'x', namespace: 'n', remoteName: 'r', storeName: 'other-store', refreshInterval: '5m', labels: { team: 'feeds' },
  }) as any;
  expect(rendered.spec.secretStoreRef.name).toBe('other-store');
  expect(rendered.spec.refreshInterval).toBe('5m');
  expect(rendered.metadata.labels).toEqual({ team: 'feeds' });
});

test('the ClusterSecretStore reads Secrets Manager in the region with Pod Identity credentials (no auth block), for the given namespaces only', () => {
  expect(renderClusterSecretStore({ region: 'eu-west-1', namespaces: ['monitoring', 'monitoring'] })).toEqual({
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterSecretStore',
    metadata: { name: 'aws-secrets-manager' },
    spec: { conditions: [{ namespaces: ['monitoring'] }], provider: { aws: { service: 'SecretsManager', region: 'eu-west-1' } } },
  });
});

test('the rendered store admits its own namespaces and refuses every other one', () => {
  const store = renderClusterSecretStore({ region: 'eu-west-1', namespaces: ['monitoring', 'feeds'] });
  expect(storeAdmits(store, 'monitoring')).toBe(true);
  expect(storeAdmits(store, 'feeds')).toBe(true);
  expect(storeAdmits(store, 'team-x')).toBe(false);
  expect(storeAdmits(store, 'default')).toBe(false);
});

test('the store check itself: a store without conditions admits every namespace', () => {
  expect(storeAdmits({ spec: {} }, 'anything')).toBe(true);
  expect(storeAdmits({ spec: { conditions: [{ namespaceSelector: { matchLabels: { team: 'a' } } }] } }, 'x', { team: 'a' })).toBe(true);
  expect(storeAdmits({ spec: { conditions: [{ namespaceSelector: { matchLabels: { team: 'a' } } }] } }, 'x', { team: 'b' })).toBe(false);
});

test('fails when the store has no namespaces or a bad one', () => {
  expect(() => renderClusterSecretStore({ region: 'eu-west-1', namespaces: [] })).toThrow('ClusterSecretStore aws-secrets-manager: namespaces is empty');
  expect(() => renderClusterSecretStore({ region: 'eu-west-1', namespaces: ['Bad_NS'] })).toThrow('namespace "Bad_NS"');
});

test('fails when the secret name is not a DNS label', () => {
  expect(() => renderExternalSecret({ name: 'Grafana_Admin', namespace: 'n', remoteName: 'r' })).toThrow('ExternalSecret: name: "Grafana_Admin" (allowed: a DNS label');
});

test('fails when a key has characters Kubernetes does not allow', () => {
  expect(() => renderExternalSecret({ name: 'x', namespace: 'n', remoteName: 'r', keys: { 'a/b': 'p' } })).toThrow('key "a/b"');
});

test('fails when the remote name is empty', () => {
  expect(() => renderExternalSecret({ name: 'x', namespace: 'n', remoteName: '' })).toThrow('remoteName: is empty');
});

test('the schema check reports a kind it has no schema for (ExternalSecret) instead of passing it', () => {
  expect(kubernetesSchemaProblems([renderExternalSecret({ name: 'x', namespace: 'n', remoteName: 'r' })])).toEqual([
    'ExternalSecret/x: no schema known for apiVersion external-secrets.io/v1',
  ]);
});
