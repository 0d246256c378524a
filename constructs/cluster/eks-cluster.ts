import { invalid } from '../core/validation-error';
import { Construct } from 'constructs';
import {
  AwsEksCluster, EksAccessEntry, EksAccessPolicyAssociation, EksAddon, IamRole, IamRolePolicy, IamRolePolicyAttachment,
} from '../core/aws';
import { OPEN_TO_THE_INTERNET } from '../core/cidr';
import { awsManagedPolicyArn, policyDocument, serviceTrustPolicy } from '../core/iam-policy';
import { KubernetesVersion } from '../core/kubernetes-version';
import { EncryptedLogGroup } from '../encryption/encrypted-log-group';
import { EncryptionKey, cloudWatchLogsKeyStatement } from '../encryption/encryption-key';
import type { INetwork } from '../network/network';
import { EksClusterAttributes, IEksCluster, ImportedEksCluster } from './eks-cluster-attributes';
import { ManagedNodeGroup, NodeGroupOptions } from './node-group';

/** Every EKS control-plane log type (CKV_AWS_37). */
export const CONTROL_PLANE_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] as const;
export const DEFAULT_CONTROL_PLANE_LOG_RETENTION_DAYS = 365;
/** EKS access policy for administrators and the CI apply role. */
export const CLUSTER_ADMIN_ACCESS_POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';
/**
 * Kubernetes group of read-only principals such as the CI plan role. They get no EKS access policy (even
 * AmazonEKSAdminViewPolicy reads every Secret): the platform stack's RBAC (constructs/access/plan-reader-rbac.ts)
 * grants this group what a plan reads, without application secrets.
 */
export const CLUSTER_VIEWER_GROUP = 'feedops-plan-readers';
/** Service account of the EBS CSI controller, bound to its IAM role through Pod Identity. */
export const EBS_CSI_SERVICE_ACCOUNT = { namespace: 'kube-system', name: 'ebs-csi-controller-sa' };

export interface EksClusterOptions {
  readonly kubernetesVersion: KubernetesVersion;
  /**
   * CIDRs allowed to reach the public API endpoint. Empty turns the public endpoint off; the private
   * endpoint is always on. `0.0.0.0/0` and `::/0` are refused.
   * @default [] (private endpoint only)
   */
  readonly publicEndpointCidrs?: readonly string[];
  /** @default 365 */
  readonly controlPlaneLogRetentionDays?: number;
  /** IAM roles granted cluster-admin through access entries. @default [] */
  readonly adminRoleArns?: readonly string[];
  /** IAM roles put in the Kubernetes group CLUSTER_VIEWER_GROUP (no access policy), e.g. the CI plan role. @default [] */
  readonly viewerRoleArns?: readonly string[];
  /** Managed node groups keyed by a logical name. */
  readonly nodeGroups: Readonly<Record<string, NodeGroupOptions>>;
  /** EKS deletion protection plus Terraform `prevent_destroy` on the cluster. @default true */
  readonly deletionProtection?: boolean;
}

export interface EksClusterProps extends EksClusterOptions {
  readonly clusterName: string;
  readonly network: INetwork;
  readonly accountId: string;
  readonly region: string;
}

/**
 * A production-grade EKS cluster: secrets encrypted with its own rotating KMS key, all control-plane logs to an
 * encrypted log group, private endpoint (public only for an explicit allow-list), API authentication mode with
 * access entries, AL2023 managed node groups, and pinned managed add-ons (EBS CSI through Pod Identity).
 */
export class EksCluster extends Construct implements IEksCluster {
  /** A cluster created elsewhere, for stacks and teams that deploy onto it. */
  public static fromAttributes(scope: Construct, id: string, attributes: EksClusterAttributes): IEksCluster {
    return new ImportedEksCluster(scope, id, attributes);
  }

  public readonly clusterName: string;
  public readonly clusterEndpoint: string;
  public readonly clusterCertificateAuthorityData: string;
  public readonly clusterOidcIssuerUrl: string;
  public readonly clusterSecurityGroupId: string;
  public readonly cluster: AwsEksCluster;
  public readonly secretsKey: EncryptionKey;
  public readonly nodeGroups: Readonly<Record<string, ManagedNodeGroup>>;
  public readonly nodeRole: IamRole;

