import { invalid } from '../core/validation-error';
/**
 * Pure renderers for External Secrets Operator objects (external-secrets.io/v1, served by chart 2.x).
 * Only names travel: the values stay in AWS Secrets Manager and the Kubernetes Secret ESO writes.
 */
export const EXTERNAL_SECRETS_API_VERSION = 'external-secrets.io/v1';
/** The one ClusterSecretStore feedops creates, backed by AWS Secrets Manager through Pod Identity. */
export const DEFAULT_CLUSTER_SECRET_STORE = 'aws-secrets-manager';
/** How often ESO re-reads Secrets Manager: a rotated webhook reaches the pods within this time. */
export const DEFAULT_REFRESH_INTERVAL = '1h';

export interface SyncedSecretSpec {
  /** Name of the Kubernetes Secret ESO writes (and of the ExternalSecret). */
  readonly name: string;
  readonly namespace: string;
  /** Name of the secret in AWS Secrets Manager, e.g. `prod/feedops/grafana-admin`. */
  readonly remoteName: string;
  /**
   * Kubernetes Secret keys, each from a JSON property of the remote secret. `undefined` copies every property
   * of the remote JSON secret as a key.
   * @default - every property of the remote secret
   */
  readonly keys?: Readonly<Record<string, string>>;
  /** @default 'aws-secrets-manager' */
  readonly storeName?: string;
  /** @default '1h' */
  readonly refreshInterval?: string;
  /** @default - none */
  readonly labels?: Readonly<Record<string, string>>;
}

const KUBERNETES_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

export function renderExternalSecret(spec: SyncedSecretSpec): Record<string, unknown> {
  if (!KUBERNETES_NAME.test(spec.name) || spec.name.length > 63) {
    invalid('ExternalSecret', 'name', `"${spec.name}" (allowed: a DNS label, lower-case letters, digits and "-")`);
  }
  if (!spec.remoteName) invalid(`ExternalSecret ${spec.namespace}/${spec.name}`, 'remoteName', 'is empty (allowed: a Secrets Manager name)');
  const badKey = Object.keys(spec.keys ?? {}).find((key) => !SECRET_KEY.test(key));
  if (badKey !== undefined) {
    invalid(`ExternalSecret ${spec.namespace}/${spec.name}`, 'keys', `key "${badKey}" (allowed: letters, digits, "-", "_" and ".")`);
  }
  const source = spec.keys
    ? { data: Object.entries(spec.keys).map(([secretKey, property]) => ({ secretKey, remoteRef: { key: spec.remoteName, property } })) }
    : { dataFrom: [{ extract: { key: spec.remoteName } }] };
  return {
    apiVersion: EXTERNAL_SECRETS_API_VERSION,
    kind: 'ExternalSecret',
    metadata: { name: spec.name, namespace: spec.namespace, ...(spec.labels ? { labels: { ...spec.labels } } : {}) },
    spec: {
      refreshInterval: spec.refreshInterval ?? DEFAULT_REFRESH_INTERVAL,
      secretStoreRef: { kind: 'ClusterSecretStore', name: spec.storeName ?? DEFAULT_CLUSTER_SECRET_STORE },
      target: { name: spec.name, creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      ...source,
    },
  };
}

export interface ClusterSecretStoreSpec {
  readonly region: string;
  /**
   * The only namespaces whose ExternalSecrets may use the store (ESO `spec.conditions[].namespaces`, in
   * external-secrets.io/v1 as served by chart 2.x); ESO refuses an ExternalSecret anywhere else.
   */
  readonly namespaces: readonly string[];
  /** @default 'aws-secrets-manager' */
  readonly name?: string;
}

/**
 * Secrets Manager store with no `auth` block (ESO's pod gets AWS credentials from EKS Pod Identity), usable only from
 * the namespaces that own the synced secrets.
 */
export function renderClusterSecretStore(spec: ClusterSecretStoreSpec): Record<string, unknown> {
  const name = spec.name ?? DEFAULT_CLUSTER_SECRET_STORE;
  if (spec.namespaces.length === 0) {
    throw new Error(`ClusterSecretStore ${name}: namespaces is empty (allowed: the namespaces that own its secrets, e.g. ["monitoring"])`);
  }
  const bad = spec.namespaces.find((namespace) => !KUBERNETES_NAME.test(namespace) || namespace.length > 63);
  if (bad !== undefined) throw new Error(`ClusterSecretStore ${name}: namespace "${bad}" (allowed: a DNS label)`);
  return {
    apiVersion: EXTERNAL_SECRETS_API_VERSION,
    kind: 'ClusterSecretStore',
    metadata: { name },
    spec: {
      conditions: [{ namespaces: [...new Set(spec.namespaces)].sort() }],
      provider: { aws: { service: 'SecretsManager', region: spec.region } },
    },
  };
}
