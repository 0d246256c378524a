import { EksCluster, EksClusterProps } from '../../../constructs/cluster/eks-cluster';
import { KubernetesVersion } from '../../../constructs/core/kubernetes-version';
import { EKS_ADDON_VERSIONS } from '../../../constructs/core/eks-addon-versions';
import { parsePolicy, resources, synthConstruct } from '../../support/synth';

const NETWORK = { vpcId: 'vpc-1', privateSubnetIds: ['subnet-a', 'subnet-b'], publicSubnetIds: ['subnet-c', 'subnet-d'] };
const BASE: EksClusterProps = {
  clusterName: 'feedops-test',
  network: NETWORK,
  accountId: '111122223333',
  region: 'eu-west-1',
  kubernetesVersion: KubernetesVersion.V1_35,
  nodeGroups: { system: { instanceTypes: ['m7i.large'], minSize: 2, maxSize: 4 } },
};

const synthCluster = (overrides: Partial<EksClusterProps> = {}) =>
  synthConstruct((scope) => new EksCluster(scope, 'eks', { ...BASE, ...overrides }));
const clusterOf = (overrides: Partial<EksClusterProps> = {}) => resources(synthCluster(overrides), 'aws_eks_cluster')[0].config;

describe('defaults', () => {
  test('private endpoint only', () => {
    const vpc = clusterOf().vpc_config;
    expect(vpc).toEqual(expect.objectContaining({ endpoint_private_access: true, endpoint_public_access: false }));
    expect(vpc.public_access_cidrs).toBeUndefined();
  });

  test('deletion protection and prevent_destroy on', () => {
    const cluster = clusterOf();
    expect(cluster.deletion_protection).toBe(true);
    expect(cluster.lifecycle.prevent_destroy).toBe(true);
  });

  test('control-plane logs kept 365 days in /aws/eks/<name>/cluster', () => {
    const [group] = resources(synthCluster(), 'aws_cloudwatch_log_group');
    expect(group.config).toEqual(expect.objectContaining({ name: '/aws/eks/feedops-test/cluster', retention_in_days: 365 }));
  });

  test('API authentication mode without creator admin, pinned add-ons instead of self-managed ones', () => {
    const cluster = clusterOf();
    expect(cluster.access_config).toEqual({ authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: false });
    expect(cluster.bootstrap_self_managed_addons).toBe(false);
  });

  test('node groups on AL2023 x86_64, on-demand, desired size = min size, 50 GiB gp3 encrypted roots', () => {
    const tf = synthCluster();
    const [group] = resources(tf, 'aws_eks_node_group');
    expect(group.config).toEqual(
      expect.objectContaining({ ami_type: 'AL2023_x86_64_STANDARD', capacity_type: 'ON_DEMAND', node_group_name: 'feedops-test-system' }),
    );
    expect(group.config.scaling_config).toEqual({ min_size: 2, max_size: 4, desired_size: 2 });
    const [template] = resources(tf, 'aws_launch_template');
    expect(template.config.block_device_mappings[0].ebs).toEqual(expect.objectContaining({ volume_size: 50, volume_type: 'gp3', encrypted: 'true' }));
    expect(template.config.metadata_options).toEqual(expect.objectContaining({ http_tokens: 'required', http_put_response_hop_limit: 1 }));
  });

  test('no access entries beyond those asked for', () => {
    expect(resources(synthCluster(), 'aws_eks_access_entry')).toEqual([]);
  });
});

describe('overrides', () => {
  test('publicEndpointCidrs turns on the public endpoint for exactly those CIDRs', () => {
    const vpc = clusterOf({ publicEndpointCidrs: ['203.0.113.10/32'] }).vpc_config;
    expect(vpc.endpoint_public_access).toBe(true);
    expect(vpc.public_access_cidrs).toEqual(['203.0.113.10/32']);
  });

  test('deletionProtection false drops both protections', () => {
    const cluster = clusterOf({ deletionProtection: false });
    expect(cluster.deletion_protection).toBe(false);
    expect(cluster.lifecycle.prevent_destroy).toBe(false);
  });

  test('controlPlaneLogRetentionDays sets the log retention', () => {
    const [group] = resources(synthCluster({ controlPlaneLogRetentionDays: 90 }), 'aws_cloudwatch_log_group');
    expect(group.config.retention_in_days).toBe(90);
  });

  test('admin roles get the cluster-admin policy; viewer roles only the viewer Kubernetes group (RBAC), no access policy', () => {
    const tf = synthCluster({
      adminRoleArns: ['arn:aws:iam::111122223333:role/platform-admin'],
      viewerRoleArns: ['arn:aws:iam::111122223333:role/feedops-test-plan'],
    });
    const associations = resources(tf, 'aws_eks_access_policy_association').map((a) => a.config.policy_arn).sort();
    expect(associations).toEqual(['arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy']);
    const entries = resources(tf, 'aws_eks_access_entry').map((e) => [e.config.principal_arn, e.config.kubernetes_groups]).sort();
    expect(entries).toEqual([
      ['arn:aws:iam::111122223333:role/feedops-test-plan', ['feedops-plan-readers']],
      ['arn:aws:iam::111122223333:role/platform-admin', undefined],
    ]);
  });

  test('node-group options: arm64, spot, explicit name, labels, taints, disk size', () => {
    const tf = synthCluster({
      nodeGroups: {
        monitors: {
          name: 'legacy-monitors', instanceTypes: ['m7g.large'], architecture: 'arm64', capacityType: 'SPOT', minSize: 1, maxSize: 3,
          desiredSize: 2, diskSizeGiB: 80, labels: { pool: 'monitors' }, taints: [{ key: 'dedicated', value: 'monitors', effect: 'NO_SCHEDULE' }],
        },
      },
    });
    const [group] = resources(tf, 'aws_eks_node_group');
    expect(group.config).toEqual(expect.objectContaining({
      node_group_name: 'legacy-monitors', ami_type: 'AL2023_ARM_64_STANDARD', capacity_type: 'SPOT', labels: { pool: 'monitors' },
    }));
    expect(group.config.taint).toEqual([{ key: 'dedicated', value: 'monitors', effect: 'NO_SCHEDULE' }]);
    expect(group.config.scaling_config.desired_size).toBe(2);
    expect(resources(tf, 'aws_launch_template')[0].config.block_device_mappings[0].ebs.volume_size).toBe(80);
  });

  test('the Kubernetes version selects its pinned add-on versions', () => {
    const tf = synthCluster({ kubernetesVersion: KubernetesVersion.V1_34 });
    const versions = Object.fromEntries(resources(tf, 'aws_eks_addon').map((a) => [a.config.addon_name, a.config.addon_version]));
    const pinned = EKS_ADDON_VERSIONS['1.34'];
    expect(versions).toEqual({
      'vpc-cni': pinned.vpcCni, coredns: pinned.coredns, 'kube-proxy': pinned.kubeProxy,
      'eks-pod-identity-agent': pinned.podIdentityAgent, 'aws-ebs-csi-driver': pinned.ebsCsiDriver,
    });
  });
});

