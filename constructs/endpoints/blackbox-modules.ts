import type { ResolvedCredentials, ResolvedEndpoint } from './resolve-endpoints';
import { compareText } from '../core/text-order';

/**
 * One blackbox-exporter module, in its configuration-file format. Only fields that both the chart's exporter
 * (v0.28) and Debian's (v0.23, used by the tests' `--config.check`) accept; no CEL body checks (v0.27+).
 */
export interface BlackboxModule {
  prober: 'http' | 'tcp';
  timeout: string;
  http?: {
    method?: 'GET' | 'POST';
    valid_status_codes: number[];
    preferred_ip_protocol: 'ip4';
    ip_protocol_fallback: boolean;
    headers?: Record<string, string>;
    body?: string;
    fail_if_body_not_matches_regexp?: string[];
    /** An https URL answering over plain http after a redirect is a failure. */
    fail_if_not_ssl?: boolean;
    authorization?: { type: string; credentials_file: string };
  };
  tcp?: {
    preferred_ip_protocol: 'ip4';
    ip_protocol_fallback: boolean;
    tls?: boolean;
  };
}

/** The blackbox exporter's modules for the given endpoints: one per endpoint, named by `endpoint.module`. */
export function renderBlackboxModules(endpoints: readonly ResolvedEndpoint[]): Record<string, BlackboxModule> {
  return Object.fromEntries(endpoints.map((endpoint) => [endpoint.module, renderModule(endpoint)]));
}

function renderModule(endpoint: ResolvedEndpoint): BlackboxModule {
  const timeout = `${endpoint.timeout.toSeconds()}s`;
  switch (endpoint.kind) {
    case 'http':
      return {
        prober: 'http',
        timeout,
        http: {
          method: 'GET',
          valid_status_codes: [...endpoint.expectedStatus],
          preferred_ip_protocol: 'ip4',
          ip_protocol_fallback: true,
          ...(endpoint.bodyMatches ? { fail_if_body_not_matches_regexp: [endpoint.bodyMatches] } : {}),
          ...(endpoint.tls ? { fail_if_not_ssl: true } : {}),
          ...authorization(endpoint.credentials),
        },
      };
    case 'jsonrpc':
      return {
        prober: 'http',
        timeout,
        http: {
          method: 'POST',
          valid_status_codes: [200],
          preferred_ip_protocol: 'ip4',
          ip_protocol_fallback: true,
          headers: { 'Content-Type': 'application/json' },
          body: endpoint.body,
          fail_if_body_not_matches_regexp: [endpoint.resultPattern],
          ...(endpoint.tls ? { fail_if_not_ssl: true } : {}),
          ...authorization(endpoint.credentials),
        },
      };
    case 'tcp':
      return { prober: 'tcp', timeout, tcp: { preferred_ip_protocol: 'ip4', ip_protocol_fallback: true, ...(endpoint.tls ? { tls: true } : {}) } };
  }
}

function authorization(credentials: ResolvedCredentials | undefined): { authorization?: { type: string; credentials_file: string } } {
  return credentials ? { authorization: { type: credentials.type, credentials_file: credentials.file } } : {};
}

/** The Kubernetes Secrets the exporter must mount (one per Secrets Manager secret), with the keys read from each. */
export function probeCredentialSecrets(endpoints: readonly ResolvedEndpoint[]): Array<{ kubernetesSecret: string; secretsManagerName: string; properties: string[] }> {
  const bySecret = new Map<string, { kubernetesSecret: string; secretsManagerName: string; properties: Set<string> }>();
  for (const endpoint of endpoints) {
    if (endpoint.kind === 'tcp' || !endpoint.credentials) continue;
    const { kubernetesSecret, secretsManagerName, property } = endpoint.credentials;
    const entry = bySecret.get(kubernetesSecret) ?? { kubernetesSecret, secretsManagerName, properties: new Set<string>() };
    entry.properties.add(property);
    bySecret.set(kubernetesSecret, entry);
  }
  return [...bySecret.values()]
    .sort((a, b) => compareText(a.kubernetesSecret, b.kubernetesSecret))
    .map((entry) => ({ ...entry, properties: [...entry.properties].sort() }));
}
