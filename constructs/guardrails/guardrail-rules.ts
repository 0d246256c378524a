/**
 * The CHECKS.md invariants a construct user can break, as checks over a stack's synthesized Terraform JSON (the
 * `cdk.tf.json` content). Each offence names the resource address, the construct path, the rule and what to change.
 * Values that are still references (`${aws_iam_policy_document.x.json}`) cannot be read at synth and are not judged.
 */

/** The rule ids, each with the CHECKS.md item and scanner ids it mirrors. */
export const GUARDRAIL_RULES = {
  EKS_PUBLIC_ENDPOINT: 'CHECKS.md 3 (CKV_AWS_38/39): an EKS public endpoint is off, or an allow-list without 0.0.0.0/0 or ::/0',
  EKS_PRIVATE_ENDPOINT: 'CHECKS.md 3 (CKV_AWS_39): the EKS private endpoint is on',
  IMDS_TOKENS_REQUIRED: 'CHECKS.md 5 (CKV_AWS_79): launch templates require IMDSv2 tokens',
  IMDS_HOP_LIMIT: 'CHECKS.md 5 (CKV_AWS_341): launch templates set the IMDS hop limit to 1',
  KMS_KEY_ROTATION: 'CHECKS.md 1 (CKV_AWS_7): KMS keys rotate',
  KMS_DELETION_WINDOW: 'CHECKS.md 1 (CKV_AWS_33): KMS key deletion windows are at least 7 days',
  S3_ENCRYPTION: 'CHECKS.md 13 (CKV_AWS_145): every S3 bucket has a server-side encryption configuration',
  S3_PUBLIC_ACCESS_BLOCK: 'CHECKS.md 13 (CKV_AWS_53-56): every S3 bucket has all four public-access blocks',
  IAM_WILDCARD_ACTION: 'CHECKS.md 7 (CKV_AWS_62/63/355): no IAM statement allows * or service:* actions',
  IAM_PASSROLE_ANY_RESOURCE: 'CHECKS.md 7 (CKV_AWS_274): no iam:PassRole on *',
  IAM_ANY_PRINCIPAL: 'CHECKS.md 7 (CKV_AWS_60/61): no policy or trust allows every principal (*)',
  IAM_ADMIN_POLICY: 'CHECKS.md 7 (CKV_AWS_274): no AdministratorAccess or *FullAccess attachment',
  SECURITY_GROUP_OPEN_INGRESS: 'CHECKS.md 9 (CKV_AWS_24/25): no security-group ingress from 0.0.0.0/0 or ::/0',
  POD_SECURITY_RESTRICTED: 'CHECKS.md 19/21 (Pod Security "restricted"): workloads run non-root, unprivileged, read-only, no host namespaces',
  IMAGE_TAG_PINNED: 'CHECKS.md 20: every container image has a pinned tag or digest (not latest)',
  SECRET_IN_OUTPUT: 'CHECKS.md 15: no secret-shaped value in the synthesized output',
} as const;

export type GuardrailRuleId = keyof typeof GUARDRAIL_RULES;

/** One broken rule on one resource. */
export interface GuardrailOffence {
  readonly ruleId: GuardrailRuleId;
  /** Terraform address, e.g. `aws_launch_template.nodes_launch-template_1A2B3C4D`. */
  readonly address: string;
  /** Construct path of the resource, e.g. `payments/nodes/launch-template`. */
  readonly constructPath: string;
  /** What is wrong. */
  readonly problem: string;
  /** What to change. */
  readonly fix: string;
}

type Json = Record<string, any>;
interface Element {
  readonly address: string;
  readonly type: string;
  readonly constructPath: string;
  readonly config: Json;
}

