// Issue 11: the CI roles under attack. Every request below is evaluated against the policy documents of the
// synthesized bootstrap and environment stacks (test/support/iam-policy-evaluator.ts), never against constants:
// each attack must be denied and each legitimate action allowed, so the tests fail both ways.
import { delivery, ENVIRONMENTS, validateEnvironments } from '../../environments';
import { APPLY_WORKFLOW, applyRoleName, planRoleName, roleArn, stackName, stateKey, workloadBoundaryArn, workloadBoundaryName } from '../../stacks/naming';
import { keyArn, policyOf, principalOf, resourceTagContext, roleNamed, stackContext } from '../support/delivery-principals';
import { AuthorizationRequest, ContextValue, evaluate, Principal } from '../support/iam-policy-evaluator';
import { resources } from '../support/synth';

const { environments } = validateEnvironments(ENVIRONMENTS, delivery);
const bootstrap = stackContext('bootstrap');
const stateBucket = `arn:aws:s3:::${delivery.stateBucket}`;
const [stateKeyResource] = resources(bootstrap.tf, 'aws_kms_key');
const stateKeyArn = keyArn(bootstrap, stateKeyResource);
const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';
const OIDC = 'token.actions.githubusercontent.com';

const decide = (principal: Principal, request: AuthorizationRequest) => evaluate(principal, request);
const denied = expect.stringMatching(/denied$/);

