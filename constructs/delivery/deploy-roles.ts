import { Construct } from 'constructs';
import { IamPolicy, IamRole, IamRolePolicy } from '../core/aws';
import { policyDocument, PolicyStatement } from '../core/iam-policy';
import { githubTrustStatement, GITHUB_OIDC_ISSUER } from './github-oidc';
import { ENVIRONMENT_TAG, ownLogGroups } from './environment-scope';
import { environmentReadStatements } from './plan-permissions';
import { workloadBoundaryStatements } from './workload-boundary';

/** Longest CI session: a prod apply of every stack including EKS upgrades. */
export const DEPLOY_ROLE_MAX_SESSION_SECONDS = 2 * 3600;

export { ENVIRONMENT_TAG } from './environment-scope';

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
  /** Name of the permissions boundary every role the apply role creates must carry. */
  readonly boundaryPolicyName: string;
  /** Prefix of every IAM role, log group, key alias and project the environment's stacks create (the cluster name). */
  readonly managedRolePrefix: string;
  /** The EKS cluster of the environment. */
  readonly clusterName: string;
  /** Roles no apply role may touch: every plan and apply role of the account, this one's included. */
  readonly protectedRoleArns: readonly string[];
  /**
   * Workflow file (under `.github/workflows/`) whose jobs may assume the apply role, and the only ref it may run from.
   * Checked through the `job_workflow_ref` and `ref` claims of the GitHub token.
   */
  readonly applyWorkflow: { readonly file: string; readonly ref: string };
  /** CodeConnections connection the CI runner projects use to reach GitHub. */
  readonly githubConnectionArn: string;
}

/**
 * The two roles CI assumes for one environment through GitHub OIDC, and the boundary of every role the apply role
 * creates:
 * - plan: reads what the environment's plans refresh (named read actions, this environment's state prefix only),
 *   from pull requests and scheduled drift checks on main;
 * - apply: manages the environment's resources, scoped by the `environment` tag or by name; creates and changes
 *   roles only with the boundary attached; cannot touch itself, the plan role or any other delivery role; only from
 *   the GitHub environment `<env>`, and only from the apply workflow on main.
 */
export class DeployRoles extends Construct {
  public readonly planRole: IamRole;
  public readonly applyRole: IamRole;
  public readonly boundary: IamPolicy;
  public readonly boundaryArn: string;

  constructor(scope: Construct, id: string, props: DeployRolesProps) {
    super(scope, id);
    const repo = `repo:${props.githubRepository}`;
    this.boundaryArn = `arn:aws:iam::${props.accountId}:policy/${props.boundaryPolicyName}`;

    this.boundary = new IamPolicy(this, 'workload-boundary', {
      name: props.boundaryPolicyName,
      description: `Ceiling of every role the ${props.environment} apply role creates`,
      policy: policyDocument(workloadBoundaryStatements({ ...props, boundaryArn: this.boundaryArn })),
    });

    this.planRole = new IamRole(this, 'plan-role', {
      name: props.planRoleName,
      description: `CI plan of ${props.environment}: read-only, from pull requests and scheduled drift checks on main`,
      maxSessionDuration: DEPLOY_ROLE_MAX_SESSION_SECONDS,
      assumeRolePolicy: policyDocument([githubTrustStatement(props.oidcProviderArn, [`${repo}:pull_request`, `${repo}:ref:refs/heads/main`])]),
    });
    new IamRolePolicy(this, 'plan-state', {
      role: this.planRole.name,
      name: 'read-state',
      policy: policyDocument([...stateStatements(props, 'read'), ...environmentReadStatements(props)]),
    });

    const trust = githubTrustStatement(props.oidcProviderArn, [`${repo}:environment:${props.environment}`]);
    this.applyRole = new IamRole(this, 'apply-role', {
      name: props.applyRoleName,
      description: `CI apply of ${props.environment}: only ${props.applyWorkflow.file} on ${props.applyWorkflow.ref}, in the GitHub environment ${props.environment}`,
      maxSessionDuration: DEPLOY_ROLE_MAX_SESSION_SECONDS,
      assumeRolePolicy: policyDocument([
        {
          ...trust,
          Condition: {
            StringEquals: {
              ...trust.Condition!.StringEquals,
              // AWS STS checks these GitHub claims (2026-01): only the apply workflow of the main branch.
              [`${GITHUB_OIDC_ISSUER}:job_workflow_ref`]: `${props.githubRepository}/.github/workflows/${props.applyWorkflow.file}@${props.applyWorkflow.ref}`,
              [`${GITHUB_OIDC_ISSUER}:ref`]: props.applyWorkflow.ref,
            },
          },
        },
      ]),
    });
    new IamRolePolicy(this, 'apply-permissions', {
      role: this.applyRole.name,
      name: 'manage-environment',
      policy: policyDocument([...stateStatements(props, 'write'), ...applyStatements(props, this.boundaryArn)]),
    });
  }
}

