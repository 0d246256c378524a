import { Construct } from 'constructs';
import { EksCluster } from '../constructs/cluster/eks-cluster';
import { TerraformOutput } from '../constructs/core/cdktf';
import { CiRunner } from '../constructs/delivery/ci-runner';
import { KubernetesVersion } from '../constructs/core/kubernetes-version';
import { Network } from '../constructs/network/network';
import { deliveryForAccount, type DeliveryConfig } from '../environments/delivery';
import type { EnvironmentConfig } from '../environments/schema';
import { environmentStackProps, FeedopsStack } from './feedops-stack';
import { applyRoleName, ciRunnerProjectName, planRoleName, roleArn, stackName } from './naming';

/** Outputs of a cluster stack; their names are read by people and scripts, so they are stable. */
export const CLUSTER_STACK_OUTPUTS = [
  'cluster_name', 'cluster_endpoint', 'cluster_certificate_authority_data', 'cluster_oidc_issuer_url',
  'cluster_security_group_id', 'vpc_id', 'private_subnet_ids', 'public_subnet_ids', 'node_role_arn', 'ci_runner_project',
] as const;

/** `<env>-cluster`: the VPC and the EKS cluster of one environment. AWS only. */
export class ClusterStack extends FeedopsStack {
  public readonly network: Network;
  public readonly cluster: EksCluster;
  public readonly ciRunner: CiRunner;

  constructor(scope: Construct, env: EnvironmentConfig, delivery: DeliveryConfig) {
    const name = stackName(env.name, 'cluster');
    super(scope, name, environmentStackProps(env, delivery));
    this.network = new Network(this, 'network', {
      name: env.cluster.name,
      accountId: env.account.id,
      region: env.account.region,
      clusterName: env.cluster.name,
      vpcCidr: env.network.vpcCidr,
      availabilityZones: env.network.availabilityZones,
      natGateways: env.network.natGateways,
      flowLogRetentionDays: env.network.flowLogRetentionDays,
    });
    this.cluster = new EksCluster(this, 'eks', {
      clusterName: env.cluster.name,
      network: this.network,
      accountId: env.account.id,
      region: env.account.region,
      kubernetesVersion: KubernetesVersion.of(env.cluster.kubernetesVersion),
      publicEndpointCidrs: env.cluster.publicEndpointCidrs,
      controlPlaneLogRetentionDays: env.cluster.controlPlaneLogRetentionDays,
      adminRoleArns: [...env.cluster.adminRoleArns, roleArn(env.account.id, applyRoleName(env.name))],
      viewerRoleArns: [roleArn(env.account.id, planRoleName(env.name))],
      nodeGroups: env.cluster.nodeGroups,
      deletionProtection: env.cluster.deletionProtection,
    });
    // In-VPC CI runners for the platform and monitors stacks (docs/delivery.md): applied with the cluster.
    this.ciRunner = new CiRunner(this, 'ci-runner', {
      projectName: ciRunnerProjectName(env.cluster.name),
      githubRepository: delivery.githubRepository,
      githubConnectionArn: deliveryForAccount(delivery, env.account.id).githubConnectionArn,
      network: this.network,
      clusterSecurityGroupId: this.cluster.clusterSecurityGroupId,
      accountId: env.account.id,
      region: env.account.region,
    });

    const outputs: Record<(typeof CLUSTER_STACK_OUTPUTS)[number], { value: unknown; description: string }> = {
      cluster_name: { value: this.cluster.clusterName, description: 'EKS cluster name' },
      cluster_endpoint: { value: this.cluster.clusterEndpoint, description: 'Kubernetes API endpoint' },
      cluster_certificate_authority_data: { value: this.cluster.clusterCertificateAuthorityData, description: 'API server CA (base64)' },
      cluster_oidc_issuer_url: { value: this.cluster.clusterOidcIssuerUrl, description: 'OIDC issuer URL' },
      cluster_security_group_id: { value: this.cluster.clusterSecurityGroupId, description: 'Cluster security group' },
      vpc_id: { value: this.network.vpcId, description: 'VPC ID' },
      private_subnet_ids: { value: this.network.privateSubnetIds, description: 'Private subnets (nodes)' },
      public_subnet_ids: { value: this.network.publicSubnetIds, description: 'Public subnets (load balancers)' },
      node_role_arn: { value: this.cluster.nodeRole.arn, description: 'IAM role of the managed nodes' },
      ci_runner_project: { value: this.ciRunner.project.name, description: 'CodeBuild project of the in-VPC CI runners (runs-on: codebuild-<project>-...)' },
    };
    for (const [outputName, output] of Object.entries(outputs)) {
      new TerraformOutput(this, outputName, output);
    }
  }
}