describe.each(environments.map((env) => [env.name, env] as const))('%s CI roles', (name, env) => {
  const other = environments.find((candidate) => candidate.name !== name)!;
  const apply = principalOf(bootstrap, applyRoleName(name));
  const plan = principalOf(bootstrap, planRoleName(name));
  const account = env.account.id;
  const region = env.account.region;
  const ownBoundary = workloadBoundaryArn(account, name);
  const cluster = stackContext(stackName(name, 'cluster'));
  const otherCluster = stackContext(stackName(other.name, 'cluster'));
  const ownTags = resourceTagContext(cluster.tags);
  const otherTags = resourceTagContext(otherCluster.tags);
  const vpc = (tags: Record<string, ContextValue>) => ({ resource: `arn:aws:ec2:${region}:${account}:vpc/vpc-0abc`, context: { 'aws:RequestedRegion': region, ...tags } });
  const secretsKey = (context: typeof cluster) => keyArn(context, resources(context.tf, 'aws_kms_key').find((k) => /secrets-key/.test(k.name))!);

  describe('the apply role cannot escalate itself', () => {
    test.each([
      ['attaches AdministratorAccess to itself', 'iam:AttachRolePolicy', { 'iam:PolicyARN': ADMINISTRATOR_ACCESS, 'iam:PermissionsBoundary': ownBoundary }],
      ['writes an inline policy on itself', 'iam:PutRolePolicy', { 'iam:PermissionsBoundary': ownBoundary }],
      ['rewrites its own trust', 'iam:UpdateAssumeRolePolicy', {}],
      ['removes a boundary from itself', 'iam:DeleteRolePermissionsBoundary', {}],
      ['deletes itself', 'iam:DeleteRole', {}],
    ])('denied: it %s', (_, action, context) => {
      expect(decide(apply, { action, resource: roleArn(account, applyRoleName(name)), context })).toEqual(denied);
    });

    test.each([
      ['attaches AdministratorAccess to the plan role', 'iam:AttachRolePolicy', planRoleName(name)],
      ['rewrites the plan role\'s trust', 'iam:UpdateAssumeRolePolicy', planRoleName(name)],
      ['attaches a policy to another environment\'s apply role', 'iam:AttachRolePolicy', applyRoleName(other.name)],
    ])('denied: it %s', (_, action, target) => {
      const request = { action, resource: roleArn(account, target), context: { 'iam:PolicyARN': ADMINISTRATOR_ACCESS, 'iam:PermissionsBoundary': ownBoundary } };
      expect(decide(apply, request)).toEqual(denied);
    });

    test('denied: it creates a role without the boundary, or with another environment\'s', () => {
      const resource = roleArn(account, `${env.cluster.name}-escape`);
      expect(decide(apply, { action: 'iam:CreateRole', resource })).toEqual(denied);
      expect(decide(apply, { action: 'iam:CreateRole', resource, context: { 'iam:PermissionsBoundary': workloadBoundaryArn(account, other.name) } })).toEqual(denied);
      expect(decide(apply, { action: 'iam:AttachRolePolicy', resource, context: { 'iam:PolicyARN': ADMINISTRATOR_ACCESS } })).toEqual(denied);
    });

    test('denied: it rewrites its own boundary policy', () => {
      expect(decide(apply, { action: 'iam:CreatePolicyVersion', resource: ownBoundary })).toEqual(denied);
    });

    test('allowed: it creates every role its stacks define, with the boundary, and passes it to its service', () => {
      const stackRoles = (['cluster', 'platform', 'monitors'] as const).flatMap((layer) => {
        const context = stackContext(stackName(name, layer));
        return resources(context.tf, 'aws_iam_role').map((role) => ({ context, role }));
      });
      expect(stackRoles.length).toBeGreaterThan(3);
      const refused = stackRoles.filter(({ role }) => {
        const request = { action: 'iam:CreateRole', resource: roleArn(account, role.config.name), context: { 'iam:PermissionsBoundary': role.config.permissions_boundary } };
        return decide(apply, request) !== 'allowed';
      });
      expect(refused.map(({ context, role }) => `${context.stack} ${role.config.name}`)).toEqual([]);
      const unpassable = stackRoles.filter(({ context, role }) => {
        const service = policyOf(context, role, 'assume_role_policy').Statement as any;
        const principalService = [service].flat()[0].Principal.Service as string;
        return decide(apply, { action: 'iam:PassRole', resource: roleArn(account, role.config.name), context: { 'iam:PassedToService': principalService } }) !== 'allowed';
      });
      expect(unpassable.map(({ role }) => role.config.name)).toEqual([]);
    });
  });

  describe('the apply role stays in its environment', () => {
    test('denied: it deletes or changes a VPC tagged with another environment', () => {
      expect(decide(apply, { action: 'ec2:DeleteVpc', ...vpc(otherTags) })).toEqual(denied);
      expect(decide(apply, { action: 'ec2:ModifyVpcAttribute', ...vpc(otherTags) })).toEqual(denied);
    });

    test('denied: it re-tags another environment\'s VPC into its own, or removes the tag', () => {
      const request = vpc(otherTags);
      expect(decide(apply, { action: 'ec2:CreateTags', resource: request.resource, context: { ...request.context, 'aws:TagKeys': ['environment'], 'aws:RequestTag/environment': name } })).toEqual(denied);
      expect(decide(apply, { action: 'ec2:DeleteTags', resource: request.resource, context: { ...request.context, 'aws:TagKeys': ['environment'] } })).toEqual(denied);
    });

    test('allowed: it changes its own VPC and creates one tagged with its environment, not another\'s', () => {
      expect(decide(apply, { action: 'ec2:ModifyVpcAttribute', ...vpc(ownTags) })).toBe('allowed');
      const create = (environment: string) => ({ action: 'ec2:CreateVpc', resource: `arn:aws:ec2:${region}:${account}:vpc/*`, context: { 'aws:RequestedRegion': region, 'aws:RequestTag/environment': environment, 'aws:TagKeys': ['environment'] } });
      expect(decide(apply, create(name))).toBe('allowed');
      expect(decide(apply, create(other.name))).toEqual(denied);
    });

    test('allowed: it opens its own cluster security group to its runners; denied on another environment\'s', () => {
      const group = (clusterName: string) => ({
        resource: `arn:aws:ec2:${region}:${account}:security-group/sg-0eks`,
        context: { 'aws:RequestedRegion': region, 'aws:ResourceTag/aws:eks:cluster-name': clusterName, 'aws:RequestTag/environment': name },
      });
      expect(decide(apply, { action: 'ec2:AuthorizeSecurityGroupIngress', ...group(env.cluster.name) })).toBe('allowed');
      expect(decide(apply, { action: 'ec2:AuthorizeSecurityGroupIngress', ...group(other.cluster.name) })).toEqual(denied);
      const rule = (environment: string) => ({ resource: `arn:aws:ec2:${region}:${account}:security-group-rule/*`, context: { 'aws:RequestTag/environment': environment } });
      expect(decide(apply, { action: 'ec2:AuthorizeSecurityGroupIngress', ...rule(name) })).toBe('allowed');
      expect(decide(apply, { action: 'ec2:AuthorizeSecurityGroupIngress', ...rule(other.name) })).toEqual(denied);
    });

    test('denied: it schedules deletion of another environment\'s EKS secrets key, or of the state key', () => {
      expect(decide(apply, { action: 'kms:ScheduleKeyDeletion', resource: secretsKey(otherCluster), context: otherTags })).toEqual(denied);
      expect(decide(apply, { action: 'kms:ScheduleKeyDeletion', resource: stateKeyArn, context: resourceTagContext(bootstrap.tags) })).toEqual(denied);
      expect(decide(apply, { action: 'kms:PutKeyPolicy', resource: secretsKey(otherCluster), context: otherTags })).toEqual(denied);
    });

    test('denied: it tags another environment\'s key into its own', () => {
      const context = { ...otherTags, 'aws:TagKeys': ['environment'], 'aws:RequestTag/environment': name };
      expect(decide(apply, { action: 'kms:TagResource', resource: secretsKey(otherCluster), context })).toEqual(denied);
    });

    test('allowed: it manages its own EKS secrets key', () => {
      expect(decide(apply, { action: 'kms:ScheduleKeyDeletion', resource: secretsKey(cluster), context: ownTags })).toBe('allowed');
      expect(decide(apply, { action: 'kms:EnableKeyRotation', resource: secretsKey(cluster), context: ownTags })).toBe('allowed');
    });

    test('denied: it deletes another environment\'s cluster, log group or runner project; allowed on its own', () => {
      const clusterArn = (n: string) => `arn:aws:eks:${region}:${account}:cluster/${n}`;
      expect(decide(apply, { action: 'eks:DeleteCluster', resource: clusterArn(other.cluster.name) })).toEqual(denied);
      expect(decide(apply, { action: 'eks:DeleteCluster', resource: clusterArn(env.cluster.name) })).toBe('allowed');
      const logGroup = (n: string) => `arn:aws:logs:${region}:${account}:log-group:/aws/eks/${n}/cluster:*`;
      expect(decide(apply, { action: 'logs:DeleteLogGroup', resource: logGroup(other.cluster.name) })).toEqual(denied);
      expect(decide(apply, { action: 'logs:DeleteLogGroup', resource: logGroup(env.cluster.name) })).toBe('allowed');
      const project = (n: string) => `arn:aws:codebuild:${region}:${account}:project/${n}-ci-runner`;
      expect(decide(apply, { action: 'codebuild:DeleteProject', resource: project(other.cluster.name) })).toEqual(denied);
      expect(decide(apply, { action: 'codebuild:UpdateProject', resource: project(env.cluster.name) })).toBe('allowed');
    });

    test('it reaches only its own state, and the state key only for its own state objects', () => {
      const object = (stack: string) => `${stateBucket}/${stateKey(stack)}`;
      const keyFor = (stack: string) => ({ resource: stateKeyArn, context: { 'kms:EncryptionContext:aws:s3:arn': object(stack) } });
      expect(decide(apply, { action: 's3:PutObject', resource: object(stackName(name, 'cluster')) })).toBe('allowed');
      expect(decide(apply, { action: 's3:PutObject', resource: object(stackName(other.name, 'cluster')) })).toEqual(denied);
      expect(decide(apply, { action: 's3:PutObject', resource: object('bootstrap') })).toEqual(denied);
      expect(decide(apply, { action: 'kms:GenerateDataKey', ...keyFor(stackName(name, 'platform')) })).toBe('allowed');
      expect(decide(apply, { action: 'kms:Decrypt', ...keyFor(stackName(other.name, 'platform')) })).toEqual(denied);
      expect(decide(apply, { action: 'kms:Decrypt', resource: stateKeyArn })).toEqual(denied);
    });
  });

  describe('the plan role reads its own environment only', () => {
    const object = (stack: string) => `${stateBucket}/${stateKey(stack)}`;

    test('denied: it reads another environment\'s state object, or bootstrap\'s', () => {
      expect(decide(plan, { action: 's3:GetObject', resource: object(stackName(other.name, 'monitors')) })).toEqual(denied);
      expect(decide(plan, { action: 's3:GetObject', resource: object('bootstrap') })).toEqual(denied);
      expect(decide(plan, { action: 'kms:Decrypt', resource: stateKeyArn, context: { 'kms:EncryptionContext:aws:s3:arn': object(stackName(other.name, 'cluster')) } })).toEqual(denied);
      expect(decide(plan, { action: 's3:ListBucket', resource: stateBucket, context: { 's3:prefix': `feedops/${other.name}-cluster/` } })).toEqual(denied);
    });

    test('allowed: it reads (and decrypts) its own environment\'s state', () => {
      expect(decide(plan, { action: 's3:GetObject', resource: object(stackName(name, 'monitors')) })).toBe('allowed');
      expect(decide(plan, { action: 'kms:Decrypt', resource: stateKeyArn, context: { 'kms:EncryptionContext:aws:s3:arn': object(stackName(name, 'cluster')) } })).toBe('allowed');
      expect(decide(plan, { action: 's3:ListBucket', resource: stateBucket, context: { 's3:prefix': `feedops/${name}-cluster/` } })).toBe('allowed');
    });

    test('denied: it writes anything, or reads another bucket', () => {
      expect(decide(plan, { action: 's3:PutObject', resource: object(stackName(name, 'cluster')) })).toEqual(denied);
      expect(decide(plan, { action: 's3:GetObject', resource: 'arn:aws:s3:::some-other-bucket/data' })).toEqual(denied);
      expect(decide(plan, { action: 'ec2:DeleteVpc', ...vpc(ownTags) })).toEqual(denied);
      expect(decide(plan, { action: 'secretsmanager:GetSecretValue', resource: `arn:aws:secretsmanager:${region}:${account}:secret:${name}/feedops/grafana-admin` })).toEqual(denied);
    });

    test('allowed: it refreshes its own environment\'s resources; denied on another\'s key', () => {
      expect(decide(plan, { action: 'ec2:DescribeVpcs', resource: '*', context: { 'aws:RequestedRegion': region } })).toBe('allowed');
      expect(decide(plan, { action: 'eks:DescribeCluster', resource: `arn:aws:eks:${region}:${account}:cluster/${env.cluster.name}` })).toBe('allowed');
      expect(decide(plan, { action: 'kms:GetKeyPolicy', resource: secretsKey(cluster), context: ownTags })).toBe('allowed');
      expect(decide(plan, { action: 'kms:GetKeyPolicy', resource: secretsKey(otherCluster), context: otherTags })).toEqual(denied);
      expect(decide(plan, { action: 'iam:GetRole', resource: roleArn(account, `${env.cluster.name}-node`) })).toBe('allowed');
    });
  });

  describe('only merged code applies', () => {
    const applyTrust = { identityPolicies: [policyOf(bootstrap, roleNamed(bootstrap, applyRoleName(name)), 'assume_role_policy')] };
    const token = (claims: Record<string, string>) => ({ action: 'sts:AssumeRoleWithWebIdentity', resource: roleArn(account, applyRoleName(name)), context: claims });
    const mainRun = {
      [`${OIDC}:aud`]: 'sts.amazonaws.com',
      [`${OIDC}:sub`]: `repo:${delivery.githubRepository}:environment:${name}`,
      [`${OIDC}:job_workflow_ref`]: `${delivery.githubRepository}/.github/workflows/${APPLY_WORKFLOW.file}@refs/heads/main`,
      [`${OIDC}:ref`]: 'refs/heads/main',
    };

    test('allowed: the apply workflow on main, in the environment', () => {
      expect(decide(applyTrust, token(mainRun))).toBe('allowed');
    });

    test.each([
      ['a run from another branch, even approved in the environment', { [`${OIDC}:ref`]: 'refs/heads/feature', [`${OIDC}:job_workflow_ref`]: `${delivery.githubRepository}/.github/workflows/${APPLY_WORKFLOW.file}@refs/heads/feature` }],
      ['another workflow of main in the environment', { [`${OIDC}:job_workflow_ref`]: `${delivery.githubRepository}/.github/workflows/plan.yml@refs/heads/main` }],
      ['another environment\'s token', { [`${OIDC}:sub`]: `repo:${delivery.githubRepository}:environment:${other.name}` }],
      ['a pull request', { [`${OIDC}:sub`]: `repo:${delivery.githubRepository}:pull_request` }],
      ['another audience', { [`${OIDC}:aud`]: 'api://other' }],
    ])('denied: %s', (_, change) => {
      expect(decide(applyTrust, token({ ...mainRun, ...change }))).toEqual(denied);
    });

    test('the plan role accepts pull requests of this repository, not of another', () => {
      const planTrust = { identityPolicies: [policyOf(bootstrap, roleNamed(bootstrap, planRoleName(name)), 'assume_role_policy')] };
      const pr = (repo: string) => ({ action: 'sts:AssumeRoleWithWebIdentity', resource: roleArn(account, planRoleName(name)), context: { [`${OIDC}:aud`]: 'sts.amazonaws.com', [`${OIDC}:sub`]: `repo:${repo}:pull_request` } });
      expect(decide(planTrust, pr(delivery.githubRepository))).toBe('allowed');
      expect(decide(planTrust, pr('someone/else'))).toEqual(denied);
    });
  });

  describe('the permissions boundary', () => {
    const boundaryPolicy = resources(bootstrap.tf, 'aws_iam_policy').find((p) => p.config.name === workloadBoundaryName(name))!;
    const boundary = policyOf(bootstrap, boundaryPolicy, 'policy');
    // The worst a bounded role could be given: an identity policy allowing everything (not expressible in feedops).
    const overPrivileged: Principal = { identityPolicies: [{ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }], boundary };

    test('is on every role of the environment\'s stacks, and is the bootstrap policy of that name', () => {
      expect(boundaryPolicy).toBeDefined();
      const roles = (['cluster', 'platform', 'monitors'] as const).flatMap((layer) => resources(stackContext(stackName(name, layer)).tf, 'aws_iam_role'));
      expect(roles.filter((role) => role.config.permissions_boundary !== ownBoundary).map((role) => role.config.name)).toEqual([]);
    });

    test('denied even to an over-privileged bounded role: IAM, and resources of another environment', () => {
      expect(decide(overPrivileged, { action: 'iam:CreateRole', resource: roleArn(account, `${env.cluster.name}-x`) })).toEqual(denied);
      expect(decide(overPrivileged, { action: 'iam:AttachRolePolicy', resource: roleArn(account, applyRoleName(name)) })).toEqual(denied);
      expect(decide(overPrivileged, { action: 'ec2:DeleteVpc', ...vpc(otherTags) })).toEqual(denied);
      expect(decide(overPrivileged, { action: 'kms:Decrypt', resource: stateKeyArn, context: resourceTagContext(bootstrap.tags) })).toEqual(denied);
    });

    test('allowed to a bounded role: its own environment\'s resources (the boundary is a ceiling, not a wall)', () => {
      expect(decide(overPrivileged, { action: 'ec2:DeleteVpc', ...vpc(ownTags) })).toBe('allowed');
      const esoRole = principalOf(stackContext(stackName(name, 'platform')), `${env.cluster.name}-external-secrets`, [bootstrap]);
      const secret = `arn:aws:secretsmanager:${region}:${account}:secret:${name}/feedops/grafana-admin-AbCdEf`;
      expect(decide(esoRole, { action: 'secretsmanager:GetSecretValue', resource: secret })).toBe('allowed');
      expect(decide(esoRole, { action: 'secretsmanager:GetSecretValue', resource: secret.replace(`:${name}/`, `:${other.name}/`) })).toEqual(denied);
    });
  });
});