/**
 * The environment's state objects only. The state key is usable only with the encryption context of an object
 * under this environment's prefix (S3 SSE-KMS without bucket keys passes the object ARN as `aws:s3:arn`).
 */
function stateStatements(props: DeployRolesProps, access: 'read' | 'write'): PolicyStatement[] {
  const stateObjects = `${props.stateBucketArn}/${props.stateKeyPrefix}*`;
  const keyActions = access === 'read' ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'];
  return [
    { Sid: 'ListState', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: props.stateBucketArn, Condition: { StringLike: { 's3:prefix': [`${props.stateKeyPrefix}*`] } } },
    { Sid: 'State', Effect: 'Allow', Action: access === 'read' ? ['s3:GetObject'] : ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: stateObjects },
    {
      Sid: 'StateKey',
      Effect: 'Allow',
      Action: keyActions,
      Resource: props.stateKeyArn,
      Condition: { StringLike: { 'kms:EncryptionContext:aws:s3:arn': stateObjects } },
    },
    { Sid: 'DescribeStateKey', Effect: 'Allow', Action: ['kms:DescribeKey'], Resource: props.stateKeyArn },
  ];
}

/** EC2 resources the environment creates; each is tagged with `environment` when it is created. */
const EC2_CREATE_ACTIONS = [
  'ec2:CreateVpc', 'ec2:CreateSubnet', 'ec2:CreateRouteTable', 'ec2:CreateInternetGateway', 'ec2:CreateNatGateway',
  'ec2:AllocateAddress', 'ec2:CreateFlowLogs', 'ec2:CreateLaunchTemplate', 'ec2:CreateSecurityGroup', 'ec2:RunInstances',
];
/** Rules added to a security group; each rule is created as a tagged security-group-rule resource. */
const EC2_RULE_ACTIONS = ['ec2:AuthorizeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupEgress'];
/** Changes to an existing EC2 resource of the environment. */
const EC2_CHANGE_ACTIONS = [
  'ec2:DeleteVpc', 'ec2:ModifyVpcAttribute', 'ec2:DeleteSubnet', 'ec2:ModifySubnetAttribute', 'ec2:DeleteRouteTable',
  'ec2:CreateRoute', 'ec2:DeleteRoute', 'ec2:ReplaceRoute', 'ec2:AssociateRouteTable', 'ec2:DisassociateRouteTable',
  'ec2:DeleteInternetGateway', 'ec2:AttachInternetGateway', 'ec2:DetachInternetGateway', 'ec2:DeleteNatGateway',
  'ec2:ReleaseAddress', 'ec2:DisassociateAddress', 'ec2:DeleteFlowLogs', 'ec2:DeleteSecurityGroup',
  'ec2:AuthorizeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupEgress', 'ec2:RevokeSecurityGroupIngress',
  'ec2:RevokeSecurityGroupEgress', 'ec2:ModifySecurityGroupRules', 'ec2:UpdateSecurityGroupRuleDescriptionsIngress',
  'ec2:UpdateSecurityGroupRuleDescriptionsEgress', 'ec2:CreateLaunchTemplateVersion', 'ec2:DeleteLaunchTemplate',
  'ec2:ModifyLaunchTemplate', 'ec2:CreateTags', 'ec2:DeleteTags',
];
const KMS_KEY_ACTIONS = [
  'kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags', 'kms:PutKeyPolicy',
  'kms:EnableKeyRotation', 'kms:DisableKeyRotation', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion',
  'kms:TagResource', 'kms:UntagResource', 'kms:CreateGrant', 'kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey',
  'kms:UpdateKeyDescription', 'kms:CreateAlias', 'kms:DeleteAlias', 'kms:UpdateAlias',
];

