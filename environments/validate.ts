import type { z } from 'zod';
import { CONFIG_PARSE, schemaProblems } from '../constructs/core/schema-problems';
import { ValidationError, type ValidationProblem } from '../constructs/core/validation-error';
import { resolveParsed } from '../constructs/price-feeds/resolve';
import { OPEN_TO_THE_INTERNET, cidrContains, cidrsOverlap, Ipv4Cidr, parseIpv4Cidr } from '../constructs/core/cidr';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../constructs/core/kubernetes-version';
import { endpointProblems } from '../constructs/endpoints/validate-endpoints';
import { type DeliveryConfig, deliverySchema } from './delivery';
import { EnvironmentFileFailure } from './load';
import { COST_CENTER_TAG, EnvironmentConfig, environmentSchema } from './schema';
import { environmentNamePrefixes, environmentResourceNames, type EnvironmentResourceName, type NameSpace } from '../stacks/naming';

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

/** The parts of an environment that passed the schema: checks run on every part they need, even if others failed. */
type Sections = Partial<EnvironmentConfig>;

/**
 * Validates every environment (keyed by the name it is registered under) and the delivery settings, and returns
 * them typed. Collects all problems before failing, so one run shows everything to fix: the schema, the checks
 * within an environment and the checks across environments all run on whatever parts of each file are valid.
 */
export function validateEnvironments(raw: Readonly<Record<string, unknown>>, rawDelivery: unknown): ValidatedConfig {
  const problems: ConfigProblem[] = [];
  const valid: EnvironmentConfig[] = [];
  const sectionsByEnvironment: Array<[string, Sections]> = [];
  for (const [label, config] of Object.entries(raw)) {
    const result = validateEnvironment(label, config);
    problems.push(...result.problems);
    sectionsByEnvironment.push([label, result.sections]);
    if (result.config) valid.push(result.config);
  }
  const delivery = deliverySchema.safeParse(rawDelivery, CONFIG_PARSE);
  if (!delivery.success) problems.push(...schemaProblems('delivery', delivery.error.issues, deliverySchema));
  problems.push(...accountProblems(sectionsByEnvironment, deliveryAccounts(rawDelivery)));
  problems.push(...crossEnvironmentProblems(sectionsByEnvironment));
  if (problems.length > 0 || !delivery.success) throw new ValidationError(problems, 'environment configuration');
  return { environments: valid, delivery: delivery.data };
}

/** Validates one environment; `label` names it in messages (the key it is registered under). */
export function validateEnvironment(
  label: string,
  raw: unknown,
): { config?: EnvironmentConfig; sections: Sections; problems: ConfigProblem[] } {
  if (raw instanceof EnvironmentFileFailure) return { sections: {}, problems: [{ scope: label, path: raw.file, message: raw.message }] };
  const problems: ConfigProblem[] = [];
  const sections = parseSections(label, raw, problems);
  const add = (path: string, message: string) => problems.push({ scope: label, path, message });
  if (sections.name !== undefined && sections.name !== label) {
    add('name', `"${sections.name}" differs from the name the environment is registered under (allowed: "${label}")`);
  }
  const network = pick(sections, ['network', 'account', 'tier']);
  if (network) checkNetwork(network, add);
  const cluster = pick(sections, ['cluster', 'tier']);
  if (cluster) checkCluster(cluster, add);
  const monitoring = pick(sections, ['monitoring', 'alerting', 'tier']);
  if (monitoring) checkMonitoring(monitoring, add);
  const priceFeeds = pick(sections, ['priceFeeds', 'alerting', 'tier']);
  if (priceFeeds) checkPriceFeeds(label, priceFeeds, add);
  // Endpoint probes: cross-endpoint rules owned by the endpoint pack.
  const endpoints = pick(sections, ['endpoints']);
  if (endpoints) for (const problem of endpointProblems(endpoints.endpoints)) add(`endpoints.${problem.path}`, problem.message);
  return problems.length > 0 ? { sections, problems } : { config: sections as EnvironmentConfig, sections, problems };
}

/**
 * Parses the whole environment; when that fails, reports zod's issues and parses each top-level section on its own
 * (unknown fields dropped), so a mistake in one section does not hide the problems of the others.
 */
