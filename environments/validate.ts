import type { z } from 'zod';
import { schemaProblems } from '../constructs/core/schema-problems';
import { ValidationError, type ValidationProblem } from '../constructs/core/validation-error';
import { resolveParsed } from '../constructs/price-feeds/resolve';
import { OPEN_TO_THE_INTERNET, cidrContains, cidrsOverlap, Ipv4Cidr, parseIpv4Cidr } from '../constructs/core/cidr';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../constructs/core/kubernetes-version';
import { endpointProblems } from '../constructs/endpoints/validate-endpoints';
import { DeliveryConfig, deliverySchema } from './delivery';
import { EnvironmentConfig, environmentSchema } from './schema';

/** One problem in one environment's configuration: `scope` is the environment (or `delivery`). */
export type ConfigProblem = ValidationProblem;

/** The error of invalid configuration: the library's one ValidationError, listing every problem. */
export const EnvironmentConfigError = ValidationError;
export type EnvironmentConfigError = ValidationError;

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
    problems.push(...schemaProblems('delivery', delivery.error.issues, deliverySchema));
  } else {
    for (const env of valid) {
      // One bootstrap per account: an environment's account is the delivery account or one listed in delivery.accounts.
      const accounts = [delivery.data.accountId, ...Object.keys(delivery.data.accounts ?? {})];
      if (!accounts.includes(env.account.id)) {
        problems.push({
          scope: env.name,
          path: 'account.id',
          message: `"${env.account.id}" is neither the delivery account nor in delivery.accounts (allowed: ${accounts.map((a) => `"${a}"`).join(', ')})`,
        });
      }
    }
  }
  problems.push(...crossEnvironmentProblems(valid));
  if (problems.length > 0 || !delivery.success) throw new ValidationError(problems, 'environment configuration');
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
    problems.push(...schemaProblems(label, parsed.error.issues, environmentSchema, [], raw));
    // A typo (unknown field) alone must not hide the other problems: drop the unknown fields and check the rest.
    const withoutUnknownFields = parsed.error.issues.every((issue) => issue.code === 'unrecognized_keys')
      ? environmentSchema.safeParse(withoutKeys(raw, parsed.error.issues))
      : undefined;
    if (!withoutUnknownFields?.success) return { problems };
    data = withoutUnknownFields.data;
  }
  const add = (path: string, message: string) => problems.push({ scope: label, path, message });
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

/** Production runs redundant observers: one pod lost must not blind the feeds. */
export const MIN_PRODUCTION_OBSERVER_REPLICAS = 2;

function checkPriceFeeds(env: EnvironmentConfig, add: AddProblem): void {
  const { priceFeeds } = env;
  if (env.tier === 'production' && priceFeeds.observer.replicas < MIN_PRODUCTION_OBSERVER_REPLICAS) {
    add('priceFeeds.observer.replicas', `${priceFeeds.observer.replicas} in production (allowed: at least ${MIN_PRODUCTION_OBSERVER_REPLICAS})`);
  }
  // The pack's own resolve step checks what only the merged values show (e.g. abandoned beyond stale, per feed).
  try {
    resolveParsed(priceFeeds, { environment: env.name, runbookBaseUrl: env.alerting.runbookBaseUrl, pathPrefix: 'priceFeeds' });
  } catch (error) {
    if (!ValidationError.isValidationError(error)) throw error;
    for (const problem of error.problems) add(problem.path, problem.message);
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
        scope: env.name,
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
