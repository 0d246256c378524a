import { Construct } from 'constructs';
import {
  CodebuildProject, CodebuildWebhook, IamRole, IamRolePolicy, SecurityGroup, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule,
} from '../core/aws';
import { policyDocument, serviceTrustPolicy } from '../core/iam-policy';
import { EncryptedLogGroup } from '../encryption/encrypted-log-group';
import { EncryptionKey, cloudWatchLogsKeyStatement } from '../encryption/encryption-key';
import type { INetwork } from '../network/network';

/**
 * CodeBuild's managed Amazon Linux 2023 image (Node, Python, Docker CLI preinstalled), the runner's build environment.
 * Source: AWS CodeBuild "Docker images provided by CodeBuild"; the `5.0` line is the current curated x86_64 image.
 */
export const CI_RUNNER_IMAGE = 'aws/codebuild/amazonlinux-x86_64-standard:5.0';
export const DEFAULT_CI_RUNNER_COMPUTE_TYPE = 'BUILD_GENERAL1_MEDIUM';
/** A runner lives as long as the longest job it serves: a prod apply (the apply role's two-hour session). */
export const DEFAULT_CI_RUNNER_TIMEOUT_MINUTES = 120;
export const DEFAULT_CI_RUNNER_LOG_RETENTION_DAYS = 90;
/** The GitHub webhook event that makes CodeBuild start one ephemeral runner for one queued job. */
export const CI_RUNNER_WEBHOOK_EVENT = 'WORKFLOW_JOB_QUEUED';
/** The Kubernetes API port the runners reach on the cluster's security group. */
export const KUBERNETES_API_PORT = 443;

export interface CiRunnerOptions {
  /** CodeBuild compute type of one runner. @default 'BUILD_GENERAL1_MEDIUM' */
  readonly computeType?: string;
  /** @default 120 */
  readonly timeoutMinutes?: number;
  /** @default 90 */
  readonly logRetentionDays?: number;
}

export interface CiRunnerProps extends CiRunnerOptions {
  /** CodeBuild project name; workflows select it with `runs-on: codebuild-<projectName>-<run_id>-<run_attempt>`. */
  readonly projectName: string;
  /** `<org>/<repo>` whose workflow jobs the runners take. */
  readonly githubRepository: string;
  /** CodeConnections connection to GitHub (created once per account by an administrator). */
  readonly githubConnectionArn: string;
  readonly network: INetwork;
  /** The EKS cluster security group: it admits the runners on 443, nothing else. */
  readonly clusterSecurityGroupId: string;
  readonly accountId: string;
  readonly region: string;
}

/**
 * Ephemeral GitHub Actions runners inside the environment's VPC: a CodeBuild project with a `WORKFLOW_JOB_QUEUED`
 * webhook starts one fresh container per queued job, in the private subnets, registered just-in-time and gone
 * when the job ends. The runners' security group has no ingress; the cluster's security group admits it on 443.
 * The runner role can only write its logs, manage its network interfaces and use the GitHub connection: jobs
 * assume the plan or apply role through GitHub OIDC as on hosted runners.
 */
export class CiRunner extends Construct {
  public readonly project: CodebuildProject;
  public readonly securityGroup: SecurityGroup;
  public readonly role: IamRole;
  public readonly projectName: string;

  constructor(scope: Construct, id: string, props: CiRunnerProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$/.test(props.projectName)) {
      throw new Error(`${this.node.path}: projectName "${props.projectName}" (allowed: letters, digits, "-" and "_", 2-255 characters)`);
    }
    this.projectName = props.projectName;
    const { accountId, region } = props;

    this.securityGroup = new SecurityGroup(this, 'security-group', {
      name: `${props.projectName}`,
      description: `CI runners of ${props.projectName}: no ingress; HTTPS out (GitHub, AWS APIs, the Kubernetes API)`,
      vpcId: props.network.vpcId,
      tags: { Name: props.projectName },
    });
    new VpcSecurityGroupEgressRule(this, 'egress-https', {
      securityGroupId: this.securityGroup.id,
      description: 'HTTPS to GitHub, the AWS APIs, the Terraform and Helm registries (through NAT) and the Kubernetes API',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: '0.0.0.0/0',
    });
    new VpcSecurityGroupIngressRule(this, 'cluster-api-from-runners', {
      securityGroupId: props.clusterSecurityGroupId,
      description: `Kubernetes API from the CI runners (${props.projectName})`,
      ipProtocol: 'tcp',
      fromPort: KUBERNETES_API_PORT,
      toPort: KUBERNETES_API_PORT,
      referencedSecurityGroupId: this.securityGroup.id,
    });