const OPEN_CIDRS = ['0.0.0.0/0', '::/0'];
const WORKLOAD_POD_SPECS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
/** What a leaked secret looks like (CHECKS.md 15); a `sha256:` image digest is not a key. */
const SECRET_PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ['a Slack incoming webhook', /hooks\.slack\.com\/services\//i],
  ['a Slack token', /xox[abprs]-[0-9A-Za-z-]+/],
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['an AWS access key', /\b(AKIA|ASIA)[0-9A-Z]{16}\b/],
];
const RAW_HEX_KEY = /\b(0x)?([0-9a-fA-F]{64})\b/g;
/** What a 64-hex image digest follows: not a key. Checked at each match (a lookbehind in the pattern doubles the scan). */
const DIGEST_PREFIX = 'sha256:';
/** A public identifier shaped like a raw key (a Pyth price feed id), as `Guardrails.allowPublicIdentifiers` takes it. */
export const PUBLIC_IDENTIFIER_PATTERN = /^[0-9a-f]{64}$/;

/** 64-hex values a construct declared public, for the resources at `path` and below. */
export interface PublicIdentifiers {
  readonly path: string;
  readonly values: readonly string[];
}

export interface CheckOptions {
  /** @default [] - every 64-hex value is reported */
  readonly publicIdentifiers?: readonly PublicIdentifiers[];
}
const POLICY_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['aws_iam_role', 'assume_role_policy'],
  ['aws_iam_role_policy', 'policy'],
  ['aws_iam_user_policy', 'policy'],
  ['aws_iam_group_policy', 'policy'],
  ['aws_iam_policy', 'policy'],
  ['aws_kms_key', 'policy'],
  ['aws_s3_bucket_policy', 'policy'],
];
const POLICY_ATTACHMENTS = ['aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment'];

/** Every offence in one synthesized stack, in resource order. */
export function checkSynthesizedStack(tf: Json, options: CheckOptions = {}): GuardrailOffence[] {
  const elements = elementsOf(tf);
  const offences: GuardrailOffence[] = [];
  const report = (element: Element, ruleId: GuardrailRuleId, problem: string, fix: string) =>
    offences.push({ ruleId, address: element.address, constructPath: element.constructPath, problem, fix });
  const ofType = (type: string) => elements.filter((element) => element.type === type);

  for (const cluster of ofType('aws_eks_cluster')) checkEksEndpoint(cluster, report);
  for (const template of ofType('aws_launch_template')) checkLaunchTemplate(template, report);
  for (const key of ofType('aws_kms_key')) checkKmsKey(key, report);
  checkBuckets(ofType('aws_s3_bucket'), elements, report);
  for (const [type, field] of POLICY_FIELDS) for (const element of ofType(type)) checkPolicy(element, field, element.config[field], report);
  for (const role of ofType('aws_iam_role')) {
    for (const inline of asArray<Json>(role.config.inline_policy)) checkPolicy(role, 'inline_policy.policy', inline.policy, report);
    for (const arn of asArray<string>(role.config.managed_policy_arns)) checkAttachedPolicy(role, arn, report);
  }
  for (const type of POLICY_ATTACHMENTS) for (const attachment of ofType(type)) checkAttachedPolicy(attachment, attachment.config.policy_arn, report);
  for (const element of elements) checkSecurityGroupIngress(element, report);
  for (const manifest of ofType('kubernetes_manifest')) checkWorkload(manifest, report);
  const publicIn = (path: string) =>
    new Set((options.publicIdentifiers ?? []).filter((entry) => path === entry.path || path.startsWith(`${entry.path}/`)).flatMap((entry) => entry.values));
  for (const element of elements) checkSecrets(element, publicIn(element.constructPath), report);
  return offences;
}

type Report = (element: Element, ruleId: GuardrailRuleId, problem: string, fix: string) => void;

