// CHECKS.md §EKS and AWS (1-7, 9-12) and 14, asserted over every synthesized stack of every environment.
import { ENVIRONMENTS } from '../../environments';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../constructs/core/kubernetes-version';
import { asArray, parsePolicy, Resource, resources, synthesizedStacks, TerraformJson } from '../support/synth';

const stacks = synthesizedStacks();
const allStacks = Object.entries(stacks);
const clusterStacks = allStacks.filter(([name]) => name.endsWith('-cluster'));
const environmentOf = (stack: string) => ENVIRONMENTS[stack.slice(0, stack.lastIndexOf('-'))] as { tier: string; name: string };
const isProduction = (stack: string) => environmentOf(stack)?.tier === 'production';
const OPEN = ['0.0.0.0/0', '::/0'];

/** Resolves `${aws_kms_key.x.arn}`-style references to the resource address they point to. */
function referencedAddress(reference: unknown): string | undefined {
  const match = /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.[a-z_]+\}$/.exec(String(reference));
  return match?.[1];
}

function byAddress(tf: TerraformJson, address: string | undefined): Resource | undefined {
  return resources(tf).find((r) => r.address === address);
}

test('every environment has a cluster stack', () => {
  expect(clusterStacks.map(([name]) => name).sort()).toEqual(Object.keys(ENVIRONMENTS).map((env) => `${env}-cluster`).sort());
});

