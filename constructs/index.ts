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
export { dashboardConfigMap, renderDashboard } from './dashboards';
export type { DashboardConfigMap, DashboardConfigMapOptions, DashboardModel, DashboardRow, GrafanaDashboard, Panel, Variable } from './dashboards';
export { Duration } from './core/duration';

// Alerting: the rule model (other teams write their rules with it) and the Alertmanager routing.
export * from './alerting';
export {
  alertmanagerConfigToYaml,
  alertmanagerSecretNames,
  alertmanagerSecretReferences,
  exampleRoutingModel,
  renderAlertmanagerConfig,
  FX_MARKET_CLOSURE,
  GLOBEX_MARKET_CLOSURE,
  US_EQUITY_MARKET_CLOSURE,
} from './alerting/alertmanager';
export type { AlertRoutingModel, AlertmanagerConfig, MarketClosure, SlackReceiverOptions } from './alerting/alertmanager';

// Platform building blocks.
export { PinnedHelmRelease } from './helm/pinned-helm-release';
export type { PinnedHelmReleaseProps } from './helm/pinned-helm-release';
export type { HelmChartReference } from './core/chart-versions';
export { CHARTS } from './core/chart-versions';
export { KubePrometheusStack } from './monitoring/kube-prometheus-stack';
export type { MonitoringOptions, MonitoringProps } from './monitoring/kube-prometheus-stack';
export { BlackboxExporter } from './monitoring/blackbox-exporter';
export { ExternalSecretsOperator } from './secrets/external-secrets-operator';
export { SyncedSecret } from './secrets/synced-secret';
export { renderClusterSecretStore, renderExternalSecret } from './secrets/external-secret';
export type { SyncedSecretSpec } from './secrets/external-secret';
export { EncryptedStorageClass } from './storage/encrypted-storage-class';

// Price-feed monitoring: one model (schema -> resolve) read by the observer, the rules and the dashboards.
export { PriceFeedMonitoring } from './price-feeds/price-feed-monitoring';
export type { PriceFeedMonitoringProps } from './price-feeds/price-feed-monitoring';
export { priceFeedsSchema } from './price-feeds/schema';
export type { PriceFeedsConfig, PriceFeedConfig } from './price-feeds/schema';
export { resolvePriceFeeds } from './price-feeds/resolve';
export type { PriceFeedContext, ResolvedAssetType, ResolvedFeed, ResolvedPriceFeeds } from './price-feeds/resolve';
export { ASSET_TYPES, marketClosuresOf } from './price-feeds/asset-types';
export type { AssetType } from './price-feeds/asset-types';
export { DEFAULT_PRICE_FEED_THRESHOLDS } from './price-feeds/thresholds';
export type { PriceFeedThresholds } from './price-feeds/thresholds';
export { renderPriceFeedRules, priceFeedRuleGroups } from './price-feeds/rules/price-feed-rules';
export { PRICE_FEED_ALERTS, OBSERVER_ALERTS } from './price-feeds/rules/alert-names';
export { priceFeedsDashboard } from './price-feeds/dashboards/price-feeds-dashboard';
export { publishersDashboard } from './price-feeds/dashboards/publishers-dashboard';
export { renderObserverConfig } from './price-feeds/observer/observer-config';
export { renderObserverManifests, OBSERVER_IMAGE } from './price-feeds/observer/observer-manifests';
export { OBSERVER_METRICS, OBSERVER_METRIC_FAMILIES } from './price-feeds/observer/observer-metrics';
export type { ObserverMetricFamily } from './price-feeds/observer/observer-metrics';

// Kubernetes helpers.
export { KubernetesObjects } from './kubernetes/kubernetes-objects';
export { RESTRICTED_CONTAINER_SECURITY_CONTEXT, restrictedPodSecurityContext } from './kubernetes/pod-security';
export { renderRestrictedNamespace } from './kubernetes/restricted-namespace';

// Validation.
export { ValidationError } from './core/validation-error';
export type { ValidationProblem } from './core/validation-error';

// Delivery.
export { StateBucket } from './delivery/state-bucket';
export { GithubOidcProvider, githubTrustStatement } from './delivery/github-oidc';
export { DeployRoles } from './delivery/deploy-roles';
// --- Delivery hardening (issue 11) ---
export { CiRunner, CI_RUNNER_IMAGE } from './delivery/ci-runner';
export type { CiRunnerOptions, CiRunnerProps } from './delivery/ci-runner';
export { PermissionsBoundaryAspect } from './delivery/permissions-boundary';
export { renderPlanReaderRbac, PLAN_READER_GROUP } from './access/plan-reader-rbac';
export type { PlanReaderRbacProps } from './access/plan-reader-rbac';

// Wallets monitor pack (balances, spend, runway; exporters, rules, dashboard).
export * as wallets from './wallets';
export { WalletMonitoring, type WalletMonitoringProps } from './wallets/wallet-monitoring';

// Endpoint probes and service level objectives (issue 10).
export * from './endpoints';
export * from './slo';
export { sloDashboard, SLO_DASHBOARD_UID } from './dashboards/slo-dashboard';
export type { SloDashboardOptions } from './dashboards/slo-dashboard';
export { endpointsDashboard, ENDPOINTS_DASHBOARD_UID } from './dashboards/endpoints-dashboard';
export type { EndpointsDashboardOptions } from './dashboards/endpoints-dashboard';
