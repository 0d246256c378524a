import { z } from 'zod';

/**
 * The `endpoints` field of an environment: every service feedops probes (Hermes, Pythnet RPC, chain RPC providers,
 * the team's own APIs), keyed by a logical name. Exported so the environment schema composes it and other teams
 * validate their own endpoint lists with the same rules.
 */

/** Endpoint names become label values, Probe names and module names: lower-case, digits and "-". */
export const ENDPOINT_NAME_PATTERN = /^[a-z][a-z0-9-]{0,46}[a-z0-9]$/;
/** Groups of redundant providers, same alphabet as names. */
const groupName = z.string().regex(ENDPOINT_NAME_PATTERN, { message: 'is not a group name (allowed: lower-case letters, digits and "-", e.g. "ethereum-rpc")' });
const teamName = z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, { message: 'is not a team name (allowed: lower-case letters, digits and "-", e.g. "platform")' });

/** Probe intervals Prometheus accepts and the alerts' `for` durations still cover with several samples. */
export const PROBE_INTERVAL_PATTERN = /^([1-9]\d*)(s|m)$/;
/** Shorter intervals leave no room for the timeout below the interval. */
export const MIN_PROBE_INTERVAL_SECONDS = 5;
const probeInterval = z
  .string()
  .regex(PROBE_INTERVAL_PATTERN, { message: 'is not a probe interval (allowed: whole seconds or minutes, e.g. "30s", "1m")' })
  .refine((text) => !/^[1-4]s$/.test(text), { message: `is too short (allowed: at least ${MIN_PROBE_INTERVAL_SECONDS}s)` });

/** Query parameters that carry a credential; a URL with one is a secret and does not belong in config. */
export const CREDENTIAL_QUERY_PARAMETERS = ['key', 'apikey', 'api_key', 'api-key', 'token', 'access_token', 'auth', 'secret', 'password'] as const;
/** A path segment this long made of letters and digits mixed is an API key (Infura `/v3/<32 hex>`, Alchemy `/v2/<key>`). */
const KEY_LIKE_SEGMENT = /^(?=.*\d)(?=.*[a-zA-Z])[A-Za-z0-9_-]{20,}$/;

/** Why a probe URL is not acceptable, or undefined. */
export function urlProblem(url: string, schemes: readonly string[]): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `is not a URL (allowed: ${schemes.map((s) => `${s}://host/path`).join(' or ')})`;
  }
  if (!schemes.includes(parsed.protocol.replace(/:$/, ''))) return `has scheme "${parsed.protocol}" (allowed: ${schemes.join(', ')})`;
  if (parsed.username || parsed.password) return 'carries a user name or password (allowed: no credentials in URLs; use "credentials" with a Secrets Manager reference)';
  const keyParameter = [...parsed.searchParams.keys()].find((name) => (CREDENTIAL_QUERY_PARAMETERS as readonly string[]).includes(name.toLowerCase()));
  if (keyParameter) return `has the credential parameter "${keyParameter}" (allowed: no API keys in URLs; use "credentials" with a Secrets Manager reference)`;
  if (parsed.pathname.split('/').some((segment) => KEY_LIKE_SEGMENT.test(segment))) {
    return 'has a path segment that looks like an API key (allowed: no API keys in URLs; use "credentials" with a Secrets Manager reference, or a provider that takes the key in a header)';
  }
  return undefined;
}

const httpUrl = z.string().superRefine((url, ctx) => {
  const problem = urlProblem(url, ['https', 'http']);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: url });
});

/** `host:port` for a TCP probe. */
const tcpAddress = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?:([1-9]\d{0,4})$/i, { message: 'is not host:port (allowed: e.g. "api2.pythnet.pyth.network:443")' });