describe.each(clusterStacks)('%s', (stack, tf) => {
  const [cluster] = resources(tf, 'aws_eks_cluster');

  test('1. EKS secrets are encrypted with a rotating KMS key of this stack with a safe policy', () => {
    expect(cluster).toBeDefined();
    const encryption = cluster.config.encryption_config;
    expect(encryption.resources).toEqual(['secrets']);
    const key = byAddress(tf, referencedAddress(encryption.provider.key_arn));
    if (!key) throw new Error(`${stack}: ${cluster.address} secrets key ${encryption.provider.key_arn} is not a key of this stack`);
    expect(key.type).toBe('aws_kms_key');
  });

  test('1. every KMS key rotates, has a policy without a * principal, and a deletion window of at least 7 days', () => {
    for (const key of resources(tf, 'aws_kms_key')) {
      expect({ key: key.address, rotation: key.config.enable_key_rotation }).toEqual({ key: key.address, rotation: true });
      expect({ key: key.address, window: key.config.deletion_window_in_days >= 7 }).toEqual({ key: key.address, window: true });
      const policy = parsePolicy(key, 'policy');
      for (const statement of policy.Statement) {
        const principals = JSON.stringify(statement.Principal ?? {});
        if (statement.Principal === '*' || /"\*"/.test(principals)) {
          throw new Error(`${stack}: ${key.address} key policy statement ${statement.Sid} has a * principal`);
        }
      }
    }
  });

  test('2. all five control-plane log types go to /aws/eks/<name>/cluster with retention and KMS', () => {
    expect([...cluster.config.enabled_cluster_log_types].sort()).toEqual(['api', 'audit', 'authenticator', 'controllerManager', 'scheduler']);
    const logGroup = resources(tf, 'aws_cloudwatch_log_group').find((g) => g.config.name === `/aws/eks/${cluster.config.name}/cluster`);
    if (!logGroup) throw new Error(`${stack}: no log group /aws/eks/${cluster.config.name}/cluster`);
    expect(cluster.config.depends_on).toContain(logGroup.address);
  });

  test('2. every log group has retention and a KMS key', () => {
    const groups = resources(tf, 'aws_cloudwatch_log_group');
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.filter((group) => !(group.config.retention_in_days > 0) || !group.config.kms_key_id).map((group) => group.address)).toEqual([]);
  });

  test('3. the private endpoint is on; public access is off in production and an explicit allow-list elsewhere', () => {
    const vpc = cluster.config.vpc_config;
    expect(vpc.endpoint_private_access).toBe(true);
    if (isProduction(stack)) {
      expect({ cluster: cluster.address, public: vpc.endpoint_public_access }).toEqual({ cluster: cluster.address, public: false });
    } else if (vpc.endpoint_public_access) {
      const cidrs: string[] = vpc.public_access_cidrs ?? [];
      expect(cidrs.length).toBeGreaterThan(0);
      const open = cidrs.filter((cidr) => OPEN.includes(cidr));
      expect({ cluster: cluster.address, open }).toEqual({ cluster: cluster.address, open: [] });
    }
  });

  test('4. the Kubernetes version is set explicitly from the supported list', () => {
    expect(SUPPORTED_KUBERNETES_VERSIONS).toContain(cluster.config.version);
  });

  test('5. node groups use launch templates with IMDSv2 (hop limit 1), encrypted roots, private subnets, no SSH', () => {
    const privateSubnets = resources(tf, 'aws_subnet').filter((s) => s.config.tags?.['kubernetes.io/role/internal-elb'] === '1');
    const privateRefs = privateSubnets.map((s) => `\${${s.address}.id}`);
    const nodeGroups = resources(tf, 'aws_eks_node_group');
    expect(nodeGroups.length).toBeGreaterThan(0);
    for (const group of nodeGroups) {
      const where = `${stack}: ${group.address}`;
      if (group.config.remote_access) throw new Error(`${where} has remote_access (SSH)`);
      const template = byAddress(tf, referencedAddress(group.config.launch_template?.id));
      if (!template) throw new Error(`${where} has no launch template of this stack`);
      expect({ where, metadata: template.config.metadata_options }).toMatchObject({
        where,
        metadata: { http_tokens: 'required', http_put_response_hop_limit: 1 },
      });
      const roots = asArray(template.config.block_device_mappings);
      expect(roots.length).toBeGreaterThan(0);
      for (const mapping of roots) expect({ where, encrypted: mapping.ebs.encrypted }).toEqual({ where, encrypted: 'true' });
      if (template.config.key_name) throw new Error(`${where} launch template has an SSH key`);
      const outside = group.config.subnet_ids.filter((id: string) => !privateRefs.includes(id));
      expect({ where, subnetsOutsidePrivate: outside }).toEqual({ where, subnetsOutsidePrivate: [] });
    }
    for (const subnet of resources(tf, 'aws_subnet')) {
      expect({ subnet: subnet.address, mapPublicIp: subnet.config.map_public_ip_on_launch }).toEqual({ subnet: subnet.address, mapPublicIp: false });
    }
  });

  test('6. at least 2 zones (3 in production); production node groups have at least 2 nodes', () => {
    const zones = new Set(resources(tf, 'aws_subnet').map((s) => s.config.availability_zone));
    expect(zones.size).toBeGreaterThanOrEqual(isProduction(stack) ? 3 : 2);
    if (isProduction(stack)) {
      for (const group of resources(tf, 'aws_eks_node_group')) {
        expect({ group: group.address, min: group.config.scaling_config.min_size >= 2 }).toEqual({ group: group.address, min: true });
      }
    }
  });

  test('10. every VPC has a flow log and a default security group without rules', () => {
    for (const vpc of resources(tf, 'aws_vpc')) {
      const ref = `\${${vpc.address}.id}`;
      const flowLogs = resources(tf, 'aws_flow_log').filter((f) => f.config.vpc_id === ref);
      if (flowLogs.length === 0) throw new Error(`${stack}: ${vpc.address} has no flow log`);
      const defaults = resources(tf, 'aws_default_security_group').filter((g) => g.config.vpc_id === ref);
      if (defaults.length !== 1) throw new Error(`${stack}: ${vpc.address} does not manage its default security group`);
      expect({ group: defaults[0].address, ingress: defaults[0].config.ingress, egress: defaults[0].config.egress }).toEqual({
        group: defaults[0].address,
        ingress: [],
        egress: [],
      });
    }
  });

  test('14. KMS keys and production clusters have prevent_destroy', () => {
    for (const key of resources(tf, 'aws_kms_key')) {
      expect({ key: key.address, preventDestroy: key.config.lifecycle?.prevent_destroy }).toEqual({ key: key.address, preventDestroy: true });
    }
    if (isProduction(stack)) expect(cluster.config.lifecycle?.prevent_destroy).toBe(true);
  });
});

