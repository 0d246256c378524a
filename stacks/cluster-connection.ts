import { Construct } from 'constructs';
import { EksCluster } from '../constructs/cluster/eks-cluster';
import type { IEksCluster } from '../constructs/cluster/eks-cluster-attributes';
import { DataAwsEksCluster, DataAwsEksClusterAuth } from '../constructs/core/aws';
import { Fn } from '../constructs/core/cdktf';
import { HelmProvider } from '../constructs/core/helm';
import { KubernetesProvider } from '../constructs/core/kubernetes';

/**
 * Configures the Kubernetes and Helm providers of a stack from the `aws_eks_cluster` and `aws_eks_cluster_auth`
 * data sources, looked up by cluster name: known at plan time, never another stack's unknown values.
 * The token is short-lived (15 minutes) and read at every plan.
 */
export function connectToCluster(stack: Construct, clusterName: string, options: { helm: boolean }): IEksCluster {
  const cluster = new DataAwsEksCluster(stack, 'cluster', { name: clusterName });
  const auth = new DataAwsEksClusterAuth(stack, 'cluster-auth', { name: clusterName });
  const host = cluster.endpoint;
  const clusterCaCertificate = Fn.base64decode(cluster.certificateAuthority.get(0).data);
  new KubernetesProvider(stack, 'kubernetes', { host, clusterCaCertificate, token: auth.token });
  if (options.helm) new HelmProvider(stack, 'helm', { kubernetes: { host, clusterCaCertificate, token: auth.token } });
  return EksCluster.fromAttributes(stack, 'eks', {
    // The literal name, not the data source's echo of it, so IAM names and plans read plainly.
    clusterName,
    clusterEndpoint: host,
    clusterCertificateAuthorityData: cluster.certificateAuthority.get(0).data,
    clusterOidcIssuerUrl: cluster.identity.get(0).oidc.get(0).issuer,
    clusterSecurityGroupId: cluster.vpcConfig.get(0).clusterSecurityGroupId,
  });
}
