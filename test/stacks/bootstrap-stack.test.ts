// CHECKS.md 7-8 and 12-14 on the bootstrap stack: state bucket, GitHub OIDC trust, CI roles.
import { delivery, ENVIRONMENTS } from '../../environments';
import { githubTrustStatement } from '../../constructs/delivery/github-oidc';
import { APPLY_WORKFLOW } from '../../stacks/naming';
import { asArray, parsePolicy, resources, synthesizedStacks } from '../support/synth';

const tf = synthesizedStacks().bootstrap;
/** Old state versions kept at least this long (policy, independent of the construct's default). */
const MIN_NONCURRENT_STATE_DAYS = 30;
/**
 * What the apply role may do on "*", written out so any addition is a reviewed change. Untagged: only actions AWS
 * authorizes on "*" alone (no resource-level permissions, Service Authorization Reference of EC2, EKS and KMS).
 */
const APPLY_UNSCOPED_ON_ANY_RESOURCE = ['ec2:Describe*', 'ec2:GetLaunchTemplateData', 'eks:DescribeAddonVersions', 'eks:ListClusters', 'kms:ListAliases'];
/** On "*" but only for resources tagged (or created tagged) with the role's environment or its cluster. */
const APPLY_TAG_SCOPED_ON_ANY_RESOURCE = [
  'ec2:AllocateAddress', 'ec2:AssociateRouteTable', 'ec2:AttachInternetGateway', 'ec2:AuthorizeSecurityGroupEgress',
  'ec2:AuthorizeSecurityGroupIngress', 'ec2:CreateFlowLogs', 'ec2:CreateInternetGateway', 'ec2:CreateLaunchTemplate',
  'ec2:CreateLaunchTemplateVersion', 'ec2:CreateNatGateway', 'ec2:CreateRoute', 'ec2:CreateRouteTable', 'ec2:CreateSecurityGroup',
  'ec2:CreateSubnet', 'ec2:CreateTags', 'ec2:CreateVpc', 'ec2:DeleteFlowLogs', 'ec2:DeleteInternetGateway', 'ec2:DeleteLaunchTemplate',
  'ec2:DeleteNatGateway', 'ec2:DeleteRoute', 'ec2:DeleteRouteTable', 'ec2:DeleteSecurityGroup', 'ec2:DeleteSubnet', 'ec2:DeleteTags',
  'ec2:DeleteVpc', 'ec2:DetachInternetGateway', 'ec2:DisassociateAddress', 'ec2:DisassociateRouteTable', 'ec2:ModifyLaunchTemplate',
  'ec2:ModifySecurityGroupRules', 'ec2:ModifySubnetAttribute', 'ec2:ModifyVpcAttribute', 'ec2:ReleaseAddress', 'ec2:ReplaceRoute',
  'ec2:RevokeSecurityGroupEgress', 'ec2:RevokeSecurityGroupIngress', 'ec2:RunInstances', 'ec2:UpdateSecurityGroupRuleDescriptionsEgress',
  'ec2:UpdateSecurityGroupRuleDescriptionsIngress', 'kms:CreateKey', 'kms:TagResource',
];
const environments = Object.keys(ENVIRONMENTS);
const bucketRef = (type: string) => resources(tf, type);
const [bucket] = resources(tf, 'aws_s3_bucket');
const bucketId = `\${${bucket.address}.id}`;
const roleByName = (name: string) => {
  const role = resources(tf, 'aws_iam_role').find((r) => r.config.name === name);
  if (!role) throw new Error(`bootstrap has no role ${name}`);
  return role;
};
const trustOf = (name: string) => parsePolicy(roleByName(name), 'assume_role_policy').Statement;
const inlinePolicyOf = (name: string) => {
  const roleRef = `\${${roleByName(name).address}.name}`;
  return resources(tf, 'aws_iam_role_policy').filter((p) => p.config.role === roleRef).flatMap((p) => parsePolicy(p, 'policy').Statement);
};