function checkEksEndpoint(cluster: Element, report: Report): void {
  const vpc = asArray<Json>(cluster.config.vpc_config)[0] ?? {};
  if (vpc.endpoint_private_access !== true) {
    report(cluster, 'EKS_PRIVATE_ENDPOINT', 'vpc_config.endpoint_private_access is not true', 'set endpointPrivateAccess: true so nodes reach the API inside the VPC');
  }
  // EKS defaults: public access on, from 0.0.0.0/0.
  if (vpc.endpoint_public_access === false) return;
  const cidrs = asArray<string>(vpc.public_access_cidrs);
  const open = cidrs.length === 0 ? ['0.0.0.0/0 (the default)'] : cidrs.filter((cidr) => OPEN_CIDRS.includes(cidr));
  if (open.length > 0) {
    report(cluster, 'EKS_PUBLIC_ENDPOINT', `the public endpoint is open to ${open.join(', ')}`, 'turn the public endpoint off, or list the CIDRs that may reach it (no 0.0.0.0/0 or ::/0)');
  }
}

function checkLaunchTemplate(template: Element, report: Report): void {
  const metadata = asArray<Json>(template.config.metadata_options)[0] ?? {};
  if (metadata.http_tokens !== 'required') {
    report(template, 'IMDS_TOKENS_REQUIRED', `metadata_options.http_tokens is ${show(metadata.http_tokens)}`, 'set metadata_options.http_tokens to "required" (IMDSv2 only)');
  }
  if (metadata.http_put_response_hop_limit !== 1) {
    report(
      template,
      'IMDS_HOP_LIMIT',
      `metadata_options.http_put_response_hop_limit is ${show(metadata.http_put_response_hop_limit)}`,
      'set metadata_options.http_put_response_hop_limit to 1, so pods cannot reach the node role through IMDS',
    );
  }
}

function checkKmsKey(key: Element, report: Report): void {
  if (key.config.enable_key_rotation !== true) report(key, 'KMS_KEY_ROTATION', `enable_key_rotation is ${show(key.config.enable_key_rotation)}`, 'set enable_key_rotation to true');
  const window = key.config.deletion_window_in_days;
  if (typeof window === 'number' && window < 7) report(key, 'KMS_DELETION_WINDOW', `deletion_window_in_days is ${window}`, 'set deletion_window_in_days to at least 7 (30 is the default)');
}

