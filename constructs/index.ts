// The public API of feedops: what other teams import (`import { EksCluster } from 'feedops'`).
// Everything else is internal and may change without notice.
export { EksCluster, CONTROL_PLANE_LOG_TYPES } from './cluster/eks-cluster';
export type { EksClusterOptions, EksClusterProps } from './cluster/eks-cluster';
export { ImportedEksCluster } from './cluster/eks-cluster-attributes';
export type { EksClusterAttributes, IEksCluster } from './cluster/eks-cluster-attributes';
export { ManagedNodeGroup } from './cluster/node-group';
export type { NodeGroupOptions, NodeGroupTaint, ManagedNodeGroupProps } from './cluster/node-group';
export { Network } from './network/network';
export type { AvailabilityZoneSubnets, INetwork, NatGatewayMode, NetworkOptions, NetworkProps } from './network/network';
export { EncryptionKey, cloudWatchLogsKeyStatement } from './encryption/encryption-key';
export type { EncryptionKeyProps } from './encryption/encryption-key';
export { EncryptedLogGroup } from './encryption/encrypted-log-group';
export type { EncryptedLogGroupProps } from './encryption/encrypted-log-group';
export { KubernetesVersion, SUPPORTED_KUBERNETES_VERSIONS } from './core/kubernetes-version';
export { policyDocument, serviceTrustPolicy } from './core/iam-policy';
export type { PolicyStatement } from './core/iam-policy';
export { dashboardConfigMap, priceFeedsDashboard, publishersDashboard, renderDashboard } from './dashboards';
export type {
  DashboardConfigMap,
  DashboardConfigMapOptions,
  DashboardModel,
  DashboardRow,
  GrafanaDashboard,
  Panel,
  PriceFeedsDashboardOptions,
  PublishersDashboardOptions,
  Variable,
} from './dashboards';
export { OBSERVER_METRICS, OBSERVER_METRIC_FAMILIES } from './monitors/observer-metrics';
export type { ObserverMetricFamily } from './monitors/observer-metrics';
export { Duration } from './core/duration';