describe.each(allStacks)('%s (every stack)', (stack, tf) => {
  test('7. no IAM statement allows * or service:* actions, PassRole on *, or a * trust; no admin or FullAccess policies', () => {
    const problems: string[] = [];
    for (const { resource, statement } of policyStatements(tf)) {
      const where = `${stack}: ${resource.address} statement ${statement.Sid ?? '(no Sid)'}`;
      const actions = asArray<string>(statement.Action);
      const targets = asArray<string>(statement.Resource);
      if (statement.Effect !== 'Allow') continue;
      const wildcard = actions.find((a) => a === '*' || /^[a-z0-9-]+:\*$/i.test(a));
      if (wildcard) problems.push(`${where} allows ${wildcard}`);
      if (actions.includes('iam:PassRole') && targets.includes('*')) problems.push(`${where} allows iam:PassRole on *`);
      if (statement.Principal === '*' || asArray(statement.Principal?.AWS).includes('*')) problems.push(`${where} trusts or grants to every principal (*)`);
    }
    for (const attachment of resources(tf, 'aws_iam_role_policy_attachment')) {
      if (/AdministratorAccess|FullAccess/.test(attachment.config.policy_arn)) problems.push(`${stack}: ${attachment.address} attaches ${attachment.config.policy_arn}`);
    }
    expect(problems).toEqual([]);
  });

  test('9. no security-group ingress from the internet; every group and rule has a description', () => {
    const problems: string[] = [];
    for (const group of resources(tf, 'aws_security_group')) {
      if (!group.config.description) problems.push(`${stack}: ${group.address} has no description`);
      for (const rule of asArray<any>(group.config.ingress)) {
        if (!rule.description) problems.push(`${stack}: ${group.address} has an ingress rule without description`);
        const open = [...asArray<string>(rule.cidr_blocks), ...asArray<string>(rule.ipv6_cidr_blocks)].filter((c) => OPEN.includes(c));
        if (open.length > 0) problems.push(`${stack}: ${group.address} allows ingress from ${open.join(', ')}`);
      }
    }
    for (const rule of securityGroupRules(tf)) {
      if (!rule.config.description) problems.push(`${stack}: ${rule.address} has no description`);
      const ingress = rule.type === 'aws_vpc_security_group_ingress_rule' || rule.config.type === 'ingress';
      const sources = [...asArray<string>(rule.config.cidr_blocks), ...asArray<string>(rule.config.ipv6_cidr_blocks), rule.config.cidr_ipv4, rule.config.cidr_ipv6];
      if (ingress && sources.some((c) => OPEN.includes(c))) problems.push(`${stack}: ${rule.address} allows ingress from the internet`);
    }
    expect(problems).toEqual([]);
  });

  test('11. the AWS provider pins allowed_account_ids and default tags with environment', () => {
    const providers = tf.provider?.aws ?? [];
    expect(providers.length).toBeGreaterThan(0);
    for (const provider of providers) {
      expect((provider.allowed_account_ids as string[] | undefined)?.length ?? 0).toBeGreaterThan(0);
      const tags = (provider.default_tags as Array<{ tags: Record<string, string> }>)[0].tags;
      expect(tags).toEqual(expect.objectContaining({ stack, 'managed-by': 'feedops' }));
      if (stack !== 'bootstrap') expect(tags.environment).toBe(environmentOf(stack).name);
    }
  });

  test('12. the S3 backend encrypts with KMS, locks with a lockfile, has no DynamoDB table or credentials, one key per stack', () => {
    const backend = tf.terraform.backend?.s3;
    if (!backend) throw new Error(`${stack}: no S3 backend`);
    expect(backend).toEqual(expect.objectContaining({ encrypt: true, use_lockfile: true }));
    expect(String(backend.kms_key_id)).toMatch(/^arn:aws:kms:/);
    for (const forbidden of ['dynamodb_table', 'access_key', 'secret_key', 'token', 'profile', 'shared_credentials_files']) {
      expect({ stack, field: forbidden, set: forbidden in backend }).toEqual({ stack, field: forbidden, set: false });
    }
  });
});

test('12. every stack has its own state key', () => {
  const keys = allStacks.map(([, tf]) => tf.terraform.backend?.s3?.key);
  expect(new Set(keys).size).toBe(allStacks.length);
});

const POLICY_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['aws_iam_role', 'assume_role_policy'],
  ['aws_iam_role_policy', 'policy'],
  ['aws_iam_policy', 'policy'],
  ['aws_kms_key', 'policy'],
  ['aws_s3_bucket_policy', 'policy'],
];

function policyStatements(tf: TerraformJson) {
  return POLICY_FIELDS.flatMap(([type, field]) => resources(tf, type).flatMap((resource) => parsePolicy(resource, field).Statement.map((statement) => ({ resource, statement }))));
}

function securityGroupRules(tf: TerraformJson) {
  return ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'].flatMap((type) => resources(tf, type));
}

// Checks 7 and 9 run over every stack; most stacks hold no IAM policy or security group, so prove they see some.
test('7 and 9 see the IAM statements of bootstrap and every cluster stack, and every cluster stack\'s security groups', () => {
  const stacksWith = (found: (tf: TerraformJson) => number) => allStacks.filter(([, tf]) => found(tf) > 0).map(([stack]) => stack).sort();
  const clusterStackNames = allStacks.map(([stack]) => stack).filter((stack) => stack.endsWith('-cluster')).sort();
  expect(clusterStackNames.length).toBeGreaterThanOrEqual(3);
  expect(stacksWith((tf) => policyStatements(tf).length)).toEqual(expect.arrayContaining(['bootstrap', ...clusterStackNames]));
  expect(stacksWith((tf) => resources(tf, 'aws_security_group').length)).toEqual(clusterStackNames);
  expect(stacksWith((tf) => securityGroupRules(tf).filter((rule) => rule.type === 'aws_vpc_security_group_ingress_rule').length)).toEqual(clusterStackNames);
});
