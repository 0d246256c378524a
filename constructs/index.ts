// The public API of feedops: what another team imports (`import { PrometheusRules } from 'feedops'`) to put its
// own monitoring on a feedops cluster. Constructs first, then value objects and models, then pure renderers.
// Platform-building constructs (network, cluster, platform, delivery, access) are in `feedops/platform`.
// Everything else is internal and may change without notice. api/feedops.api.md is the reviewed copy of this
// surface; `npm run api:update` regenerates it after a deliberate change.

// ---- Connecting to a feedops cluster ----
export { FeedopsClusterConnection, type FeedopsClusterConnectionProps } from './cluster/feedops-cluster-connection';
export type { IEksCluster } from './cluster/eks-cluster-attributes';

// ---- Your own rules, dashboards, Kubernetes objects and synced secrets ----
export { PrometheusRules, type PrometheusRulesProps } from './alerting/rules/prometheus-rules';
export { GrafanaDashboard, type GrafanaDashboardProps } from './dashboards/grafana-dashboard';
export { KubernetesObjects, type KubernetesObjectsProps } from './kubernetes/kubernetes-objects';
export { SyncedSecret, type SyncedSecretProps } from './secrets/synced-secret';

// ---- Monitor packs ----
export { PriceFeedMonitoring, type PriceFeedMonitoringProps } from './price-feeds/price-feed-monitoring';
export { WalletMonitoring, type WalletMonitoringProps } from './wallets/wallet-monitoring';

// ---- Endpoint probes and service level objectives ----
export { EndpointMonitoring, type EndpointMonitoringProps } from './endpoints/endpoint-monitoring';
export { endpointsSchema, type EndpointConfig, type EndpointsConfig } from './endpoints/schema';
export { ServiceLevelObjective, type ServiceLevelObjectiveProps } from './slo/service-level-objective';
export type { BoolGaugeSli, EventsSli, NoDataPolicy, ServiceLevelObjectiveSpec, Sli, SloWindow } from './slo/slo-spec';
export { renderSloRules, type RenderSloRulesOptions } from './slo/render-slo-rules';
export { sloDashboard, type SloDashboardOptions } from './dashboards/slo-dashboard';
export { endpointsDashboard, type EndpointsDashboardOptions } from './dashboards/endpoints-dashboard';

// ---- Guardrails at synth (CHECKS.md) ----
export { FeedopsGuardrails, Guardrails } from './guardrails/guardrails';
export { GUARDRAIL_RULES, type GuardrailRuleId } from './guardrails/guardrail-rules';

// ---- Value objects and errors ----
export { Duration } from './core/duration';
export { Severity, type SeverityValue } from './alerting/rules/severity';
export { Runbook } from './alerting/rules/runbook';
export { KubernetesVersion } from './core/kubernetes-version';
export { ValidationError, type ValidationProblem } from './core/validation-error';

// ---- The rule model ----
export type { AlertRule } from './alerting/rules/alert-rule';
export type { RecordingRule } from './alerting/rules/recording-rule';
export type { Rule, RuleGroup } from './alerting/rules/rule-group';

// ---- The dashboard model ----
export type {
  Color,
  CustomVariable,
  DashboardModel,
  DashboardRow,
  LabelValuesVariable,
  Panel,
  PromQuery,
  StatPanel,
  StateTimelinePanel,
  TablePanel,
  ThresholdStep,
  Thresholds,
  TimeseriesPanel,
  Unit,
  ValueMapping,
  Variable,
} from './dashboards/dashboard-model';

// ---- The price-feed and wallet models ----
export { declaredPriceIds, resolvePriceFeeds, type PriceFeedContext, type ResolvedAssetType, type ResolvedFeed, type ResolvedPriceFeeds } from './price-feeds/resolve';
export { JSON_EXPORTER_IMAGE, type HermesExporterOptions } from './price-feeds/hermes/hermes-exporter';
export { HERMES_ALERTS, HERMES_PRICE_MAX_AGE_SECONDS } from './price-feeds/hermes/hermes-rules';
export type { PriceFeedConfig, PriceFeedsConfig } from './price-feeds/schema';
export type { AssetType } from './price-feeds/asset-types';
export type { PriceFeedThresholds } from './price-feeds/thresholds';
export { walletsSchema, type WalletConfig, type WalletNetworkConfig, type WalletsConfig } from './wallets/schema';

// ---- Pure renderers (for tests and previews: promtool, Grafana JSON) ----
export { renderRules, type RenderRulesOptions, type RenderedRules, type RulesFile, type PrometheusRuleManifest } from './alerting/rules/render-rules';
export { renderDashboard } from './dashboards/render-dashboard';
export { priceFeedRuleGroups, renderPriceFeedRules } from './price-feeds/rules/price-feed-rules';
export type { GrafanaDashboard as GrafanaDashboardJson } from './dashboards/grafana-dashboard-json';
