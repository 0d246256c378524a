import { FeedopsClusterConnection } from '../constructs/cluster/feedops-cluster-connection';
import { Construct } from 'constructs';
import { TerraformOutput } from '../constructs/core/cdktf';
import { KubernetesObjects } from '../constructs/kubernetes/kubernetes-objects';
import { MONITORS_NAMESPACE, renderRestrictedNamespace } from '../constructs/kubernetes/restricted-namespace';
import { OBSERVER_NAME } from '../constructs/price-feeds/observer/observer-manifests';
import { PriceFeedMonitoring } from '../constructs/price-feeds/price-feed-monitoring';
import { WalletMonitoring } from '../constructs/wallets/wallet-monitoring';
import type { DeliveryConfig } from '../environments/delivery';
import type { EnvironmentConfig } from '../environments/schema';
import { environmentStackProps, FeedopsStack } from './feedops-stack';
import { stackName } from './naming';
import { renderRules } from '../constructs/alerting/rules/render-rules';
import type { ITerraformDependable } from '../constructs/core/cdktf';
import { dashboardConfigMap } from '../constructs/dashboards/dashboard-config-map';
import { endpointsDashboard } from '../constructs/dashboards/endpoints-dashboard';
import { sloDashboard } from '../constructs/dashboards/slo-dashboard';
import { EndpointMonitoring } from '../constructs/endpoints/endpoint-monitoring';
import { BLACKBOX_EXPORTER_NAMESPACE, blackboxProberAddress } from '../constructs/monitoring/blackbox-exporter';
import { ServiceLevelObjective } from '../constructs/slo/service-level-objective';
import { environmentPriceFeeds } from './environment-monitors';
import { feedopsSloSpecs, sloInputRuleGroups } from './feedops-slos';

/** The environment's endpoints' probes and feedops' own SLOs, placed in the monitors namespace. */
function addEndpointsAndSlos(stack: Construct, env: EnvironmentConfig, dependsOn: ITerraformDependable[]): void {
  const endpointMonitoring = new EndpointMonitoring(stack, 'endpoints', {
    endpoints: env.endpoints,
    environment: env.name,
    namespace: MONITORS_NAMESPACE,
    proberAddress: blackboxProberAddress(BLACKBOX_EXPORTER_NAMESPACE),
    runbookBaseUrl: env.alerting.runbookBaseUrl,
    dependsOn,
  });
  const sloInputs = renderRules(sloInputRuleGroups(env), { environment: env.name, name: 'feedops-slo-inputs', namespace: MONITORS_NAMESPACE });
  new KubernetesObjects(stack, 'slo-objects', {
    manifests: [
      sloInputs.prometheusRule,
      dashboardConfigMap(sloDashboard({ environment: env.name }), { namespace: MONITORS_NAMESPACE }),
      dashboardConfigMap(endpointsDashboard({ environment: env.name, endpoints: endpointMonitoring.endpoints }), { namespace: MONITORS_NAMESPACE }),
    ],
    dependsOn,
  });
  for (const spec of feedopsSloSpecs(env, MONITORS_NAMESPACE)) {
    new ServiceLevelObjective(stack, `slo-${spec.service}-${spec.name}`, { ...spec, environment: env.name, dependsOn });
  }
}

/**
 * `<env>-monitors`: the monitor packs of the environment in one restricted namespace: price feeds (observer, rules,
 * dashboards), wallets (exporters, rules, dashboard), endpoint probes and feedops' own SLOs. Applied after `<env>-platform`, whose CRDs it uses.
 */
export class MonitorsStack extends FeedopsStack {
  constructor(scope: Construct, env: EnvironmentConfig, delivery: DeliveryConfig) {
    const name = stackName(env.name, 'monitors');
    super(scope, name, environmentStackProps(env, delivery));
    new FeedopsClusterConnection(this, 'cluster-connection', { clusterName: env.cluster.name });

    // One restricted namespace shared by every monitor pack of the environment.
    const namespace = new KubernetesObjects(this, 'namespace', { manifests: [renderRestrictedNamespace(MONITORS_NAMESPACE)] });
    new PriceFeedMonitoring(this, 'price-feeds', { feeds: environmentPriceFeeds(env), createNamespace: false, dependsOn: namespace.resources });

    // ---- wallets monitor pack ----
    if (env.wallets) {
      new WalletMonitoring(this, 'wallets', {
        environment: env.name,
        namespace: MONITORS_NAMESPACE,
        runbookBaseUrl: env.alerting.runbookBaseUrl,
        wallets: env.wallets,
        dependsOn: namespace.resources,
      });
    }

    // ---- endpoint probes and SLOs ----
    addEndpointsAndSlos(this, env, namespace.resources);

    new TerraformOutput(this, 'monitors_namespace', { value: MONITORS_NAMESPACE });
    new TerraformOutput(this, 'observer_name', { value: OBSERVER_NAME });
  }
}