/** What the cluster, platform and monitors stacks manage, scoped to this environment by tag or by name. */
function applyStatements(props: DeployRolesProps, boundaryArn: string): PolicyStatement[] {
  const { accountId, region, environment } = props;
  const prefix = props.managedRolePrefix;
  const managedRoles = `arn:aws:iam::${accountId}:role/${prefix}-*`;
  const ownTag = { [`aws:ResourceTag/${ENVIRONMENT_TAG}`]: environment };
  return [
    // AWS offers no resource-level permissions for EC2 Describe*/Get* calls, so they stay on "*" (read-only).
    { Sid: 'NetworkRead', Effect: 'Allow', Action: ['ec2:Describe*', 'ec2:GetLaunchTemplateData'], Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': region } } },
    {
      Sid: 'NetworkCreateTagged',
      Effect: 'Allow',
      Action: EC2_CREATE_ACTIONS,
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': region, [`aws:RequestTag/${ENVIRONMENT_TAG}`]: environment } },
    },
    {
      // Tag-on-create of the resources above (the provider sends TagSpecifications).
      Sid: 'NetworkTagOnCreate',
      Effect: 'Allow',
      Action: ['ec2:CreateTags'],
      Resource: '*',
      Condition: {
        StringEquals: {
          'ec2:CreateAction': [...EC2_CREATE_ACTIONS, ...EC2_RULE_ACTIONS].map((action) => action.replace(/^ec2:/, '')),
          [`aws:RequestTag/${ENVIRONMENT_TAG}`]: environment,
        },
      },
    },
    {
      // A rule is its own resource (security-group-rule), created tagged; its group is checked by the statements below.
      Sid: 'NetworkRulesTagged',
      Effect: 'Allow',
      Action: EC2_RULE_ACTIONS,
      Resource: `arn:aws:ec2:${region}:${accountId}:security-group-rule/*`,
      Condition: { StringEquals: { [`aws:RequestTag/${ENVIRONMENT_TAG}`]: environment } },
    },
    { Sid: 'NetworkChangeOwn', Effect: 'Allow', Action: EC2_CHANGE_ACTIONS, Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': region, ...ownTag } } },
    {
      // EKS creates the cluster security group itself, tagged with the cluster name but not with `environment`.
      Sid: 'ClusterSecurityGroupRules',
      Effect: 'Allow',
      Action: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress', 'ec2:UpdateSecurityGroupRuleDescriptionsIngress'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': region, 'aws:ResourceTag/aws:eks:cluster-name': props.clusterName } },
    },
    {
      // The environment tag is set once, at creation: moving another environment's resource into this one is refused.
      Sid: 'NoEc2Retagging',
      Effect: 'Deny',
      Action: ['ec2:CreateTags', 'ec2:DeleteTags'],
      Resource: '*',
      Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': [ENVIRONMENT_TAG] }, Null: { 'ec2:CreateAction': 'true' } },
    },
    { Sid: 'NoKmsUntagging', Effect: 'Deny', Action: ['kms:UntagResource'], Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': [ENVIRONMENT_TAG] } } },
    {
      Sid: 'NoTaggingOtherEnvironmentsKeys',
      Effect: 'Deny',
      Action: ['kms:TagResource'],
      Resource: '*',
      Condition: { StringNotEquals: { [`aws:ResourceTag/${ENVIRONMENT_TAG}`]: environment }, Null: { [`aws:ResourceTag/${ENVIRONMENT_TAG}`]: 'false' } },
    },
    {
      Sid: 'NoTaggingKeysIntoOtherEnvironments',
      Effect: 'Deny',
      Action: ['kms:TagResource'],
      Resource: '*',
      Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': [ENVIRONMENT_TAG] }, StringNotEquals: { [`aws:RequestTag/${ENVIRONMENT_TAG}`]: environment } },
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
      Resource: [`arn:aws:eks:${region}:${accountId}:cluster/${props.clusterName}`, `arn:aws:eks:${region}:${accountId}:*/${props.clusterName}/*`],
    },
    // eks:ListClusters and eks:DescribeAddonVersions have no resource-level permissions.
    { Sid: 'KubernetesCatalog', Effect: 'Allow', Action: ['eks:ListClusters', 'eks:DescribeAddonVersions'], Resource: '*' },
    {
      // Creating a role, or changing its permissions, is allowed only with the environment's boundary on the role.
      Sid: 'BoundedRoles',
      Effect: 'Allow',
      Action: ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy', 'iam:PutRolePermissionsBoundary'],
      Resource: managedRoles,
      Condition: { ArnEquals: { 'iam:PermissionsBoundary': boundaryArn } },
    },
    {
      Sid: 'EnvironmentRoles',
      Effect: 'Allow',
      Action: [
        'iam:GetRole', 'iam:DeleteRole', 'iam:TagRole', 'iam:UntagRole', 'iam:UpdateRole', 'iam:UpdateRoleDescription',
        'iam:UpdateAssumeRolePolicy', 'iam:GetRolePolicy', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies',
        'iam:ListInstanceProfilesForRole',
      ],
      Resource: managedRoles,
    },
    { Sid: 'ReadPolicies', Effect: 'Allow', Action: ['iam:GetPolicy', 'iam:GetPolicyVersion'], Resource: ['arn:aws:iam::aws:policy/*', boundaryArn] },
    {
      Sid: 'PassEnvironmentRoles',
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: managedRoles,
      Condition: { StringEquals: { 'iam:PassedToService': ['eks.amazonaws.com', 'ec2.amazonaws.com', 'vpc-flow-logs.amazonaws.com', 'pods.eks.amazonaws.com', 'codebuild.amazonaws.com'] } },
    },
    {
      Sid: 'ServiceLinkedRoles',
      Effect: 'Allow',
      Action: ['iam:CreateServiceLinkedRole'],
      Resource: `arn:aws:iam::${accountId}:role/aws-service-role/*`,
      Condition: { StringEquals: { 'iam:AWSServiceName': ['eks.amazonaws.com', 'eks-nodegroup.amazonaws.com', 'autoscaling.amazonaws.com', 'elasticloadbalancing.amazonaws.com'] } },
    },
    {
      // No role may change itself, its trust, the plan role or any other delivery role, nor lift a boundary.
      Sid: 'ProtectDeliveryRoles',
      Effect: 'Deny',
      NotAction: ['iam:GetRole', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:GetRolePolicy'],
      Resource: [...props.protectedRoleArns],
    },
    {
      Sid: 'KeepBoundaries',
      Effect: 'Deny',
      Action: ['iam:DeleteRolePermissionsBoundary', 'iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:DeletePolicyVersion', 'iam:SetDefaultPolicyVersion'],
      Resource: '*',
    },
    // CreateKey with tags also needs kms:TagResource. A key that carries no environment tag at all (none of
    // feedops' keys) could be tagged into this environment; every feedops key is tagged when it is created.
    { Sid: 'CreateKeys', Effect: 'Allow', Action: ['kms:CreateKey', 'kms:TagResource'], Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': region, [`aws:RequestTag/${ENVIRONMENT_TAG}`]: environment } } },
    { Sid: 'OwnKeys', Effect: 'Allow', Action: KMS_KEY_ACTIONS, Resource: `arn:aws:kms:${region}:${accountId}:key/*`, Condition: { StringEquals: ownTag } },
    // Aliases carry no tags: scoped by name (an alias action also needs the key, above).
    { Sid: 'OwnAliases', Effect: 'Allow', Action: ['kms:CreateAlias', 'kms:DeleteAlias', 'kms:UpdateAlias'], Resource: `arn:aws:kms:${region}:${accountId}:alias/${prefix}-*` },
    // kms:ListAliases has no resource-level permissions.
    { Sid: 'ListAliases', Effect: 'Allow', Action: ['kms:ListAliases'], Resource: '*' },
    {
      Sid: 'Logs',
      Effect: 'Allow',
      Action: [
        'logs:CreateLogGroup', 'logs:DeleteLogGroup', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy', 'logs:AssociateKmsKey',
        'logs:DisassociateKmsKey', 'logs:ListTagsForResource', 'logs:TagResource', 'logs:UntagResource',
      ],
      Resource: ownLogGroups(props),
    },
    // logs:DescribeLogGroups is authorized on the account's log-group space, not on one group.
    { Sid: 'DescribeLogGroups', Effect: 'Allow', Action: ['logs:DescribeLogGroups'], Resource: `arn:aws:logs:${region}:${accountId}:log-group:*` },
    {
      Sid: 'Runners',
      Effect: 'Allow',
      Action: [
        'codebuild:CreateProject', 'codebuild:UpdateProject', 'codebuild:DeleteProject', 'codebuild:BatchGetProjects',
        'codebuild:CreateWebhook', 'codebuild:UpdateWebhook', 'codebuild:DeleteWebhook',
      ],
      Resource: `arn:aws:codebuild:${region}:${accountId}:project/${prefix}-*`,
    },
    { Sid: 'RunnerConnection', Effect: 'Allow', Action: ['codeconnections:UseConnection', 'codeconnections:PassConnection', 'codeconnections:GetConnection'], Resource: props.githubConnectionArn },
  ];
}
