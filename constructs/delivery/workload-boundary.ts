import type { PolicyStatement } from '../core/iam-policy';
import { ENVIRONMENT_TAG } from './environment-scope';

export interface WorkloadBoundaryProps {
  readonly environment: string;
  readonly accountId: string;
  readonly boundaryArn: string;
}

/**
 * Permissions boundary of every role the apply role creates (cluster, nodes, add-ons, External Secrets, CI runners).
 * A ceiling, not a grant: the role's own policies still decide. Whatever they say, a bounded role cannot manage IAM
 * (so it cannot mint an unbounded role), the organization or the account, and cannot act on a resource tagged with
 * another environment.
 */
export function workloadBoundaryStatements(props: WorkloadBoundaryProps): PolicyStatement[] {
  return [
    { Sid: 'CeilingOutsideIdentityManagement', Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*', 'sts:*'], Resource: '*' },
    // EKS creates the load-balancer and node-group service-linked roles on first use.
    { Sid: 'ServiceLinkedRoles', Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole'], Resource: `arn:aws:iam::${props.accountId}:role/aws-service-role/*` },
    {
      Sid: 'NoOtherEnvironments',
      Effect: 'Deny',
      Action: ['*'],
      Resource: '*',
      Condition: { StringNotEquals: { [`aws:ResourceTag/${ENVIRONMENT_TAG}`]: props.environment }, Null: { [`aws:ResourceTag/${ENVIRONMENT_TAG}`]: 'false' } },
    },
  ];
}
