import { Construct } from 'constructs';
import { IamRole, IamRolePolicy, IamRolePolicyAttachment } from '../core/aws';
import { awsManagedPolicyArn, policyDocument, PolicyStatement } from '../core/iam-policy';
import { githubTrustStatement } from './github-oidc';

/** Longest CI session: a prod apply of every stack including EKS upgrades. */
export const DEPLOY_ROLE_MAX_SESSION_SECONDS = 2 * 3600;

export interface DeployRolesProps {
  readonly environment: string;
  readonly accountId: string;
  readonly region: string;
  /** `<org>/<repo>` allowed to assume the roles. */
  readonly githubRepository: string;
  readonly oidcProviderArn: string;
  readonly stateBucketArn: string;
  readonly stateKeyArn: string;
  /** State object prefix of this environment's stacks, e.g. `feedops/prod-` (matches `feedops/prod-cluster/...`). */
  readonly stateKeyPrefix: string;
  readonly planRoleName: string;
  readonly applyRoleName: string;
  /** Prefix of every IAM role the environment's stacks create (the cluster name). */
  readonly managedRolePrefix: string;
}

/**
 * The two roles CI assumes for one environment through GitHub OIDC:
 * - plan: read-only (AWS ReadOnlyAccess plus reading this environment's state), for pull requests and drift checks on main;
 * - apply: manages the environment's resources with named actions only, only from the GitHub environment `<env>`
 *   (where production requires a reviewer).
 */
export class DeployRoles extends Construct {
  public readonly planRole: IamRole;
  public readonly applyRole: IamRole;

  constructor(scope: Construct, id: string, props: DeployRolesProps) {
    super(scope, id);
    const repo = `repo:${props.githubRepository}`;
    const stateObjects = `${props.stateBucketArn}/${props.stateKeyPrefix}*`;

    this.planRole = new IamRole(this, 'plan-role', {
      name: props.planRoleName,
      description: `CI plan of ${props.environment}: read-only, from pull requests and scheduled drift checks on main`,
      maxSessionDuration: DEPLOY_ROLE_MAX_SESSION_SECONDS,
      assumeRolePolicy: policyDocument([githubTrustStatement(props.oidcProviderArn, [`${repo}:pull_request`, `${repo}:ref:refs/heads/main`])]),
    });
    new IamRolePolicyAttachment(this, 'plan-read-only', { role: this.planRole.name, policyArn: awsManagedPolicyArn('ReadOnlyAccess') });
    new IamRolePolicy(this, 'plan-state', {
      role: this.planRole.name,
      name: 'read-state',
      policy: policyDocument([
        { Sid: 'ListState', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: props.stateBucketArn, Condition: { StringLike: { 's3:prefix': [`${props.stateKeyPrefix}*`] } } },
        { Sid: 'ReadState', Effect: 'Allow', Action: ['s3:GetObject'], Resource: stateObjects },
        { Sid: 'DecryptState', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: props.stateKeyArn },
      ]),
    });

    this.applyRole = new IamRole(this, 'apply-role', {
      name: props.applyRoleName,
      description: `CI apply of ${props.environment}: only from the GitHub environment ${props.environment}`,
      maxSessionDuration: DEPLOY_ROLE_MAX_SESSION_SECONDS,
      assumeRolePolicy: policyDocument([githubTrustStatement(props.oidcProviderArn, [`${repo}:environment:${props.environment}`])]),
    });
    new IamRolePolicy(this, 'apply-permissions', {
      role: this.applyRole.name,
      name: 'manage-environment',
      policy: policyDocument(applyStatements(props, stateObjects)),
    });
  }
}