test('the EBS CSI driver gets its own role through Pod Identity, trusted only by the Pod Identity service of this account', () => {
  const tf = synthCluster();
  const [ebs] = resources(tf, 'aws_eks_addon').filter((a) => a.config.addon_name === 'aws-ebs-csi-driver');
  expect(ebs.config.pod_identity_association).toEqual([{ role_arn: expect.stringMatching(/^\$\{aws_iam_role\.eks_ebs-csi-role_/), service_account: 'ebs-csi-controller-sa' }]);
  const role = resources(tf, 'aws_iam_role').find((r) => r.config.name === 'feedops-test-ebs-csi')!;
  const trust = parsePolicy(role, 'assume_role_policy').Statement[0];
  expect(trust.Principal).toEqual({ Service: 'pods.eks.amazonaws.com' });
  expect(trust.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '111122223333' } });
});

test('node groups wait for networking add-ons; coredns and EBS CSI wait for nodes', () => {
  const tf = synthCluster();
  const addons = Object.fromEntries(resources(tf, 'aws_eks_addon').map((a) => [a.config.addon_name, a]));
  const [group] = resources(tf, 'aws_eks_node_group');
  expect(group.config.depends_on.sort()).toEqual(
    ['vpc-cni', 'kube-proxy', 'eks-pod-identity-agent'].map((name) => addons[name].address).sort(),
  );
  expect(addons.coredns.config.depends_on).toEqual([group.address]);
  expect(addons['aws-ebs-csi-driver'].config.depends_on).toEqual([group.address]);
});

test('fromAttributes gives an IEksCluster for a cluster owned elsewhere', () => {
  let imported: ReturnType<typeof EksCluster.fromAttributes> | undefined;
  synthConstruct((scope) => {
    imported = EksCluster.fromAttributes(scope, 'theirs', {
      clusterName: 'payments', clusterEndpoint: 'https://example.eks.amazonaws.com', clusterCertificateAuthorityData: 'Q0E=',
      clusterOidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABC', clusterSecurityGroupId: 'sg-123',
    });
  });
  expect(imported?.clusterName).toBe('payments');
  expect(imported?.clusterSecurityGroupId).toBe('sg-123');
});

test('fails when fromAttributes gets an empty attribute', () => {
  expect(() =>
    synthConstruct((scope) =>
      EksCluster.fromAttributes(scope, 'theirs', {
        clusterName: '', clusterEndpoint: 'https://x', clusterCertificateAuthorityData: 'Q0E=', clusterOidcIssuerUrl: 'https://y', clusterSecurityGroupId: 'sg-1',
      }),
    ),
  ).toThrow('test/theirs: clusterName: is empty');
});

test('fails when the public endpoint is opened to 0.0.0.0/0', () => {
  expect(() => synthCluster({ publicEndpointCidrs: ['0.0.0.0/0'] })).toThrow(
    'test/eks: publicEndpointCidrs: contains "0.0.0.0/0" (allowed: specific CIDRs, or [] for private only)',
  );
});

test('fails when there are no node groups', () => {
  expect(() => synthCluster({ nodeGroups: {} })).toThrow('test/eks: nodeGroups: is empty');
});

test('fails when a node group has min size above max size', () => {
  expect(() => synthCluster({ nodeGroups: { system: { instanceTypes: ['m7i.large'], minSize: 3, maxSize: 2 } } })).toThrow(
    'test/eks/node-group-system: minSize: sizes min 3, desired 3, max 2 (allowed: min <= desired <= max)',
  );
});

test('fails when a Kubernetes version has no pinned add-ons', () => {
  expect(() => KubernetesVersion.of('1.20')).toThrow(/Kubernetes version: version: "1.20" is not supported \(allowed: 1\.\d+/);
});
