import { Construct } from 'constructs';
import { DataAwsEksCluster, DataAwsEksClusterAuth } from '../core/aws';
import { Fn } from '../core/cdktf';
import { HelmProvider } from '../core/helm';
import { KubernetesProvider } from '../core/kubernetes';
import { invalid } from '../core/validation-error';
import type { IEksCluster } from './eks-cluster-attributes';
import { ImportedEksCluster } from './eks-cluster-attributes';

export interface FeedopsClusterConnectionProps {
  /** Name of the feedops EKS cluster to deploy onto, e.g. `feedops-prod` (the `cluster_name` output of its cluster stack). */
  readonly clusterName: string;
  /**
   * Also configure a Helm provider (for `helm_release` resources) on the same cluster.
   * @default false
   */
  readonly helm?: boolean;
}

/**
 * Connects the Kubernetes (and optionally Helm) provider of the stack it is in to a feedops EKS cluster, from the
 * `aws_eks_cluster` and `aws_eks_cluster_auth` data sources looked up by cluster name: known at plan time, never another
 * stack's unknown values. The token is short-lived (15 minutes) and read at every plan. The stack needs an AWS
 * provider in the cluster's account that may call `eks:DescribeCluster`.
 */
export class FeedopsClusterConnection extends Construct {
  /** The cluster as other constructs take it (name, endpoint, CA, OIDC issuer, cluster security group). */
  public readonly cluster: IEksCluster;
  public readonly kubernetesProvider: KubernetesProvider;
  /** The Helm provider, when `helm` is set; otherwise undefined. */
  public readonly helmProvider?: HelmProvider;

  constructor(scope: Construct, id: string, props: FeedopsClusterConnectionProps) {
    super(scope, id);
    if (typeof props.clusterName !== 'string' || !/^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/.test(props.clusterName)) {
      invalid(this.node.path, 'clusterName', `${JSON.stringify(props.clusterName)} is invalid (allowed: an EKS cluster name, e.g. "feedops-prod")`);
    }
    const cluster = new DataAwsEksCluster(this, 'cluster', { name: props.clusterName });
    const auth = new DataAwsEksClusterAuth(this, 'cluster-auth', { name: props.clusterName });
    const host = cluster.endpoint;
    const certificateAuthorityData = cluster.certificateAuthority.get(0).data;
    const clusterCaCertificate = Fn.base64decode(certificateAuthorityData);
    this.kubernetesProvider = new KubernetesProvider(this, 'kubernetes', { host, clusterCaCertificate, token: auth.token });
    if (props.helm) this.helmProvider = new HelmProvider(this, 'helm', { kubernetes: { host, clusterCaCertificate, token: auth.token } });
    this.cluster = new ImportedEksCluster(this, 'eks', {
      // The literal name, not the data source's echo of it, so IAM names and plans read plainly.
      clusterName: props.clusterName,
      clusterEndpoint: host,
      clusterCertificateAuthorityData: certificateAuthorityData,
      clusterOidcIssuerUrl: cluster.identity.get(0).oidc.get(0).issuer,
      clusterSecurityGroupId: cluster.vpcConfig.get(0).clusterSecurityGroupId,
    });
  }
}
