import { CiRunner, CI_RUNNER_IMAGE, DEFAULT_CI_RUNNER_TIMEOUT_MINUTES } from '../../../constructs/delivery/ci-runner';
import { PermissionsBoundaryAspect } from '../../../constructs/delivery/permissions-boundary';
import { IamRole } from '../../../constructs/core/aws';
import { Aspects } from '../../../constructs/core/cdktf';
import { policyDocument } from '../../../constructs/core/iam-policy';
import { resources, synthConstruct } from '../../support/synth';

const network = { vpcId: 'vpc-1', privateSubnetIds: ['subnet-a', 'subnet-b'], publicSubnetIds: ['subnet-p'] };
const props = {
  projectName: 'feedops-test-ci-runner',
  githubRepository: 'example-org/feedops',
  githubConnectionArn: 'arn:aws:codeconnections:eu-west-1:111122223333:connection/00000000-0000-4000-8000-000000000000',
  network: network as any,
  clusterSecurityGroupId: 'sg-cluster',
  accountId: '111122223333',
  region: 'eu-west-1',
};

describe('CiRunner', () => {
  const tf = synthConstruct((scope) => new CiRunner(scope, 'runner', props));
  const [project] = resources(tf, 'aws_codebuild_project');

  test('defaults: the pinned image, a two-hour timeout, no artifacts, logs to its encrypted group', () => {
    expect(project.config.environment.image).toBe(CI_RUNNER_IMAGE);
    expect(project.config.build_timeout).toBe(DEFAULT_CI_RUNNER_TIMEOUT_MINUTES);
    expect(project.config.artifacts).toEqual({ type: 'NO_ARTIFACTS' });
    const [group] = resources(tf, 'aws_cloudwatch_log_group');
    expect(group.config.name).toBe('/aws/codebuild/feedops-test-ci-runner');
    expect(group.config.kms_key_id).toMatch(/aws_kms_key/);
  });

  test('overrides: compute type, timeout and log retention', () => {
    const custom = synthConstruct((scope) => new CiRunner(scope, 'runner', { ...props, computeType: 'BUILD_GENERAL1_LARGE', timeoutMinutes: 60, logRetentionDays: 30 }));
    const [customProject] = resources(custom, 'aws_codebuild_project');
    expect(customProject.config.environment.compute_type).toBe('BUILD_GENERAL1_LARGE');
    expect(customProject.config.build_timeout).toBe(60);
    expect(resources(custom, 'aws_cloudwatch_log_group')[0].config.retention_in_days).toBe(30);
  });

  test('the runner role writes its logs and network interfaces in its own subnets only; no IAM, no STS', () => {
    const [policy] = resources(tf, 'aws_iam_role_policy');
    const actions = JSON.parse(policy.config.policy).Statement.flatMap((s: any) => s.Action);
    expect(actions.filter((a: string) => /^(iam|sts):/.test(a))).toEqual([]);
    const eni = JSON.parse(policy.config.policy).Statement.find((s: any) => s.Sid === 'NetworkInterfacePermission');
    expect(eni.Condition.ArnEquals['ec2:Subnet']).toEqual(['arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-a', 'arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-b']);
  });

  test('fails when the project name is not a CodeBuild project name', () => {
    expect(() => synthConstruct((scope) => new CiRunner(scope, 'runner', { ...props, projectName: 'bad name' }))).toThrow(
      'runner: projectName "bad name" (allowed: letters, digits, "-" and "_", 2-255 characters)',
    );
  });
});

describe('PermissionsBoundaryAspect', () => {
  const boundary = 'arn:aws:iam::111122223333:policy/feedops-test-workload-boundary';
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [] });

  test('puts the boundary on every role of the stack', () => {
    const tf = synthConstruct((scope) => {
      new IamRole(scope, 'a', { name: 'a', assumeRolePolicy: trust });
      new IamRole(scope, 'b', { name: 'b', assumeRolePolicy: trust });
      Aspects.of(scope).add(new PermissionsBoundaryAspect(boundary));
    });
    expect(resources(tf, 'aws_iam_role').map((role) => role.config.permissions_boundary)).toEqual([boundary, boundary]);
  });

  test('fails when a role names another boundary', () => {
    expect(() =>
      synthConstruct((scope) => {
        new IamRole(scope, 'a', { name: 'a', assumeRolePolicy: trust, permissionsBoundary: 'arn:aws:iam::111122223333:policy/other' });
        Aspects.of(scope).add(new PermissionsBoundaryAspect(boundary));
      }),
    ).toThrow('permissionsBoundary "arn:aws:iam::111122223333:policy/other" (allowed: the environment\'s boundary');
  });
});

test('policyDocument fails when a statement has both or neither of Action and NotAction', () => {
  expect(() => policyDocument([{ Sid: 'X', Effect: 'Deny', Resource: '*' }])).toThrow('IAM statement X: needs exactly one of Action and NotAction');
  expect(() => policyDocument([{ Sid: 'Y', Effect: 'Deny', Action: 's3:GetObject', NotAction: 's3:PutObject', Resource: '*' }])).toThrow('IAM statement Y');
});