  constructor(scope: Construct, id: string, props: EksClusterProps) {
    super(scope, id);
    const publicEndpointCidrs = props.publicEndpointCidrs ?? [];
    const open = publicEndpointCidrs.find((cidr) => (OPEN_TO_THE_INTERNET as readonly string[]).includes(cidr));
    if (open) {
      invalid(this.node.path, 'publicEndpointCidrs', `contains "${open}" (allowed: specific CIDRs, or [] for private only)`);
    }
    if (Object.keys(props.nodeGroups).length === 0) {
      invalid(this.node.path, 'nodeGroups', 'is empty (allowed: at least one node group)');
    }
    const name = props.clusterName;
    const deletionProtection = props.deletionProtection ?? true;

    this.secretsKey = new EncryptionKey(this, 'secrets-key', {
      description: `Kubernetes secrets of EKS cluster ${name}`,
      alias: `${name}-eks-secrets`,
      accountId: props.accountId,
    });
    const logKey = new EncryptionKey(this, 'log-key', {
      description: `Control-plane logs of EKS cluster ${name}`,
      alias: `${name}-eks-logs`,
      accountId: props.accountId,
      additionalStatements: [cloudWatchLogsKeyStatement(props.accountId, props.region)],
    });
    // EKS writes to exactly this name; creating it first gives it retention and encryption (CKV_AWS_66/158).
    const controlPlaneLogs = new EncryptedLogGroup(this, 'control-plane-logs', {
      logGroupName: `/aws/eks/${name}/cluster`,
      retentionInDays: props.controlPlaneLogRetentionDays ?? DEFAULT_CONTROL_PLANE_LOG_RETENTION_DAYS,
      kmsKeyArn: logKey.keyArn,
    });

    const clusterRole = new IamRole(this, 'cluster-role', {
      name: `${name}-cluster`,
      description: `EKS control plane of ${name}`,
      assumeRolePolicy: serviceTrustPolicy('eks.amazonaws.com', { actions: ['sts:AssumeRole', 'sts:TagSession'] }),
    });
    new IamRolePolicyAttachment(this, 'cluster-role-eks-policy', {
      role: clusterRole.name,
      policyArn: awsManagedPolicyArn('AmazonEKSClusterPolicy'),
    });
    new IamRolePolicy(this, 'cluster-role-secrets-key', {
      role: clusterRole.name,
      name: 'use-secrets-key',
      policy: policyDocument([
        {
          Sid: 'EnvelopeEncryptionOfSecrets',
          Effect: 'Allow',
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ListGrants', 'kms:DescribeKey'],
          Resource: this.secretsKey.keyArn,
        },
      ]),
    });

    this.cluster = new AwsEksCluster(this, 'cluster', {
      name,
      version: props.kubernetesVersion.version,
      roleArn: clusterRole.arn,
      vpcConfig: {
        subnetIds: props.network.privateSubnetIds,
        endpointPrivateAccess: true,
        endpointPublicAccess: publicEndpointCidrs.length > 0,
        publicAccessCidrs: publicEndpointCidrs.length > 0 ? [...publicEndpointCidrs] : undefined,
      },
      accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
      // feedops installs vpc-cni, kube-proxy and coredns as managed add-ons with pinned versions instead.
      bootstrapSelfManagedAddons: false,
      encryptionConfig: { provider: { keyArn: this.secretsKey.keyArn }, resources: ['secrets'] },
      enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
      upgradePolicy: { supportType: 'STANDARD' },
      deletionProtection,
      dependsOn: [controlPlaneLogs.logGroup],
      lifecycle: { preventDestroy: deletionProtection },
    });
    this.clusterName = this.cluster.name;
    this.clusterEndpoint = this.cluster.endpoint;
    this.clusterCertificateAuthorityData = this.cluster.certificateAuthority.get(0).data;
    this.clusterOidcIssuerUrl = this.cluster.identity.get(0).oidc.get(0).issuer;
    this.clusterSecurityGroupId = this.cluster.vpcConfig.clusterSecurityGroupId;

    this.grantAccess('admin', props.adminRoleArns ?? [], CLUSTER_ADMIN_ACCESS_POLICY);
    this.grantAccess('viewer', props.viewerRoleArns ?? [], undefined, [CLUSTER_VIEWER_GROUP]);

    const addonVersions = props.kubernetesVersion.addonVersions;
    const addon = (addonId: string, addonName: string, version: string, extra: Partial<ConstructorParameters<typeof EksAddon>[2]> = {}) =>
      new EksAddon(this, addonId, {
        clusterName: this.cluster.name,
        addonName,
        addonVersion: version,
        resolveConflictsOnCreate: 'OVERWRITE',
        resolveConflictsOnUpdate: 'OVERWRITE',
        ...extra,
      });
    // Nodes need networking and credentials before they can become Ready.
    const nodePrerequisites = [
      addon('vpc-cni', 'vpc-cni', addonVersions.vpcCni),
      addon('kube-proxy', 'kube-proxy', addonVersions.kubeProxy),
      addon('pod-identity-agent', 'eks-pod-identity-agent', addonVersions.podIdentityAgent),
    ];

    this.nodeRole = new IamRole(this, 'node-role', {
      name: `${name}-node`,
      description: `Managed nodes of ${name}`,
      assumeRolePolicy: serviceTrustPolicy('ec2.amazonaws.com'),
    });
    for (const policy of ['AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryReadOnly', 'AmazonEKS_CNI_Policy']) {
      new IamRolePolicyAttachment(this, `node-role-${policy}`, { role: this.nodeRole.name, policyArn: awsManagedPolicyArn(policy) });
    }

    const groups: Record<string, ManagedNodeGroup> = {};
    for (const [key, options] of Object.entries(props.nodeGroups)) {
      groups[key] = new ManagedNodeGroup(this, `node-group-${key}`, {
        ...options,
        clusterName: this.cluster.name,
        nodeGroupName: options.name ?? `${name}-${key}`,
        nodeRoleArn: this.nodeRole.arn,
        subnetIds: props.network.privateSubnetIds,
        dependsOn: nodePrerequisites,
      });
    }
    this.nodeGroups = groups;
    const nodeGroupResources = Object.values(groups).map((group) => group.nodeGroup);

    // CoreDNS and the EBS CSI controller are Deployments: they need nodes to schedule on.
    addon('coredns', 'coredns', addonVersions.coredns, { dependsOn: nodeGroupResources });
    const ebsCsiRole = new IamRole(this, 'ebs-csi-role', {
      name: `${name}-ebs-csi`,
      description: `EBS CSI controller of ${name} (Pod Identity)`,
      assumeRolePolicy: serviceTrustPolicy('pods.eks.amazonaws.com', {
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        sourceAccount: props.accountId,
      }),
    });
    new IamRolePolicyAttachment(this, 'ebs-csi-role-policy', {
      role: ebsCsiRole.name,
      policyArn: awsManagedPolicyArn('service-role/AmazonEBSCSIDriverPolicy'),
    });
    addon('ebs-csi-driver', 'aws-ebs-csi-driver', addonVersions.ebsCsiDriver, {
      podIdentityAssociation: [{ roleArn: ebsCsiRole.arn, serviceAccount: EBS_CSI_SERVICE_ACCOUNT.name }],
      dependsOn: nodeGroupResources,
    });
  }

  private grantAccess(kind: string, roleArns: readonly string[], accessPolicyArn: string | undefined, kubernetesGroups?: string[]): void {
    roleArns.forEach((principalArn) => {
      const roleName = principalArn.split('/').pop() as string;
      const entry = new EksAccessEntry(this, `${kind}-access-${roleName}`, {
        clusterName: this.cluster.name,
        principalArn,
        type: 'STANDARD',
        kubernetesGroups,
      });
      if (accessPolicyArn === undefined) return;
      new EksAccessPolicyAssociation(this, `${kind}-access-policy-${roleName}`, {
        clusterName: this.cluster.name,
        principalArn: entry.principalArn,
        policyArn: accessPolicyArn,
        accessScope: { type: 'cluster' },
      });
    });
  }
}