describe('actions AWS cannot scope', () => {
  // AWS authorizes these only on "*" (no resource-level permissions); everything else the CI roles may do is
  // scoped by name or by the environment tag. Source: the AWS Service Authorization Reference of EC2, EKS, KMS, Logs.
  const UNSCOPABLE = [/^ec2:Describe/, /^ec2:GetLaunchTemplateData$/, /^eks:ListClusters$/, /^eks:DescribeAddonVersions$/, /^kms:ListAliases$/];

  test.each(environments.map((env) => env.name))('%s: every Allow on "*" without a tag condition is one of them', (name) => {
    const offenders = [applyRoleName(name), planRoleName(name)].flatMap((role) =>
      principalOf(bootstrap, role).identityPolicies.flatMap((policy) =>
        [policy.Statement].flat().filter((statement) => {
          if (statement.Effect !== 'Allow' || ![statement.Resource].flat().includes('*')) return false;
          const keys = Object.values(statement.Condition ?? {}).flatMap((byKey) => Object.keys(byKey));
          const scoped = keys.some((key) => /^aws:(ResourceTag|RequestTag)\//.test(key) || key === 'ec2:CreateAction');
          return !scoped && [statement.Action].flat().some((action) => !UNSCOPABLE.some((pattern) => pattern.test(String(action))));
        }).map((statement) => `${role} ${statement.Sid}`),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