function parseSections(label: string, raw: unknown, problems: ConfigProblem[]): Sections {
  const parsed = environmentSchema.safeParse(raw, CONFIG_PARSE);
  if (parsed.success) return parsed.data;
  problems.push(...schemaProblems(label, parsed.error.issues, environmentSchema, [], raw));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const cleaned = withoutKeys(raw, parsed.error.issues) as Record<string, unknown>;
  const sections: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(environmentSchema.shape)) {
    const section = (schema as z.ZodType).safeParse(cleaned[key], CONFIG_PARSE);
    if (section.success && section.data !== undefined) sections[key] = section.data;
  }
  return sections as Sections;
}

/** The sections `keys` of an environment when all of them passed the schema. */
function pick<K extends keyof EnvironmentConfig>(sections: Sections, keys: readonly K[]): Pick<EnvironmentConfig, K> | undefined {
  return keys.every((key) => sections[key] !== undefined) ? (sections as Pick<EnvironmentConfig, K>) : undefined;
}

type AddProblem = (path: string, message: string) => void;

function checkNetwork(env: Pick<EnvironmentConfig, 'network' | 'account' | 'tier'>, add: AddProblem): void {
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

function checkCluster(env: Pick<EnvironmentConfig, 'cluster' | 'tier'>, add: AddProblem): void {
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

function checkMonitoring(env: Pick<EnvironmentConfig, 'monitoring' | 'alerting' | 'tier'>, add: AddProblem): void {
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

function checkPriceFeeds(environment: string, env: Pick<EnvironmentConfig, 'priceFeeds' | 'alerting' | 'tier'>, add: AddProblem): void {
  const { priceFeeds } = env;
  if (env.tier === 'production' && priceFeeds.observer.replicas < MIN_PRODUCTION_OBSERVER_REPLICAS) {
    add('priceFeeds.observer.replicas', `${priceFeeds.observer.replicas} in production (allowed: at least ${MIN_PRODUCTION_OBSERVER_REPLICAS})`);
  }
  // The pack's own resolve step checks what only the merged values show (e.g. abandoned beyond stale, per feed).
  try {
    resolveParsed(priceFeeds, { environment, runbookBaseUrl: env.alerting.runbookBaseUrl, pathPrefix: 'priceFeeds' });
  } catch (error) {
    if (!ValidationError.isValidationError(error)) throw error;
    for (const problem of error.problems) add(problem.path, problem.message);
  }
}

/** The EKS node-group name of a group: its explicit name, else `<cluster>-<key>`. */
export function nodeGroupName(clusterName: string, key: string, explicitName?: string): string {
  return explicitName ?? `${clusterName}-${key}`;
}

/** The accounts an environment may live in: the delivery account and `delivery.accounts`, as far as they are valid. */
function deliveryAccounts(rawDelivery: unknown): string[] | undefined {
  const raw = (typeof rawDelivery === 'object' && rawDelivery !== null ? rawDelivery : {}) as Record<string, unknown>;
  const accountId = deliverySchema.shape.accountId.safeParse(raw.accountId, CONFIG_PARSE);
  const accounts = deliverySchema.shape.accounts.safeParse(raw.accounts, CONFIG_PARSE);
  if (!accountId.success) return undefined;
  return [accountId.data, ...Object.keys(accounts.success ? (accounts.data ?? {}) : {})];
}

/** One bootstrap per account: an environment's account is the delivery account or one listed in delivery.accounts. */
function accountProblems(environments: ReadonlyArray<[string, Sections]>, accounts: string[] | undefined): ConfigProblem[] {
  if (!accounts) return [];
  return environments.flatMap(([label, { account }]) =>
    account && !accounts.includes(account.id)
      ? [{ scope: label, path: 'account.id', message: `"${account.id}" is neither the delivery account nor in delivery.accounts (allowed: ${accounts.map((a) => `"${a}"`).join(', ')})` }]
      : [],
  );
}

/**
 * What must differ between environments, checked on every environment whose parts passed the schema:
 * - every name AWS keeps unique per account (IAM, state keys) or per account and region (EKS cluster, KMS aliases,
 *   log groups, CodeBuild projects), and no environment's name may fall under the name patterns another
 *   environment's apply role manages (`<cluster>-*`);
 * - the identity of an environment: its Slack channels, its heartbeat, its cost-center tag. A copied file that
 *   keeps another environment's would page the wrong channel, keep the other's dead-man's switch green, or bill it.
 * Each problem is reported on the later environment (registry order) and names the earlier one.
 */
function crossEnvironmentProblems(environments: ReadonlyArray<[string, Sections]>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen: Array<[string, Sections]> = [];
  for (const [label, env] of environments) {
    const add = (path: string, message: string) => problems.push({ scope: label, path, message });
    for (const [other, otherEnv] of seen) {
      checkNames(label, env, other, otherEnv, add);
      checkIdentity(env, other, otherEnv, add);
    }
    seen.push([label, env]);
  }
  return problems;
}

function checkNames(label: string, env: Sections, other: string, otherEnv: Sections, add: AddProblem): void {
  if (!env.account || !env.cluster || !otherEnv.account || !otherEnv.cluster) return;
  if (env.account.id !== otherEnv.account.id) return;
  const sameRegion = env.account.region === otherEnv.account.region;
  const relevant = (space: NameSpace) => space === 'account' || sameRegion;
  const where = (space: NameSpace) => (space === 'account' ? `account ${env.account!.id}` : `account ${env.account!.id}, ${env.account!.region}`);
  const mine = environmentResourceNames(label, env.cluster.name).filter((name) => relevant(name.space));
  const theirs = environmentResourceNames(other, otherEnv.cluster.name).filter((name) => relevant(name.space));
  const clashes = mine.filter((name) => theirs.some((their) => their.kind === name.kind && their.name === name.name));
  const mineUnderTheirs = mine.filter((name) =>
    environmentNamePrefixes(other, otherEnv.cluster!.name).some((prefix) => prefix.kind === name.kind && relevant(prefix.space) && name.name.startsWith(prefix.name)),
  );
  const theirsUnderMine = theirs.filter((name) =>
    environmentNamePrefixes(label, env.cluster!.name).some((prefix) => prefix.kind === name.kind && relevant(prefix.space) && name.name.startsWith(prefix.name)),
  );
  const list = (names: EnvironmentResourceName[]) => {
    const shown = names.slice(0, 4).map((name) => `${name.kind} ${name.name}`).join(', ');
    return names.length > 4 ? `${shown} and ${names.length - 4} more` : shown;
  };
  const allowed = `(allowed: a cluster name no other environment of the account uses or extends, e.g. "feedops-${label}")`;
  if (clashes.length > 0) {
    add('cluster.name', `"${env.cluster.name}" gives ${label} the same names as ${other} (cluster.name "${otherEnv.cluster.name}") in ${where(clashes[0].space)}: ${list(clashes)} ${allowed}`);
    return;
  }
  if (theirsUnderMine.length > 0) {
    add('cluster.name', `"${env.cluster.name}" lets the ${label} apply role manage names of ${other} (cluster.name "${otherEnv.cluster.name}"): ${list(theirsUnderMine)} ${allowed}`);
  }
  if (mineUnderTheirs.length > 0) {
    add('cluster.name', `"${env.cluster.name}" puts names of ${label} under the ${other} apply role (cluster.name "${otherEnv.cluster.name}"): ${list(mineUnderTheirs)} ${allowed}`);
  }
}

function checkIdentity(env: Sections, other: string, otherEnv: Sections, add: AddProblem): void {
  if (env.alerting && otherEnv.alerting) {
    const channels = new Map(Object.entries(otherEnv.alerting.slackReceivers).map(([receiver, { channel }]) => [channel, receiver]));
    for (const [receiver, { channel }] of Object.entries(env.alerting.slackReceivers)) {
      const theirs = channels.get(channel);
      if (theirs !== undefined) {
        add(`alerting.slackReceivers.${receiver}.channel`, `"${channel}" is also the channel of ${other} (alerting.slackReceivers.${theirs}) (allowed: this environment's own channel)`);
      }
    }
    if (env.alerting.heartbeat.url === otherEnv.alerting.heartbeat.url) {
      add('alerting.heartbeat.url', `"${env.alerting.heartbeat.url}" is also the heartbeat of ${other}: its dead-man's switch would stay green while ${other} is down (allowed: this environment's own heartbeat)`);
    }
  }
  const costCenter = env.tags?.[COST_CENTER_TAG];
  if (costCenter !== undefined && costCenter === otherEnv.tags?.[COST_CENTER_TAG]) {
    add(`tags.${COST_CENTER_TAG}`, `"${costCenter}" is also the cost center of ${other} (allowed: this environment's own cost center)`);
  }
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
  let copy: Record<string, unknown>;
  try {
    copy = structuredClone(raw) as Record<string, unknown>;
  } catch {
    return raw; // not plain data (e.g. a function in it): the schema has already said where
  }
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parent = issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)[key], copy) as Record<string, unknown>;
    for (const key of issue.keys) delete parent[key];
  }
  return copy;
}
