import type { PolicyStatement } from '../core/iam-policy';
import type { DeployRolesProps } from './deploy-roles';
import { ENVIRONMENT_TAG, ownLogGroups } from './environment-scope';

/**
 * What a plan of the environment's stacks refreshes, read-only, instead of AWS ReadOnlyAccess (which reads every
 * bucket, every environment's state included). Scoped by name or by the `environment` tag where AWS allows it.
 */
export function environmentReadStatements(props: DeployRolesProps): PolicyStatement[] {
  const { accountId, region, environment } = props;
  const prefix = props.managedRolePrefix;
  return [
    // EC2 Describe* and GetLaunchTemplateData have no resource-level permissions: they stay on "*".
    { Sid: 'ReadNetwork', Effect: 'Allow', Action: ['ec2:Describe*', 'ec2:GetLaunchTemplateData'], Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': region } } },
    {
      Sid: 'ReadCluster',
      Effect: 'Allow',
      Action: ['eks:Describe*', 'eks:List*'],
      Resource: [`arn:aws:eks:${region}:${accountId}:cluster/${props.clusterName}`, `arn:aws:eks:${region}:${accountId}:*/${props.clusterName}/*`],
    },
    { Sid: 'ReadKubernetesCatalog', Effect: 'Allow', Action: ['eks:ListClusters', 'eks:DescribeAddonVersions'], Resource: '*' },
    {
      Sid: 'ReadRoles',
      Effect: 'Allow',
      Action: ['iam:GetRole', 'iam:GetRolePolicy', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:ListInstanceProfilesForRole'],
      Resource: `arn:aws:iam::${accountId}:role/${prefix}-*`,
    },
    { Sid: 'ReadPolicies', Effect: 'Allow', Action: ['iam:GetPolicy', 'iam:GetPolicyVersion'], Resource: ['arn:aws:iam::aws:policy/*', `arn:aws:iam::${accountId}:policy/${props.boundaryPolicyName}`] },
    {
      Sid: 'ReadKeys',
      Effect: 'Allow',
      Action: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'],
      Resource: `arn:aws:kms:${region}:${accountId}:key/*`,
      Condition: { StringEquals: { [`aws:ResourceTag/${ENVIRONMENT_TAG}`]: environment } },
    },
    { Sid: 'ListAliases', Effect: 'Allow', Action: ['kms:ListAliases'], Resource: '*' },
    { Sid: 'DescribeLogGroups', Effect: 'Allow', Action: ['logs:DescribeLogGroups'], Resource: `arn:aws:logs:${region}:${accountId}:log-group:*` },
    { Sid: 'ReadLogGroups', Effect: 'Allow', Action: ['logs:ListTagsForResource'], Resource: ownLogGroups(props) },
    { Sid: 'ReadRunners', Effect: 'Allow', Action: ['codebuild:BatchGetProjects'], Resource: `arn:aws:codebuild:${region}:${accountId}:project/${prefix}-*` },
  ];
}
