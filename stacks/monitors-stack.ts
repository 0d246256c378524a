import { Construct } from 'constructs';
import { TerraformOutput } from '../constructs/core/cdktf';
import { dashboardConfigMap } from '../constructs/dashboards/dashboard-config-map';
import { priceFeedsDashboard } from '../constructs/dashboards/price-feeds-dashboard';
import { publishersDashboard } from '../constructs/dashboards/publishers-dashboard';
import { KubernetesObjects } from '../constructs/monitors/kubernetes-objects';
import { MONITORS_NAMESPACE, renderMonitorsNamespace } from '../constructs/monitors/monitors-namespace';
import { renderObserverManifests } from '../constructs/monitors/observer-manifests';
import { OBSERVER_NAME } from '../constructs/monitors/observer-manifests';
import type { DeliveryConfig } from '../environments/delivery';
import type { EnvironmentConfig } from '../environments/schema';
import { connectToCluster } from './cluster-connection';
import { FeedopsStack } from './feedops-stack';
import { stackName } from './naming';
import { observerConfigModel, priceFeedRules } from './price-feed-monitoring';

/**
 * `<env>-monitors`: what watches the price feeds. A restricted namespace, the observer workload, the price-feed
 * alert rules (PrometheusRule) and the Grafana dashboards. Applied after `<env>-platform`, whose CRDs it uses.
 */
export class MonitorsStack extends FeedopsStack {
  /** Every Kubernetes object of the stack, as plain manifests (tests validate them against the schemas). */
  public readonly manifests: readonly Record<string, any>[];
  /** The rules file promtool checks; deep-equal to the PrometheusRule's spec. */
  public readonly rulesFile: unknown;

  constructor(scope: Construct, env: EnvironmentConfig, delivery: DeliveryConfig) {
    const name = stackName(env.name, 'monitors');
    super(scope, name, { delivery, accountId: env.account.id, region: env.account.region, tags: { ...env.tags, environment: env.name } });
    connectToCluster(this, env.cluster.name, { helm: false });

    const rules = priceFeedRules(env, MONITORS_NAMESPACE);
    this.rulesFile = rules.rulesFile;
    const namespace = new KubernetesObjects(this, 'namespace', { manifests: [renderMonitorsNamespace()] });
    const dashboards = [priceFeedsDashboard({ environment: env.name }), publishersDashboard({ environment: env.name })].map((model) =>
      dashboardConfigMap(model, { namespace: MONITORS_NAMESPACE }),
    );
    const workloads = [
      ...renderObserverManifests({ namespace: MONITORS_NAMESPACE, replicas: env.priceFeeds.observer.replicas, config: observerConfigModel(env) }),
      rules.prometheusRule,
      ...dashboards,
    ];
    new KubernetesObjects(this, 'objects', { manifests: workloads, dependsOn: namespace.resources });
    this.manifests = [renderMonitorsNamespace(), ...workloads];

    new TerraformOutput(this, 'monitors_namespace', { value: MONITORS_NAMESPACE });
    new TerraformOutput(this, 'observer_name', { value: OBSERVER_NAME });
  }
}