function checkBuckets(buckets: readonly Element[], elements: readonly Element[], report: Report): void {
  const bucketOf = (element: Element) => String(element.config.bucket ?? '');
  const refersTo = (bucket: Element, value: string) =>
    new RegExp(`^\\$\\{${escape(bucket.address)}\\.(id|bucket)\\}$`).test(value) || (typeof bucket.config.bucket === 'string' && value === bucket.config.bucket);
  const configurationsOf = (type: string, bucket: Element) => elements.filter((element) => element.type === type && refersTo(bucket, bucketOf(element)));
  for (const bucket of buckets) {
    if (configurationsOf('aws_s3_bucket_server_side_encryption_configuration', bucket).length === 0) {
      report(bucket, 'S3_ENCRYPTION', 'no aws_s3_bucket_server_side_encryption_configuration refers to this bucket', 'add one with SSE-KMS (an EncryptionKey of the stack)');
    }
    const blocks = configurationsOf('aws_s3_bucket_public_access_block', bucket);
    const complete = blocks.some((block) => ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'].every((field) => block.config[field] === true));
    if (!complete) {
      report(bucket, 'S3_PUBLIC_ACCESS_BLOCK', 'no aws_s3_bucket_public_access_block with all four blocks true refers to this bucket', 'add one with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets true');
    }
  }
}

function checkPolicy(element: Element, field: string, text: unknown, report: Report): void {
  if (typeof text !== 'string' || !text.trim().startsWith('{')) return;
  let policy: Json;
  try {
    policy = JSON.parse(text);
  } catch {
    return;
  }
  for (const statement of asArray<Json>(policy.Statement)) {
    if (statement.Effect !== 'Allow') continue;
    const where = `${field} statement ${statement.Sid ?? '(no Sid)'}`;
    const actions = asArray<string>(statement.Action);
    const targets = asArray<string>(statement.Resource);
    const wildcard = actions.find((action) => action === '*' || /^[a-z0-9-]+:\*$/i.test(action));
    if (wildcard) report(element, 'IAM_WILDCARD_ACTION', `${where} allows ${wildcard}`, 'list the actions the principal needs');
    if (actions.some((action) => /^iam:(PassRole|\*)$/i.test(action)) && targets.includes('*')) {
      report(element, 'IAM_PASSROLE_ANY_RESOURCE', `${where} allows iam:PassRole on *`, 'name the role ARNs that may be passed');
    }
    const principal = statement.Principal;
    if (principal === '*' || asArray(principal?.AWS).includes('*')) {
      report(element, 'IAM_ANY_PRINCIPAL', `${where} allows every principal (*)`, 'name the principals (accounts, roles, services) and add conditions');
    }
  }
}

function checkAttachedPolicy(element: Element, arn: unknown, report: Report): void {
  if (typeof arn === 'string' && /(AdministratorAccess|FullAccess)$/.test(arn)) {
    report(element, 'IAM_ADMIN_POLICY', `attaches ${arn}`, 'attach a policy with the actions and resources the principal needs');
  }
}

function checkSecurityGroupIngress(element: Element, report: Report): void {
  const fix = 'allow ingress from the security groups or CIDRs that need it, never the whole internet';
  if (element.type === 'aws_security_group') {
    for (const rule of asArray<Json>(element.config.ingress)) {
      const open = [...asArray<string>(rule.cidr_blocks), ...asArray<string>(rule.ipv6_cidr_blocks)].filter((cidr) => OPEN_CIDRS.includes(cidr));
      if (open.length > 0) report(element, 'SECURITY_GROUP_OPEN_INGRESS', `an ingress rule allows ${open.join(', ')}`, fix);
    }
    return;
  }
  const ingress = element.type === 'aws_vpc_security_group_ingress_rule' || (element.type === 'aws_security_group_rule' && element.config.type === 'ingress');
  if (!ingress) return;
  const sources = [...asArray<string>(element.config.cidr_blocks), ...asArray<string>(element.config.ipv6_cidr_blocks), element.config.cidr_ipv4, element.config.cidr_ipv6];
  const open = sources.filter((cidr) => OPEN_CIDRS.includes(cidr));
  if (open.length > 0) report(element, 'SECURITY_GROUP_OPEN_INGRESS', `ingress from ${open.join(', ')}`, fix);
}

function checkWorkload(element: Element, report: Report): void {
  const manifest: Json = element.config.manifest ?? {};
  const specPath = WORKLOAD_POD_SPECS[String(manifest.kind)];
  if (!specPath) return;
  const pod: Json = specPath.reduce<Json>((value, key) => value?.[key], manifest) ?? {};
  const object = `${manifest.kind} ${manifest.metadata?.name ?? '(unnamed)'}`;
  const missing: string[] = [];
  if (pod.securityContext?.runAsNonRoot !== true) missing.push('securityContext.runAsNonRoot: true');
  if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault') missing.push('securityContext.seccompProfile.type: RuntimeDefault');
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) if (pod[field] === true) missing.push(`${field}: false`);
  if (asArray<Json>(pod.volumes).some((volume) => volume.hostPath)) missing.push('no hostPath volumes');
  const containers = [...asArray<Json>(pod.initContainers), ...asArray<Json>(pod.containers)];
  for (const container of containers) {
    const context: Json = container.securityContext ?? {};
    const at = `container ${container.name}`;
    if (context.allowPrivilegeEscalation !== false) missing.push(`${at}: securityContext.allowPrivilegeEscalation: false`);
    if (context.privileged === true) missing.push(`${at}: securityContext.privileged: false`);
    if (!asArray<string>(context.capabilities?.drop).includes('ALL')) missing.push(`${at}: securityContext.capabilities.drop: [ALL]`);
    if (context.readOnlyRootFilesystem !== true) missing.push(`${at}: securityContext.readOnlyRootFilesystem: true`);
    if (asArray<Json>(container.ports).some((port) => port.hostPort !== undefined)) missing.push(`${at}: no hostPort`);
    if (!isPinnedImage(container.image)) {
      report(element, 'IMAGE_TAG_PINNED', `${object} ${at} runs image ${show(container.image)}`, 'pin the image to an exact version tag or a sha256 digest (not latest)');
    }
  }
  if (missing.length > 0) {
    report(element, 'POD_SECURITY_RESTRICTED', `${object} breaks Pod Security "restricted"`, `set ${missing.join('; ')} (restrictedPodSecurityContext() and RESTRICTED_CONTAINER_SECURITY_CONTEXT give them)`);
  }
}

