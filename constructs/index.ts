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

// Alerting: the rule model (other teams write their rules with it), the price-feed pack, the Alertmanager routing.
export * from './alerting';
export {
  alertmanagerConfigToYaml,
  alertmanagerSecretNames,
  renderAlertmanagerConfig,
  FX_MARKET_CLOSURE,
  US_EQUITY_MARKET_CLOSURE,
} from './alerting/alertmanager';
export type { AlertRoutingModel, AlertmanagerConfig, MarketClosure, SlackReceiverOptions } from './alerting/alertmanager';

// Platform building blocks.
export { PinnedHelmRelease } from './helm/pinned-helm-release';
export type { HelmChartReference, PinnedHelmReleaseProps } from './helm/pinned-helm-release';
export { CHARTS } from './core/chart-versions';
export { KubePrometheusStack } from './monitoring/kube-prometheus-stack';
export type { MonitoringOptions, MonitoringProps } from './monitoring/kube-prometheus-stack';
export { BlackboxExporter } from './monitoring/blackbox-exporter';
export { ExternalSecretsOperator } from './secrets/external-secrets-operator';
export { SyncedSecret } from './secrets/synced-secret';
export { renderClusterSecretStore, renderExternalSecret } from './secrets/external-secret';
export type { SyncedSecretSpec } from './secrets/external-secret';
export { EncryptedStorageClass } from './storage/encrypted-storage-class';

// Monitor workloads.
export { PriceFeedObserver } from './monitors/price-feed-observer';
export { renderObserverManifests, OBSERVER_IMAGE } from './monitors/observer-manifests';
export { renderObserverConfig } from './monitors/observer-config';
export type { ObserverConfigModel, ObserverThresholds } from './monitors/observer-config';
export { KubernetesObjects } from './monitors/kubernetes-objects';
export { RESTRICTED_CONTAINER_SECURITY_CONTEXT, restrictedPodSecurityContext } from './monitors/pod-security';

// Delivery.
export { StateBucket } from './delivery/state-bucket';
export { GithubOidcProvider, githubTrustStatement } from './delivery/github-oidc';
export { DeployRoles } from './delivery/deploy-roles';

// Endpoint probes and service level objectives (issue 10).
export * from './endpoints';
export * from './slo';
export { sloDashboard, SLO_DASHBOARD_UID } from './dashboards/slo-dashboard';
export type { SloDashboardOptions } from './dashboards/slo-dashboard';
export { endpointsDashboard, ENDPOINTS_DASHBOARD_UID } from './dashboards/endpoints-dashboard';
export type { EndpointsDashboardOptions } from './dashboards/endpoints-dashboard';