    const logKey = new EncryptionKey(this, 'log-key', {
      description: `Logs of the CI runners ${props.projectName}`,
      alias: `${props.projectName}-logs`,
      accountId,
      additionalStatements: [cloudWatchLogsKeyStatement(accountId, region)],
    });
    const logs = new EncryptedLogGroup(this, 'logs', {
      logGroupName: `/aws/codebuild/${props.projectName}`,
      retentionInDays: props.logRetentionDays ?? DEFAULT_CI_RUNNER_LOG_RETENTION_DAYS,
      kmsKeyArn: logKey.keyArn,
    });

    const subnetArns = props.network.privateSubnetIds.map((subnetId) => `arn:aws:ec2:${region}:${accountId}:subnet/${subnetId}`);
    this.role = new IamRole(this, 'role', {
      name: `${props.projectName}`,
      description: `CodeBuild service role of the CI runners ${props.projectName}: logs, network interfaces, the GitHub connection`,
      assumeRolePolicy: serviceTrustPolicy('codebuild.amazonaws.com', { sourceAccount: accountId }),
    });
    new IamRolePolicy(this, 'runner-permissions', {
      role: this.role.name,
      name: 'run-jobs',
      policy: policyDocument([
        { Sid: 'Logs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: [`${logs.logGroup.arn}`, `${logs.logGroup.arn}:*`] },
        {
          // CodeBuild in a VPC: these describe calls have no resource-level permissions.
          Sid: 'DescribeNetwork',
          Effect: 'Allow',
          Action: ['ec2:DescribeDhcpOptions', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups', 'ec2:DescribeVpcs'],
          Resource: '*',
        },
        { Sid: 'NetworkInterfaces', Effect: 'Allow', Action: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface'], Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': region } } },
        {
          Sid: 'NetworkInterfacePermission',
          Effect: 'Allow',
          Action: ['ec2:CreateNetworkInterfacePermission'],
          Resource: `arn:aws:ec2:${region}:${accountId}:network-interface/*`,
          Condition: { StringEquals: { 'ec2:AuthorizedService': 'codebuild.amazonaws.com' }, ArnEquals: { 'ec2:Subnet': subnetArns } },
        },
        {
          Sid: 'GithubConnection',
          Effect: 'Allow',
          Action: ['codeconnections:GetConnectionToken', 'codeconnections:GetConnection', 'codeconnections:UseConnection'],
          Resource: props.githubConnectionArn,
        },
      ]),
    });

    this.project = new CodebuildProject(this, 'project', {
      name: props.projectName,
      description: `Ephemeral GitHub Actions runners for ${props.githubRepository} inside ${props.projectName}'s VPC`,
      serviceRole: this.role.arn,
      buildTimeout: props.timeoutMinutes ?? DEFAULT_CI_RUNNER_TIMEOUT_MINUTES,
      artifacts: { type: 'NO_ARTIFACTS' },
      environment: {
        type: 'LINUX_CONTAINER',
        computeType: props.computeType ?? DEFAULT_CI_RUNNER_COMPUTE_TYPE,
        image: CI_RUNNER_IMAGE,
        imagePullCredentialsType: 'CODEBUILD',
        privilegedMode: false,
      },
      source: {
        type: 'GITHUB',
        location: `https://github.com/${props.githubRepository}.git`,
        auth: { type: 'CODECONNECTIONS', resource: props.githubConnectionArn },
      },
      vpcConfig: { vpcId: props.network.vpcId, subnets: props.network.privateSubnetIds, securityGroupIds: [this.securityGroup.id] },
      logsConfig: { cloudwatchLogs: { groupName: logs.logGroup.name, status: 'ENABLED' }, s3Logs: { status: 'DISABLED' } },
      dependsOn: [logs.logGroup],
    });
    new CodebuildWebhook(this, 'webhook', {
      projectName: this.project.name,
      buildType: 'BUILD',
      filterGroup: [{ filter: [{ type: 'EVENT', pattern: CI_RUNNER_WEBHOOK_EVENT }] }],
    });
  }
}