function isPinnedImage(image: unknown): boolean {
  if (typeof image !== 'string' || image === '') return false;
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const lastSegment = image.split('/').pop() ?? '';
  const tag = lastSegment.includes(':') ? lastSegment.split(':').pop() : undefined;
  return tag !== undefined && tag !== '' && tag !== 'latest';
}

function checkSecrets(element: Element, publicValues: ReadonlySet<string>, report: Report): void {
  const text = JSON.stringify(element.config);
  const fix = 'keep the value in Secrets Manager and sync it with SyncedSecret; reference it by name';
  for (const [name, pattern] of SECRET_PATTERNS) {
    if (pattern.test(text)) report(element, 'SECRET_IN_OUTPUT', `holds what looks like ${name}`, fix);
  }
  // Only the exact values declared public here pass (Guardrails.allowPublicIdentifiers), in any case, with or without 0x.
  const undeclared = [...text.matchAll(RAW_HEX_KEY)].filter(
    (match) => !isDigest(text, match.index) && !publicValues.has(match[2].toLowerCase()),
  );
  if (undeclared.length > 0) {
    report(element, 'SECRET_IN_OUTPUT', 'holds what looks like a 64-hex raw key', `${fix}; a public identifier (a Pyth price id) is declared with Guardrails.allowPublicIdentifiers`);
  }
}

function isDigest(text: string, hexStart: number): boolean {
  return hexStart >= DIGEST_PREFIX.length && text.startsWith(DIGEST_PREFIX, hexStart - DIGEST_PREFIX.length);
}

/** Resources, data sources, providers and outputs of the stack, each with its address and construct path. */
function elementsOf(tf: Json): Element[] {
  const elements: Element[] = [];
  const add = (address: string, type: string, config: Json) => {
    const constructPath = String(config?.['//']?.metadata?.path ?? address);
    const rest = { ...config };
    delete rest['//'];
    elements.push({ address, type, constructPath, config: rest });
  };
  for (const [type, byName] of Object.entries<Json>(tf.resource ?? {})) for (const [name, config] of Object.entries<Json>(byName)) add(`${type}.${name}`, type, config);
  for (const [type, byName] of Object.entries<Json>(tf.data ?? {})) for (const [name, config] of Object.entries<Json>(byName)) add(`data.${type}.${name}`, `data.${type}`, config);
  for (const [type, configs] of Object.entries<Json>(tf.provider ?? {})) asArray<Json>(configs).forEach((config, index) => add(`provider.${type}[${index}]`, `provider.${type}`, config));
  for (const [name, config] of Object.entries<Json>(tf.output ?? {})) add(`output.${name}`, 'output', config);
  for (const [name, value] of Object.entries<unknown>(tf.locals ?? {})) add(`local.${name}`, 'local', { value });
  return elements;
}

function asArray<T>(value: T | readonly T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...value] : [value as T];
}

function show(value: unknown): string {
  return value === undefined ? 'not set' : JSON.stringify(value);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
