import { Construct } from 'constructs';
import { TerraformOutput } from '../constructs/core/cdktf';
import { MONITORS_NAMESPACE } from '../constructs/kubernetes/restricted-namespace';
import { OBSERVER_NAME } from '../constructs/price-feeds/observer/observer-manifests';
import { PriceFeedMonitoring } from '../constructs/price-feeds/price-feed-monitoring';
import { resolveParsed } from '../constructs/price-feeds/resolve';
import type { DeliveryConfig } from '../environments/delivery';
import type { EnvironmentConfig } from '../environments/schema';
import { connectToCluster } from './cluster-connection';
import { environmentStackProps, FeedopsStack } from './feedops-stack';
import { stackName } from './naming';

/** The environment's price feeds, resolved once for every output of the monitors stack. */
export function environmentPriceFeeds(env: EnvironmentConfig) {
  return resolveParsed(env.priceFeeds, { environment: env.name, runbookBaseUrl: env.alerting.runbookBaseUrl, namespace: MONITORS_NAMESPACE, pathPrefix: 'priceFeeds' });
}

/**
 * `<env>-monitors`: what watches the price feeds: a restricted namespace, the observer workload, the price-feed
 * alert rules (PrometheusRule) and the Grafana dashboards. Applied after `<env>-platform`, whose CRDs it uses.
 */
export class MonitorsStack extends FeedopsStack {
  constructor(scope: Construct, env: EnvironmentConfig, delivery: DeliveryConfig) {
    const name = stackName(env.name, 'monitors');
    super(scope, name, environmentStackProps(env, delivery));
    connectToCluster(this, env.cluster.name, { helm: false });

    new PriceFeedMonitoring(this, 'price-feeds', { feeds: environmentPriceFeeds(env) });

    new TerraformOutput(this, 'monitors_namespace', { value: MONITORS_NAMESPACE });
    new TerraformOutput(this, 'observer_name', { value: OBSERVER_NAME });
  }
}
