import { z } from 'zod';
import { OPEN_TO_THE_INTERNET, cidrContains, cidrsOverlap, Ipv4Cidr, parseIpv4Cidr } from '../constructs/core/cidr';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../constructs/core/kubernetes-version';
import { endpointProblems } from '../constructs/endpoints/validate-endpoints';
import { DeliveryConfig, deliverySchema } from './delivery';
import { EnvironmentConfig, environmentSchema } from './schema';

/** One problem in one environment's configuration. */
export interface ConfigProblem {
  readonly environment: string;
  /** Dotted field path, e.g. `cluster.nodeGroups.system.minSize`. */
  readonly path: string;
  /** What is wrong, ending with `(allowed: ...)`. */
  readonly message: string;
}

/** Thrown when any environment is invalid; its message lists every problem, one per line. */
export class EnvironmentConfigError extends Error {
  constructor(public readonly problems: readonly ConfigProblem[]) {
    super(
      `invalid environment configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'EnvironmentConfigError';
  }
}

export function formatProblem(problem: ConfigProblem): string {
  return `${problem.environment}: ${problem.path || '(root)'}: ${problem.message}`;
}

/** Minimum zones for any environment and for production ones (CHECKS.md 6). */
export const MIN_AVAILABILITY_ZONES = 2;
export const MIN_PRODUCTION_AVAILABILITY_ZONES = 3;
/** Production node groups must survive losing a node (CHECKS.md 6). */
export const MIN_PRODUCTION_NODES_PER_GROUP = 2;

/** The validated configuration of the whole app. */
export interface ValidatedConfig {
  readonly environments: readonly EnvironmentConfig[];
  readonly delivery: DeliveryConfig;
}

/**
 * Validates every environment (keyed by the name it is registered under) and the delivery settings, and returns
 * them typed. Collects all problems before failing, so one run shows everything to fix.
 */
export function validateEnvironments(raw: Readonly<Record<string, unknown>>, rawDelivery: unknown): ValidatedConfig {
  const problems: ConfigProblem[] = [];
  const valid: EnvironmentConfig[] = [];
  for (const [label, config] of Object.entries(raw)) {
    const result = validateEnvironment(label, config);
    problems.push(...result.problems);
    if (result.config) valid.push(result.config);
  }
  const delivery = deliverySchema.safeParse(rawDelivery, { reportInput: true });
  if (!delivery.success) {
    problems.push(...delivery.error.issues.flatMap((issue) => structuralProblems('delivery', issue, deliverySchema)));
  } else {
    for (const env of valid) {
      if (env.account.id !== delivery.data.accountId) {
        problems.push({
          environment: env.name,
          path: 'account.id',
          message: `"${env.account.id}" differs from the delivery account (allowed: "${delivery.data.accountId}"; one bootstrap stack serves one account)`,
        });
      }
    }
  }
  problems.push(...crossEnvironmentProblems(valid));
  if (problems.length > 0 || !delivery.success) throw new EnvironmentConfigError(problems);
  return { environments: valid, delivery: delivery.data };
}

/** Validates one environment; `label` names it in messages (the key it is registered under). */
export function validateEnvironment(
  label: string,
  raw: unknown,
): { config?: EnvironmentConfig; problems: ConfigProblem[] } {
  const parsed = environmentSchema.safeParse(raw, { reportInput: true });
  const problems: ConfigProblem[] = [];
  let data: EnvironmentConfig;
  if (parsed.success) {
    data = parsed.data;
  } else {
    problems.push(...parsed.error.issues.flatMap((issue) => structuralProblems(label, issue, environmentSchema, raw)));
    // A typo (unknown field) alone must not hide the other problems: drop the unknown fields and check the rest.
    const withoutUnknownFields = parsed.error.issues.every((issue) => issue.code === 'unrecognized_keys')
      ? environmentSchema.safeParse(withoutKeys(raw, parsed.error.issues))
      : undefined;
    if (!withoutUnknownFields?.success) return { problems };
    data = withoutUnknownFields.data;
  }
  const add = (path: string, message: string) => problems.push({ environment: label, path, message });
  if (data.name !== label) {
    add('name', `"${data.name}" differs from the name the environment is registered under (allowed: "${label}")`);
  }
  checkNetwork(data, add);
  checkCluster(data, add);
  checkMonitoring(data, add);
  checkPriceFeeds(data, add);
  // Endpoint probes (issue 10): cross-endpoint rules owned by the endpoint pack.
  for (const problem of endpointProblems(data.endpoints)) add(`endpoints.${problem.path}`, problem.message);
  return problems.length > 0 ? { problems } : { config: data, problems };
}

type AddProblem = (path: string, message: string) => void;

function checkNetwork(env: EnvironmentConfig, add: AddProblem): void {
  const { network } = env;
  const production = env.tier === 'production';
  const vpc = parseCidr(network.vpcCidr, 'network.vpcCidr', add);
  if (vpc && (vpc.prefixLength < 16 || vpc.prefixLength > 24)) {
    add('network.vpcCidr', `"${vpc.text}" has prefix /${vpc.prefixLength} (allowed: /16 to /24)`);
  }

  const zones = Object.keys(network.availabilityZones);
  const minZones = production ? MIN_PRODUCTION_AVAILABILITY_ZONES : MIN_AVAILABILITY_ZONES;
  if (zones.length < minZones) {
    add(
      'network.availabilityZones',
      `${zones.length} zone${zones.length === 1 ? '' : 's'} for a ${env.tier} environment (allowed: at least ${minZones})`,
    );
  }
  if (production && network.natGateways !== 'one-per-az') {
    add('network.natGateways', `"${network.natGateways}" in production leaves every zone depending on one NAT gateway (allowed: "one-per-az")`);
  }

  const subnets: Array<{ path: string; cidr: Ipv4Cidr }> = [];
  for (const [zone, subnetsOfZone] of Object.entries(network.availabilityZones)) {
    const zonePath = `network.availabilityZones.${zone}`;
    if (!new RegExp(`^${env.account.region}[a-z]$`).test(zone)) {
      add(zonePath, `"${zone}" is not a zone of region ${env.account.region} (allowed: ${env.account.region}a, ${env.account.region}b, ...)`);
    }
    for (const kind of ['privateSubnetCidr', 'publicSubnetCidr'] as const) {
      const path = `${zonePath}.${kind}`;
      const cidr = parseCidr(subnetsOfZone[kind], path, add);
      if (!cidr) continue;
      if (vpc && !cidrContains(vpc, cidr)) {
        add(path, `"${cidr.text}" is outside the VPC (allowed: a subnet of ${vpc.text})`);
      }
      subnets.push({ path, cidr });
    }
  }
  for (let i = 0; i < subnets.length; i++) {
    for (let j = i + 1; j < subnets.length; j++) {
      if (cidrsOverlap(subnets[i].cidr, subnets[j].cidr)) {
        add(
          subnets[j].path,
          `"${subnets[j].cidr.text}" overlaps ${subnets[i].path} "${subnets[i].cidr.text}" (allowed: non-overlapping subnets)`,
        );
      }
    }
  }
}

function checkCluster(env: EnvironmentConfig, add: AddProblem): void {
  const { cluster } = env;
  const production = env.tier === 'production';
  if (!SUPPORTED_KUBERNETES_VERSIONS.includes(cluster.kubernetesVersion)) {
    add('cluster.kubernetesVersion', `"${cluster.kubernetesVersion}" is not supported (allowed: ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')})`);
  }
  if (production && !cluster.deletionProtection) {
    add('cluster.deletionProtection', 'false in production (allowed: true)');
  }

  cluster.publicEndpointCidrs.forEach((text, index) => {
    const path = `cluster.publicEndpointCidrs[${index}]`;
    if ((OPEN_TO_THE_INTERNET as readonly string[]).includes(text)) {
      add(path, `"${text}" opens the Kubernetes API to the whole internet (allowed: specific office or VPN CIDRs)`);
      return;
    }
    parseCidr(text, path, add);
  });
  if (production && cluster.publicEndpointCidrs.length > 0) {
    add('cluster.publicEndpointCidrs', `${JSON.stringify(cluster.publicEndpointCidrs)} in production (allowed: [] — the API is reachable through the private endpoint only)`);
  }

  const groups = Object.entries(cluster.nodeGroups);
  if (groups.length === 0) add('cluster.nodeGroups', 'no node groups (allowed: at least one)');
  const namesSeen = new Map<string, string>();
  for (const [key, group] of groups) {
    const path = `cluster.nodeGroups.${key}`;
    if (!/^[a-z][a-z0-9-]{0,19}$/.test(key)) {
      add(path, `key "${key}" (allowed: lower-case letters, digits and "-", up to 20 characters, starting with a letter)`);
    }
    if (group.minSize > group.maxSize) {
      add(`${path}.minSize`, `${group.minSize} is greater than maxSize ${group.maxSize} (allowed: minSize <= desiredSize <= maxSize)`);
    }
    if (group.desiredSize < group.minSize || group.desiredSize > group.maxSize) {
      add(`${path}.desiredSize`, `${group.desiredSize} is outside ${group.minSize}..${group.maxSize} (allowed: minSize <= desiredSize <= maxSize)`);
    }
    if (production && group.minSize < MIN_PRODUCTION_NODES_PER_GROUP) {
      add(`${path}.minSize`, `${group.minSize} in production (allowed: at least ${MIN_PRODUCTION_NODES_PER_GROUP})`);
    }
    const name = nodeGroupName(cluster.name, key, group.name);
    const previous = namesSeen.get(name);
    if (previous !== undefined) {
      add(`${path}.name`, `node-group name "${name}" is also used by cluster.nodeGroups.${previous} (allowed: unique names)`);
    } else {
      namesSeen.set(name, key);
    }
  }
}

/** Production monitoring must survive a node or a zone going away (CHECKS.md 22). */
export const MIN_PRODUCTION_PROMETHEUS_REPLICAS = 2;
export const MIN_PRODUCTION_ALERTMANAGER_REPLICAS = 3;

function checkMonitoring(env: EnvironmentConfig, add: AddProblem): void {
  const { monitoring, alerting } = env;
  if (env.tier === 'production') {
    if (monitoring.prometheus.replicas < MIN_PRODUCTION_PROMETHEUS_REPLICAS) {
      add('monitoring.prometheus.replicas', `${monitoring.prometheus.replicas} in production (allowed: at least ${MIN_PRODUCTION_PROMETHEUS_REPLICAS})`);
    }
    if (monitoring.alertmanager.replicas < MIN_PRODUCTION_ALERTMANAGER_REPLICAS) {
      add('monitoring.alertmanager.replicas', `${monitoring.alertmanager.replicas} in production (allowed: at least ${MIN_PRODUCTION_ALERTMANAGER_REPLICAS})`);
    }
  }
  const receivers = Object.keys(alerting.slackReceivers);
  const checkReceiver = (path: string, name: string | undefined) => {
    if (name !== undefined && !receivers.includes(name)) {
      add(path, `receiver "${name}" is not declared in alerting.slackReceivers (allowed: ${receivers.join(', ') || 'none declared'})`);
    }
  };
  for (const [severity, name] of Object.entries(alerting.routing.bySeverity)) checkReceiver(`alerting.routing.bySeverity.${severity}`, name);
  for (const [team, byTeam] of Object.entries(alerting.routing.byTeam ?? {})) {
    if (Object.keys(byTeam).length === 0) add(`alerting.routing.byTeam.${team}`, 'a team with no channel (allowed: at least one of critical, warning, info)');
    for (const [severity, name] of Object.entries(byTeam)) checkReceiver(`alerting.routing.byTeam.${team}.${severity}`, name);
  }
  checkReceiver('alerting.routing.defaultReceiver', alerting.routing.defaultReceiver);
}

/** Asset classes the observer reports as `asset_type` (the Pyth symbol's first part). */
export const KNOWN_ASSET_TYPES = ['Crypto', 'Equity', 'FX', 'Metal', 'Rates', 'Commodities'] as const;
/** Production runs redundant observers: one pod lost must not blind the feeds. */
export const MIN_PRODUCTION_OBSERVER_REPLICAS = 2;

function checkPriceFeeds(env: EnvironmentConfig, add: AddProblem): void {
  const { priceFeeds } = env;
  const symbols = Object.keys(priceFeeds.feeds);
  if (symbols.length === 0) add('priceFeeds.feeds', 'no feeds (allowed: at least one Pyth symbol)');
  for (const symbol of symbols) {
    const assetType = symbol.split('.')[0];
    if (!/^[A-Za-z]+(\.[A-Za-z0-9]+)*\.[A-Z0-9._-]+\/[A-Z0-9]+$/.test(symbol) || !(KNOWN_ASSET_TYPES as readonly string[]).includes(assetType)) {
      add(`priceFeeds.feeds.${symbol}`, `"${symbol}" is not a Pyth symbol (allowed: <asset type>.<base>/<quote> with asset type ${KNOWN_ASSET_TYPES.join(', ')})`);
    }
  }
  if (env.tier === 'production' && priceFeeds.observer.replicas < MIN_PRODUCTION_OBSERVER_REPLICAS) {
    add('priceFeeds.observer.replicas', `${priceFeeds.observer.replicas} in production (allowed: at least ${MIN_PRODUCTION_OBSERVER_REPLICAS})`);
  }
}

/** The EKS node-group name of a group: its explicit name, else `<cluster>-<key>`. */
export function nodeGroupName(clusterName: string, key: string, explicitName?: string): string {
  return explicitName ?? `${clusterName}-${key}`;
}

function crossEnvironmentProblems(environments: readonly EnvironmentConfig[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const clusterOwners = new Map<string, string>();
  for (const env of environments) {
    const key = `${env.account.id}/${env.account.region}/${env.cluster.name}`;
    const owner = clusterOwners.get(key);
    if (owner) {
      problems.push({
        environment: env.name,
        path: 'cluster.name',
        message: `"${env.cluster.name}" is also the cluster of ${owner} in the same account and region (allowed: a unique name)`,
      });
    } else {
      clusterOwners.set(key, env.name);
    }
  }
  return problems;
}

function parseCidr(text: string, path: string, add: AddProblem): Ipv4Cidr | undefined {
  const parsed = parseIpv4Cidr(text);
  if (typeof parsed === 'string') {
    add(path, `${parsed} (allowed: an IPv4 CIDR such as 10.0.0.0/16)`);
    return undefined;
  }
  return parsed;
}

// ---- turning zod's structural issues into `environment: path: problem (allowed: ...)` lines ----

function structuralProblems(environment: string, issue: z.core.$ZodIssue, root: z.core.$ZodType, raw?: unknown): ConfigProblem[] {
  const path = formatPath(issue.path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(root, issue.path, raw);
      return issue.keys.map((key) => ({
        environment,
        path: formatPath([...issue.path, key]),
        message: `unknown field (allowed: ${allowed.join(', ')})`,
      }));
    }
    case 'invalid_type':
      return [{ environment, path, message: input === undefined ? `is missing (allowed: ${issue.expected})` : `${describe(input)} (allowed: ${issue.expected})` }];
    case 'invalid_value':
      return [{ environment, path, message: `${describe(input)} (allowed: ${issue.values.map((v) => JSON.stringify(v)).join(', ')})` }];
    case 'too_small':
      return [{ environment, path, message: `${sizeOf(input)} (allowed: ${issue.inclusive === false ? 'above' : 'at least'} ${String(issue.minimum)})` }];
    case 'too_big':
      return [{ environment, path, message: `${sizeOf(input)} (allowed: ${issue.inclusive === false ? 'below' : 'at most'} ${String(issue.maximum)})` }];
    // A tagged union (e.g. an endpoint's `kind`) with an unknown tag: name the tag's value and the known ones.
    case 'invalid_union': {
      const union = issue as z.core.$ZodIssueInvalidUnion & { discriminator?: string; options?: unknown[] };
      if (union.discriminator) {
        const tag = (input as Record<string, unknown> | undefined)?.[union.discriminator];
        return [{ environment, path, message: `${describe(tag)} (allowed: ${(union.options ?? []).map((o) => JSON.stringify(o)).join(', ')})` }];
      }
      return [{ environment, path, message: `${describe(input)} ${issue.message}` }];
    }
    // A record key that fails its own rule (e.g. an endpoint name): report the key's rule.
    case 'invalid_key':
      return [{ environment, path, message: `key ${describe(input)} ${issue.issues.map((inner) => inner.message).join('; ')}` }];
    default:
      return [{ environment, path, message: `${describe(input)} ${issue.message}` }];
  }
}

/** A deep copy of `raw` without the keys zod reported as unrecognized. */
function withoutKeys(raw: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  const copy = structuredClone(raw) as Record<string, unknown>;
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parent = issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)[key], copy) as Record<string, unknown>;
    for (const key of issue.keys) delete parent[key];
  }
  return copy;
}

