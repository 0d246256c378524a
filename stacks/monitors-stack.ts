import { Construct } from 'constructs';
import { TerraformOutput } from '../constructs/core/cdktf';
import { dashboardConfigMap } from '../constructs/dashboards/dashboard-config-map';
import { priceFeedsDashboard } from '../constructs/dashboards/price-feeds-dashboard';
import { publishersDashboard } from '../constructs/dashboards/publishers-dashboard';
import { KubernetesObjects } from '../constructs/monitors/kubernetes-objects';
import { MONITORS_NAMESPACE, renderMonitorsNamespace } from '../constructs/monitors/monitors-namespace';
import { OBSERVER_NAME } from '../constructs/monitors/observer-manifests';
import { PriceFeedObserver } from '../constructs/monitors/price-feed-observer';
import type { DeliveryConfig } from '../environments/delivery';
import type { EnvironmentConfig } from '../environments/schema';
import { connectToCluster } from './cluster-connection';
import { environmentStackProps, FeedopsStack } from './feedops-stack';
import { stackName } from './naming';
import { observerConfigModel, priceFeedRules } from './price-feed-monitoring';
import { EndpointMonitoring } from '../constructs/endpoints/endpoint-monitoring';
import { renderRules } from '../constructs/alerting/rules/render-rules';
import { sloDashboard } from '../constructs/dashboards/slo-dashboard';
import { endpointsDashboard } from '../constructs/dashboards/endpoints-dashboard';
import { ServiceLevelObjective } from '../constructs/slo/service-level-objective';
import { MONITORING_NAMESPACE } from '../constructs/monitoring/kube-prometheus-stack';
import { blackboxProberAddress } from '../constructs/monitoring/blackbox-exporter';
import { feedopsSloSpecs, sloInputRuleGroups } from './feedops-slos';

/**
 * `<env>-monitors`: what watches the price feeds. A restricted namespace, the observer workload, the price-feed
 * alert rules (PrometheusRule) and the Grafana dashboards. Applied after `<env>-platform`, whose CRDs it uses.
 */
export class MonitorsStack extends FeedopsStack {
  constructor(scope: Construct, env: EnvironmentConfig, delivery: DeliveryConfig) {
    const name = stackName(env.name, 'monitors');
    super(scope, name, environmentStackProps(env, delivery));
    connectToCluster(this, env.cluster.name, { helm: false });

    const rules = priceFeedRules(env, MONITORS_NAMESPACE);
    const namespace = new KubernetesObjects(this, 'namespace', { manifests: [renderMonitorsNamespace()] });
    const dashboards = [priceFeedsDashboard({ environment: env.name }), publishersDashboard({ environment: env.name })].map((model) =>
      dashboardConfigMap(model, { namespace: MONITORS_NAMESPACE }),
    );
    new PriceFeedObserver(this, 'observer', {
      namespace: MONITORS_NAMESPACE,
      replicas: env.priceFeeds.observer.replicas,
      config: observerConfigModel(env),
      dependsOn: namespace.resources,
    });
    new KubernetesObjects(this, 'objects', { manifests: [rules.prometheusRule, ...dashboards], dependsOn: namespace.resources });

    // ---- endpoint probes and SLOs (issue 10) ----
    const endpointMonitoring = new EndpointMonitoring(this, 'endpoints', {
      endpoints: env.endpoints,
      environment: env.name,
      namespace: MONITORS_NAMESPACE,
      proberAddress: blackboxProberAddress(MONITORING_NAMESPACE),
      runbookBaseUrl: env.alerting.runbookBaseUrl,
      dependsOn: namespace.resources,
    });
    const sloInputs = renderRules(sloInputRuleGroups(env), { environment: env.name, name: 'feedops-slo-inputs', namespace: MONITORS_NAMESPACE });
    new KubernetesObjects(this, 'slo-objects', {
      manifests: [
        sloInputs.prometheusRule,
        dashboardConfigMap(sloDashboard({ environment: env.name }), { namespace: MONITORS_NAMESPACE }),
        dashboardConfigMap(endpointsDashboard({ environment: env.name, endpoints: endpointMonitoring.endpoints }), { namespace: MONITORS_NAMESPACE }),
      ],
      dependsOn: namespace.resources,
    });
    for (const spec of feedopsSloSpecs(env, MONITORS_NAMESPACE)) {
      new ServiceLevelObjective(this, `slo-${spec.service}-${spec.name}`, { ...spec, environment: env.name, dependsOn: namespace.resources });
    }

    new TerraformOutput(this, 'monitors_namespace', { value: MONITORS_NAMESPACE });
    new TerraformOutput(this, 'observer_name', { value: OBSERVER_NAME });
  }
}
