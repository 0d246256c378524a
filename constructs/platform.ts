// `feedops/platform`: the constructs feedops builds its own platform with (network, cluster, encryption, the
// monitoring stack, secrets operator, delivery and access). Another team deploying onto a feedops cluster needs
// only the package root; these are for building a platform like it. api/feedops-platform.api.md is the reviewed copy.

// ---- Network and cluster ----
export { Network, type AvailabilityZoneSubnets, type INetwork, type NatGatewayMode, type NetworkOptions, type NetworkProps } from './network/network';
export { EksCluster, type EksClusterOptions, type EksClusterProps } from './cluster/eks-cluster';
export type { EksClusterAttributes, IEksCluster } from './cluster/eks-cluster-attributes';
export { ManagedNodeGroup, type ManagedNodeGroupProps, type NodeGroupOptions, type NodeGroupTaint } from './cluster/node-group';
export { KubernetesVersion } from './core/kubernetes-version';

// ---- Encryption and storage ----
export { EncryptionKey, cloudWatchLogsKeyStatement, type EncryptionKeyProps } from './encryption/encryption-key';
export { EncryptedLogGroup, type EncryptedLogGroupProps } from './encryption/encrypted-log-group';
export { EncryptedStorageClass, type EncryptedStorageClassProps } from './storage/encrypted-storage-class';

// ---- Platform workloads ----
export { PinnedHelmRelease, type PinnedHelmReleaseProps } from './helm/pinned-helm-release';
export type { HelmChartReference } from './core/chart-versions';
export { KubePrometheusStack, type KubePrometheusStackProps, type MonitoringOptions } from './monitoring/kube-prometheus-stack';
export { BlackboxExporter, type BlackboxExporterProps } from './monitoring/blackbox-exporter';
export { ExternalSecretsOperator, type ExternalSecretsOperatorProps } from './secrets/external-secrets-operator';

// ---- Alert routing (the Alertmanager configuration of a platform) ----
export { renderAlertmanagerConfig } from './alerting/alertmanager/render-alertmanager-config';
export { alertmanagerSecretNames } from './alerting/alertmanager/secret-files';
export type { AlertmanagerConfig } from './alerting/alertmanager/alertmanager-config';
export type { AlertRoutingModel, MarketClosure, SlackReceiverOptions } from './alerting/alertmanager/routing-model';
export { FX_MARKET_CLOSURE, GLOBEX_MARKET_CLOSURE, US_EQUITY_MARKET_CLOSURE } from './alerting/alertmanager/market-hours';
export { marketClosuresOf } from './price-feeds/asset-types';
export { watchdogRule, type WatchdogRuleOptions } from './alerting/rules/watchdog';

// ---- Delivery and access ----
export { StateBucket, type StateBucketProps } from './delivery/state-bucket';
export { GithubOidcProvider } from './delivery/github-oidc';
export { DeployRoles, type DeployRolesProps } from './delivery/deploy-roles';
export { CiRunner, type CiRunnerOptions, type CiRunnerProps } from './delivery/ci-runner';
export { PermissionsBoundaryAspect } from './delivery/permissions-boundary';
export { renderPlanReaderRbac, type PlanReaderRbacProps } from './access/plan-reader-rbac';