/** What the cluster, platform and monitors stacks manage, as named (or verb-prefixed) actions. */
function applyStatements(props: DeployRolesProps, stateObjects: string): PolicyStatement[] {
  const { accountId, region } = props;
  const managedRoles = `arn:aws:iam::${accountId}:role/${props.managedRolePrefix}-*`;
  return [
    { Sid: 'State', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: stateObjects },
    { Sid: 'ListState', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: props.stateBucketArn },
    { Sid: 'StateKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'], Resource: props.stateKeyArn },
    {
      Sid: 'Network',
      Effect: 'Allow',
      Action: [
        'ec2:Describe*', 'ec2:Get*', 'ec2:CreateTags', 'ec2:DeleteTags', 'ec2:CreateVpc', 'ec2:DeleteVpc', 'ec2:ModifyVpcAttribute',
        'ec2:CreateSubnet', 'ec2:DeleteSubnet', 'ec2:ModifySubnetAttribute', 'ec2:CreateRouteTable', 'ec2:DeleteRouteTable',
        'ec2:CreateRoute', 'ec2:DeleteRoute', 'ec2:ReplaceRoute', 'ec2:AssociateRouteTable', 'ec2:DisassociateRouteTable',
        'ec2:CreateInternetGateway', 'ec2:DeleteInternetGateway', 'ec2:AttachInternetGateway', 'ec2:DetachInternetGateway',
        'ec2:CreateNatGateway', 'ec2:DeleteNatGateway', 'ec2:AllocateAddress', 'ec2:ReleaseAddress', 'ec2:DisassociateAddress',
        'ec2:CreateFlowLogs', 'ec2:DeleteFlowLogs', 'ec2:RevokeSecurityGroupIngress', 'ec2:RevokeSecurityGroupEgress',
        'ec2:AuthorizeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupEgress', 'ec2:CreateLaunchTemplate',
        'ec2:CreateLaunchTemplateVersion', 'ec2:DeleteLaunchTemplate', 'ec2:ModifyLaunchTemplate', 'ec2:RunInstances',
      ],
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': region } },
    },
    {
      Sid: 'Kubernetes',
      Effect: 'Allow',
      Action: [
        'eks:Describe*', 'eks:List*', 'eks:CreateCluster', 'eks:DeleteCluster', 'eks:UpdateClusterConfig', 'eks:UpdateClusterVersion',
        'eks:CreateNodegroup', 'eks:DeleteNodegroup', 'eks:UpdateNodegroupConfig', 'eks:UpdateNodegroupVersion', 'eks:CreateAddon',
        'eks:DeleteAddon', 'eks:UpdateAddon', 'eks:CreateAccessEntry', 'eks:DeleteAccessEntry', 'eks:UpdateAccessEntry',
        'eks:AssociateAccessPolicy', 'eks:DisassociateAccessPolicy', 'eks:CreatePodIdentityAssociation',
        'eks:DeletePodIdentityAssociation', 'eks:UpdatePodIdentityAssociation', 'eks:AssociateEncryptionConfig',
        'eks:TagResource', 'eks:UntagResource',
      ],
      Resource: [`arn:aws:eks:${region}:${accountId}:*/${props.managedRolePrefix}*`, `arn:aws:eks:${region}:${accountId}:cluster/${props.managedRolePrefix}`],
    },
    {
      Sid: 'EnvironmentRoles',
      Effect: 'Allow',
      Action: [
        'iam:GetRole', 'iam:CreateRole', 'iam:DeleteRole', 'iam:TagRole', 'iam:UntagRole', 'iam:UpdateRole',
        'iam:UpdateAssumeRolePolicy', 'iam:PutRolePolicy', 'iam:GetRolePolicy', 'iam:DeleteRolePolicy', 'iam:AttachRolePolicy',
        'iam:DetachRolePolicy', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:ListInstanceProfilesForRole',
      ],
      Resource: managedRoles,
    },
    {
      Sid: 'PassEnvironmentRoles',
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: managedRoles,
      Condition: { StringEquals: { 'iam:PassedToService': ['eks.amazonaws.com', 'ec2.amazonaws.com', 'vpc-flow-logs.amazonaws.com', 'pods.eks.amazonaws.com'] } },
    },
    {
      Sid: 'ServiceLinkedRoles',
      Effect: 'Allow',
      Action: ['iam:CreateServiceLinkedRole'],
      Resource: `arn:aws:iam::${accountId}:role/aws-service-role/*`,
      Condition: { StringEquals: { 'iam:AWSServiceName': ['eks.amazonaws.com', 'eks-nodegroup.amazonaws.com', 'autoscaling.amazonaws.com', 'elasticloadbalancing.amazonaws.com'] } },
    },
    {
      Sid: 'Keys',
      Effect: 'Allow',
      Action: [
        'kms:CreateKey', 'kms:CreateAlias', 'kms:DeleteAlias', 'kms:UpdateAlias', 'kms:DescribeKey', 'kms:GetKeyPolicy',
        'kms:GetKeyRotationStatus', 'kms:ListAliases', 'kms:ListResourceTags', 'kms:PutKeyPolicy', 'kms:EnableKeyRotation',
        'kms:ScheduleKeyDeletion', 'kms:TagResource', 'kms:UntagResource', 'kms:CreateGrant', 'kms:Encrypt', 'kms:Decrypt',
        'kms:GenerateDataKey*',
      ],
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': region } },
    },
    {
      Sid: 'Logs',
      Effect: 'Allow',
      Action: [
        'logs:CreateLogGroup', 'logs:DeleteLogGroup', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy', 'logs:AssociateKmsKey',
        'logs:DisassociateKmsKey', 'logs:DescribeLogGroups', 'logs:ListTagsForResource', 'logs:TagResource', 'logs:UntagResource',
      ],
      Resource: [`arn:aws:logs:${region}:${accountId}:log-group:/aws/eks/${props.managedRolePrefix}/*`, `arn:aws:logs:${region}:${accountId}:log-group:/aws/vpc/${props.managedRolePrefix}/*`, `arn:aws:logs:${region}:${accountId}:log-group::log-stream:`],
    },
  ];
}