/** `raw` is the whole input: a tagged union on the way (an endpoint's `kind`) is resolved by the value's tag. */
function allowedKeysAt(root: z.core.$ZodType, path: readonly PropertyKey[], raw?: unknown): string[] {
  let schema: z.core.$ZodType | undefined = root;
  let value = raw;
  for (const segment of path) {
    schema = schema ? unionOption(unwrap(schema), value) : undefined;
    schema = schema ? childSchema(schema, segment) : undefined;
    value = (value as Record<PropertyKey, unknown> | undefined)?.[segment];
  }
  schema = schema ? unwrap(schema) : undefined;
  schema = schema ? unionOption(schema, value) : undefined;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function childSchema(schema: z.core.$ZodType, segment: PropertyKey): z.core.$ZodType | undefined {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) return inner.shape[String(segment)];
  if (inner instanceof z.ZodRecord) return inner.def.valueType;
  if (inner instanceof z.ZodArray) return inner.def.element;
  return undefined;
}

/** The option of a tagged union that `value`'s tag selects (e.g. the http endpoint schema for kind "http"). */
function unionOption(schema: z.core.$ZodType, value: unknown): z.core.$ZodType | undefined {
  if (!(schema instanceof z.ZodDiscriminatedUnion)) return schema;
  const tag = (value as Record<string, unknown> | undefined)?.[schema.def.discriminator];
  return schema.options.find((option) => option instanceof z.ZodObject && (option.shape[schema.def.discriminator] as z.ZodLiteral)?.def.values.includes(tag as never));
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
    current = current.def.innerType;
  }
  return current;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text ? `${text}.${String(segment)}` : String(segment);
  }, '');
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `a list`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function sizeOf(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} entries`;
  if (typeof value === 'string') return `${JSON.stringify(value)} (${value.length} characters)`;
  return describe(value);
}
