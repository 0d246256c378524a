import { invalid } from '../core/validation-error';
import { Construct } from 'constructs';
import { EksPodIdentityAssociation, IamRole, IamRolePolicy } from '../core/aws';
import { CHARTS } from '../core/chart-versions';
import type { PlainObject } from '../core/deep-merge';
import { policyDocument, serviceTrustPolicy } from '../core/iam-policy';
import { NamespaceV1 } from '../core/kubernetes';
import { PinnedHelmRelease } from '../helm/pinned-helm-release';
import type { IEksCluster } from '../cluster/eks-cluster-attributes';
import { ContainerResources, renderResources } from '../monitoring/resources';

export const EXTERNAL_SECRETS_NAMESPACE = 'external-secrets';
export const EXTERNAL_SECRETS_SERVICE_ACCOUNT = 'external-secrets';
export const DEFAULT_EXTERNAL_SECRETS_RESOURCES: ContainerResources = {
  requests: { cpu: '50m', memory: '96Mi' },
  limits: { cpu: '200m', memory: '256Mi' },
};

export interface ExternalSecretsOptions {
  /** Requests and limits of the controller, webhook and cert controller. @default 50m/96Mi requests, 200m/256Mi limits */
  readonly resources?: ContainerResources;
  /** Extra chart values, deep-merged over feedops' defaults. @default {} */
  readonly values?: PlainObject;
}

export interface ExternalSecretsProps extends ExternalSecretsOptions {
  readonly cluster: IEksCluster;
  readonly accountId: string;
  readonly region: string;
  /** Secrets Manager name prefix ESO may read, e.g. `prod/feedops/`; nothing outside it. */
  readonly secretNamePrefix: string;
}

/** The props of {@link ExternalSecretsOperator}. */
export type ExternalSecretsOperatorProps = ExternalSecretsProps;

/**
 * External Secrets Operator: its Helm release (CRDs included), an IAM role through EKS Pod Identity that can read
 * only `<secretNamePrefix>*` in AWS Secrets Manager, and a restricted namespace.
 */
export class ExternalSecretsOperator extends Construct {
  public readonly helmRelease: PinnedHelmRelease;
  public readonly role: IamRole;
  public readonly namespace: NamespaceV1;

  constructor(scope: Construct, id: string, props: ExternalSecretsOperatorProps) {
    super(scope, id);
    if (!/^[a-z0-9-]+\/[a-z0-9/-]*\/$/.test(props.secretNamePrefix)) {
      invalid(this.node.path, 'secretNamePrefix', `"${props.secretNamePrefix}" (allowed: a path ending in "/", e.g. "prod/feedops/")`);
    }
    const namespace = (this.namespace = new NamespaceV1(this, 'namespace', {
      metadata: {
        name: EXTERNAL_SECRETS_NAMESPACE,
        labels: {
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'latest',
        },
      },
    }));
    this.role = new IamRole(this, 'role', {
      name: `${props.cluster.clusterName}-external-secrets`,
      description: `External Secrets Operator of ${props.cluster.clusterName}: reads ${props.secretNamePrefix}* only`,
      assumeRolePolicy: serviceTrustPolicy('pods.eks.amazonaws.com', {
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        sourceAccount: props.accountId,
      }),
    });
    new IamRolePolicy(this, 'read-secrets', {
      role: this.role.name,
      name: 'read-feedops-secrets',
      policy: policyDocument([
        {
          Sid: 'ReadEnvironmentSecrets',
          Effect: 'Allow',
          Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          Resource: `arn:aws:secretsmanager:${props.region}:${props.accountId}:secret:${props.secretNamePrefix}*`,
        },
        {
          Sid: 'DecryptThroughSecretsManager',
          Effect: 'Allow',
          Action: ['kms:Decrypt'],
          Resource: `arn:aws:kms:${props.region}:${props.accountId}:key/*`,
          Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${props.region}.amazonaws.com` } },
        },
      ]),
    });
    const association = new EksPodIdentityAssociation(this, 'pod-identity', {
      clusterName: props.cluster.clusterName,
      namespace: EXTERNAL_SECRETS_NAMESPACE,
      serviceAccount: EXTERNAL_SECRETS_SERVICE_ACCOUNT,
      roleArn: this.role.arn,
    });
    const resources = renderResources(props.resources ?? DEFAULT_EXTERNAL_SECRETS_RESOURCES);
    this.helmRelease = new PinnedHelmRelease(this, 'chart', {
      releaseName: 'external-secrets',
      namespace: EXTERNAL_SECRETS_NAMESPACE,
      createNamespace: false,
      chart: CHARTS.externalSecrets,
      defaultValues: {
        installCRDs: true,
        serviceAccount: { create: true, name: EXTERNAL_SECRETS_SERVICE_ACCOUNT },
        resources,
        webhook: { resources },
        certController: { resources },
      },
      values: props.values,
      // Credentials must exist before the controller starts, or its first syncs fail.
      dependsOn: [namespace, association],
    });
  }
}