test('13. the state bucket is versioned, SSE-KMS with the rotating state key, and keeps old versions for a while', () => {
  expect(bucket.config.bucket).toBe(delivery.stateBucket);
  expect(bucketRef('aws_s3_bucket_versioning')[0].config).toEqual(expect.objectContaining({ bucket: bucketId, versioning_configuration: { status: 'Enabled' } }));
  const [sse] = bucketRef('aws_s3_bucket_server_side_encryption_configuration');
  expect(sse.config.rule[0].apply_server_side_encryption_by_default.sse_algorithm).toBe('aws:kms');
  expect(sse.config.rule[0].apply_server_side_encryption_by_default.kms_master_key_id).toMatch(/^\$\{aws_kms_key\./);
  const [lifecycle] = bucketRef('aws_s3_bucket_lifecycle_configuration');
  // A bad apply can go unnoticed for weeks: at least 30 days of old state versions to roll back to.
  expect(lifecycle.config.rule[0].status).toBe('Enabled');
  expect(lifecycle.config.rule[0].noncurrent_version_expiration[0].noncurrent_days).toBeGreaterThanOrEqual(MIN_NONCURRENT_STATE_DAYS);
});

test('13. all four public-access blocks are on', () => {
  const [block] = bucketRef('aws_s3_bucket_public_access_block');
  expect(block.config).toEqual(
    expect.objectContaining({ bucket: bucketId, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }),
  );
});

test('13. the bucket policy denies every request without TLS', () => {
  const [policy] = bucketRef('aws_s3_bucket_policy');
  const deny = parsePolicy(policy, 'policy').Statement.find((s) => s.Effect === 'Deny');
  expect(deny?.Condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
  expect(asArray(deny?.Action)).toEqual(['s3:*']);
  expect(deny?.Principal).toEqual({ AWS: '*' });
  // The bucket ARN covers bucket operations, bucket/* the state objects themselves: both must be denied.
  expect(asArray<string>(deny?.Resource).sort()).toEqual([`\${${bucket.address}.arn}`, `\${${bucket.address}.arn}/*`].sort());
});

test('13/14. the state bucket and every KMS key have prevent_destroy', () => {
  expect(bucket.config.lifecycle.prevent_destroy).toBe(true);
  for (const key of resources(tf, 'aws_kms_key')) expect(key.config.lifecycle.prevent_destroy).toBe(true);
});

test('the GitHub OIDC provider accepts only the STS audience', () => {
  const [provider] = resources(tf, 'aws_iam_openid_connect_provider');
  expect(provider.config).toEqual(expect.objectContaining({ url: 'https://token.actions.githubusercontent.com', client_id_list: ['sts.amazonaws.com'] }));
});

describe.each(environments)('%s deploy roles', (env) => {
  const repo = `repo:${delivery.githubRepository}:`;

  test('8. the apply role trusts only the GitHub environment of its environment, with the STS audience', () => {
    const [trust] = trustOf(`feedops-${env}-apply`);
    expect(trust.Action).toEqual(['sts:AssumeRoleWithWebIdentity']);
    expect(trust.Condition.StringEquals).toEqual({
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:sub': `${repo}environment:${env}`,
      // Only merged code: the apply workflow file, run from main.
      'token.actions.githubusercontent.com:job_workflow_ref': `${delivery.githubRepository}/.github/workflows/${APPLY_WORKFLOW.file}@refs/heads/main`,
      'token.actions.githubusercontent.com:ref': 'refs/heads/main',
    });
    expect(trust.Condition.StringLike).toBeUndefined();
  });

  test('8. the plan role trusts pull requests (and main, for drift checks) with exact subjects', () => {
    const [trust] = trustOf(`feedops-${env}-plan`);
    const subjects = asArray<string>(trust.Condition.StringEquals['token.actions.githubusercontent.com:sub']);
    expect(subjects).toContain(`${repo}pull_request`);
    for (const subject of subjects) {
      expect(subject.startsWith(repo)).toBe(true);
      expect(subject).not.toMatch(/[*?]/);
    }
    expect(trust.Condition.StringEquals['token.actions.githubusercontent.com:aud']).toBe('sts.amazonaws.com');
  });

  test('8. the plan role is read-only and has no managed policy (no ReadOnlyAccess): only named read actions', () => {
    const planRef = `\${${roleByName(`feedops-${env}-plan`).address}.name}`;
    const attached = resources(tf, 'aws_iam_role_policy_attachment').filter((a) => a.config.role === planRef).map((a) => a.config.policy_arn);
    expect(attached).toEqual([]);
    const actions = inlinePolicyOf(`feedops-${env}-plan`).flatMap((s) => asArray<string>(s.Action));
    expect(actions.length).toBeGreaterThan(5);
    const writes = actions.filter((a) => !/^[a-z0-9-]+:(Get|List|Describe|BatchGet|Decrypt)/.test(a));
    expect(writes).toEqual([]);
  });

  test('12. each role reaches only its own environment\'s state objects', () => {
    for (const role of [`feedops-${env}-plan`, `feedops-${env}-apply`]) {
      const objectStatements = inlinePolicyOf(role).filter((s) => asArray<string>(s.Action).some((a) => a === 's3:GetObject'));
      for (const statement of objectStatements) expect(asArray<string>(statement.Resource)).toEqual([expect.stringMatching(new RegExp(`/feedops/${env}-\\*$`))]);
    }
  });

  test('7. the apply role is allowed on "*" only the closed list below: untagged only what AWS cannot scope, the rest by tag', () => {
    const onAnyResource = inlinePolicyOf(`feedops-${env}-apply`).filter((statement) => statement.Effect === 'Allow' && asArray(statement.Resource).includes('*'));
    const tagScoped = (statement: Record<string, any>) =>
      Object.values(statement.Condition ?? {}).flatMap((byKey) => Object.keys(byKey as object)).some((key) => /^aws:(ResourceTag|RequestTag)\//.test(key));
    const actions = (statements: Array<Record<string, any>>) => [...new Set(statements.flatMap((statement) => asArray<string>(statement.Action)))].sort();
    expect(actions(onAnyResource.filter((statement) => !tagScoped(statement)))).toEqual(APPLY_UNSCOPED_ON_ANY_RESOURCE);
    expect(actions(onAnyResource.filter(tagScoped))).toEqual(APPLY_TAG_SCOPED_ON_ANY_RESOURCE);
  });

  test('7. the apply role passes only its environment\'s roles, to named services', () => {
    const pass = inlinePolicyOf(`feedops-${env}-apply`).find((s) => asArray<string>(s.Action).includes('iam:PassRole'))!;
    expect(asArray<string>(pass.Resource)).toEqual([expect.stringMatching(/:role\/feedops-[a-z]+-\*$/)]);
    expect(pass.Condition.StringEquals['iam:PassedToService'].length).toBeGreaterThan(0);
  });
});

test('fails when a GitHub subject has a wildcard', () => {
  expect(() => githubTrustStatement('arn:aws:iam::111122223333:oidc-provider/x', ['repo:example-org/feedops:*'])).toThrow(
    'GitHub OIDC trust: subjects: "repo:example-org/feedops:*" has a wildcard',
  );
});