/** A Go (RE2) regular expression the response body must match; JavaScript checks the syntax, RE2 lacks lookaround and backreferences. */
const bodyPattern = z.string().min(1).superRefine((pattern, ctx) => {
  if (/\(\?[=!<]|\\[1-9]/.test(pattern)) {
    ctx.addIssue({ code: 'custom', message: 'uses lookaround or a backreference (allowed: an RE2 regular expression, as the blackbox exporter uses)', input: pattern });
    return;
  }
  try {
    new RegExp(pattern);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `is not a regular expression: ${(error as Error).message} (allowed: an RE2 regular expression)`, input: pattern });
  }
});

/** A credential the prober sends as `Authorization: <type> <value>`, read from a mounted Secrets Manager secret. */
const credentialsSchema = z.strictObject({
  /** Secrets Manager name below `<env>/feedops/` (e.g. "rpc-providers"). */
  secret: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, { message: 'is not a secret name (allowed: lower-case letters, digits and "-", below <env>/feedops/)' }),
  /** JSON property of that secret holding the credential. */
  property: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/, { message: 'is not a JSON property name (allowed: letters, digits, "_", "." and "-")' }),
  /** Authorization scheme. */
  type: z.enum(['Bearer', 'Basic']),
});

const common = {
  /** How often the endpoint is probed. @default "30s" */
  interval: probeInterval.optional(),
  /** Team whose channels get this endpoint's alerts (`alerting.routing.byTeam`). */
  team: teamName,
  /** The probe should finish within this many seconds; slower for 5 minutes warns. */
  latencyObjectiveSeconds: z.number().gt(0).max(60),
  /** Redundant providers of the same thing share a group: one failing warns, all failing pages. @default - not grouped: failing pages */
  group: groupName.optional(),
  /** Availability objective in percent (e.g. 99.9); renders an SLO with burn-rate alerts from the probes. @default - no SLO */
  availabilityObjectivePercent: z.number().gt(0).lt(100).optional(),
};

const httpEndpointSchema = z.strictObject({
  kind: z.literal('http'),
  url: httpUrl,
  /** Status codes counted as success. @default [200] */
  expectedStatus: z.array(z.number().int().min(100).max(599)).min(1).optional(),
  /** A regular expression the body must match. @default - any body */
  bodyMatches: bodyPattern.optional(),
  credentials: credentialsSchema.optional(),
  ...common,
});

const jsonRpcEndpointSchema = z.strictObject({
  kind: z.literal('jsonrpc'),
  url: httpUrl,
  /** JSON-RPC method posted (e.g. "getHealth", "eth_blockNumber"). */
  method: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, { message: 'is not a JSON-RPC method name (allowed: e.g. "eth_blockNumber")' }),
  /** JSON-RPC params. @default [] */
  params: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** A regular expression the JSON value of `result` must match, e.g. `"ok"` or `"0x[0-9a-f]+"`. */
  expectedResult: bodyPattern,
  credentials: credentialsSchema.optional(),
  ...common,
});

const tcpEndpointSchema = z.strictObject({
  kind: z.literal('tcp'),
  /** `host:port`. */
  address: tcpAddress,
  /** Start TLS after connecting (exports the certificate's expiry). @default false */
  tls: z.boolean().optional(),
  ...common,
});

export const endpointSchema = z.discriminatedUnion('kind', [httpEndpointSchema, jsonRpcEndpointSchema, tcpEndpointSchema]);

/** Endpoints keyed by name (lower-case letters, digits and "-"). */
export const endpointsSchema = z.record(z.string().regex(ENDPOINT_NAME_PATTERN, { message: 'is not an endpoint name (allowed: lower-case letters, digits and "-", 2-48 characters)' }), endpointSchema);

export type EndpointConfig = z.infer<typeof endpointSchema>;
export type HttpEndpointConfig = z.infer<typeof httpEndpointSchema>;
export type JsonRpcEndpointConfig = z.infer<typeof jsonRpcEndpointSchema>;
export type TcpEndpointConfig = z.infer<typeof tcpEndpointSchema>;
export type EndpointCredentialsConfig = z.infer<typeof credentialsSchema>;
export type EndpointsConfig = z.infer<typeof endpointsSchema>;
