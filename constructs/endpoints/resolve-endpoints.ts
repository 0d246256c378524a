import { Duration } from '../core/duration';
import type { EndpointConfig, EndpointsConfig } from './schema';
import { PROBE_INTERVAL_PATTERN } from './schema';

/** Probed every 30 s unless the endpoint says otherwise: a failure is seen within one interval. */
export const DEFAULT_PROBE_INTERVAL = Duration.seconds(30);
/** A probe gives up after this long (or one second under its interval, if shorter). */
export const MAX_PROBE_TIMEOUT = Duration.seconds(10);
export const DEFAULT_EXPECTED_STATUS = [200] as const;

/** Where the blackbox exporter finds mounted probe credentials: `<dir>/<Kubernetes secret>/<key>`. */
export const PROBE_CREDENTIALS_DIRECTORY = '/etc/blackbox-exporter/secrets';

export interface ResolvedCredentials {
  /** Kubernetes Secret the External Secrets Operator writes (in the blackbox exporter's namespace). */
  readonly kubernetesSecret: string;
  /** Secrets Manager name below the environment's prefix. */
  readonly secretsManagerName: string;
  /** JSON property in Secrets Manager, and key in the Kubernetes Secret. */
  readonly property: string;
  readonly type: 'Bearer' | 'Basic';
  /** Absolute path of the mounted file the exporter reads. */
  readonly file: string;
}

interface ResolvedCommon {
  readonly name: string;
  readonly interval: Duration;
  readonly timeout: Duration;
  readonly team: string;
  readonly latencyObjectiveSeconds: number;
  readonly group?: string;
  readonly availabilityObjectivePercent?: number;
  /** The blackbox exporter module probing this endpoint (generated, one per endpoint). */
  readonly module: string;
  /** The target the Probe passes to the exporter: a URL, or host:port for TCP. */
  readonly target: string;
  /** Whether the probe sees a certificate (https URL, or TCP with TLS): certificate-expiry alerts apply. */
  readonly tls: boolean;
}

export interface ResolvedHttpEndpoint extends ResolvedCommon {
  readonly kind: 'http';
  readonly expectedStatus: readonly number[];
  readonly bodyMatches?: string;
  readonly credentials?: ResolvedCredentials;
}

export interface ResolvedJsonRpcEndpoint extends ResolvedCommon {
  readonly kind: 'jsonrpc';
  /** The request body posted, compact JSON. */
  readonly body: string;
  /** Regular expression over the response body: `"result"` followed by the expected value. */
  readonly resultPattern: string;
  readonly credentials?: ResolvedCredentials;
}

export interface ResolvedTcpEndpoint extends ResolvedCommon {
  readonly kind: 'tcp';
}

export type ResolvedEndpoint = ResolvedHttpEndpoint | ResolvedJsonRpcEndpoint | ResolvedTcpEndpoint;

/**
 * Applies every default once, so the modules, Probes, rules and dashboards read the same values. Sorted by name
 * for stable output.
 */
export function resolveEndpoints(endpoints: EndpointsConfig): ResolvedEndpoint[] {
  return Object.keys(endpoints)
    .sort()
    .map((name) => resolveEndpoint(name, endpoints[name]));
}

export function moduleNameOf(endpointName: string): string {
  return `endpoint_${endpointName.replace(/-/g, '_')}`;
}

export function probeCredentialsSecretName(secretsManagerName: string): string {
  return `probe-credentials-${secretsManagerName}`;
}

function resolveEndpoint(name: string, endpoint: EndpointConfig): ResolvedEndpoint {
  const interval = endpoint.interval ? parseInterval(endpoint.interval) : DEFAULT_PROBE_INTERVAL;
  const timeout = Duration.seconds(Math.max(1, Math.min(MAX_PROBE_TIMEOUT.toSeconds(), interval.toSeconds() - 1)));
  const common = {
    name,
    interval,
    timeout,
    team: endpoint.team,
    latencyObjectiveSeconds: endpoint.latencyObjectiveSeconds,
    ...(endpoint.group ? { group: endpoint.group } : {}),
    ...(endpoint.availabilityObjectivePercent !== undefined ? { availabilityObjectivePercent: endpoint.availabilityObjectivePercent } : {}),
    module: moduleNameOf(name),
  };
  switch (endpoint.kind) {
    case 'http':
      return {
        ...common,
        kind: 'http',
        target: endpoint.url,
        tls: endpoint.url.startsWith('https://'),
        expectedStatus: [...(endpoint.expectedStatus ?? DEFAULT_EXPECTED_STATUS)],
        ...(endpoint.bodyMatches ? { bodyMatches: endpoint.bodyMatches } : {}),
        ...(endpoint.credentials ? { credentials: resolveCredentials(endpoint.credentials) } : {}),
      };
    case 'jsonrpc':
      return {
        ...common,
        kind: 'jsonrpc',
        target: endpoint.url,
        tls: endpoint.url.startsWith('https://'),
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: endpoint.method, params: endpoint.params ?? [] }),
        resultPattern: `"result"\\s*:\\s*${endpoint.expectedResult}`,
        ...(endpoint.credentials ? { credentials: resolveCredentials(endpoint.credentials) } : {}),
      };
    case 'tcp':
      return { ...common, kind: 'tcp', target: endpoint.address, tls: endpoint.tls ?? false };
  }
}

function resolveCredentials(credentials: NonNullable<Extract<EndpointConfig, { kind: 'http' }>['credentials']>): ResolvedCredentials {
  const kubernetesSecret = probeCredentialsSecretName(credentials.secret);
  return {
    kubernetesSecret,
    secretsManagerName: credentials.secret,
    property: credentials.property,
    type: credentials.type,
    file: `${PROBE_CREDENTIALS_DIRECTORY}/${kubernetesSecret}/${credentials.property}`,
  };
}

function parseInterval(text: string): Duration {
  const match = PROBE_INTERVAL_PATTERN.exec(text);
  if (!match) throw new Error(`probe interval "${text}" is invalid (allowed: e.g. "30s", "1m")`);
  return match[2] === 'm' ? Duration.minutes(Number(match[1])) : Duration.seconds(Number(match[1]));
}
