import { Construct } from 'constructs';
import type { ITerraformDependable } from '../core/cdktf';
import { dashboardConfigMap } from '../dashboards/dashboard-config-map';
import { KubernetesObjects } from '../kubernetes/kubernetes-objects';
import { renderRestrictedNamespace } from '../kubernetes/restricted-namespace';
import { priceFeedsDashboard } from './dashboards/price-feeds-dashboard';
import { publishersDashboard } from './dashboards/publishers-dashboard';
import { renderObserverManifests, type ObserverWorkloadOptions } from './observer/observer-manifests';
import type { ResolvedPriceFeeds } from './resolve';
import { renderPriceFeedRules } from './rules/price-feed-rules';

export interface PriceFeedMonitoringProps extends ObserverWorkloadOptions {
  /** The feed set, resolved once (`resolvePriceFeeds`); every object below reads it. */
  readonly feeds: ResolvedPriceFeeds;
  /**
   * Create the feeds' namespace (Pod Security "restricted"). Turn off when the namespace already exists.
   * @default true
   */
  readonly createNamespace?: boolean;
  /**
   * Namespace of the dashboard ConfigMaps (Grafana's sidecar reads every namespace).
   * @default - the feeds' namespace
   */
  readonly dashboardNamespace?: string;
  /** @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Price-feed monitoring in one construct: the namespace, pyth-observer (config, Deployment, Service, PDB,
 * ServiceMonitor), the PrometheusRule of the price-feed pack and the Price feeds and Publishers dashboards, all
 * rendered from the same resolved feed set.
 */
export class PriceFeedMonitoring extends Construct {
  /** Every object, as plain manifests (the ones the tests validate). */
  public readonly manifests: readonly Record<string, any>[];
  /** The namespace's resource, for objects other constructs place in it; empty when `createNamespace` is false. */
  public readonly namespaceResources: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: PriceFeedMonitoringProps) {
    super(scope, id);
    const { feeds } = props;
    const namespace = (props.createNamespace ?? true)
      ? new KubernetesObjects(this, 'namespace', { manifests: [renderRestrictedNamespace(feeds.namespace)], dependsOn: props.dependsOn })
      : undefined;
    this.namespaceResources = namespace?.resources ?? [];
    const dependsOn = namespace ? namespace.resources : props.dependsOn;

    const observer = renderObserverManifests({ feeds, image: props.image, resources: props.resources });
    const rules = renderPriceFeedRules(feeds).prometheusRule;
    const dashboardNamespace = props.dashboardNamespace ?? feeds.namespace;
    const dashboards = [priceFeedsDashboard(feeds), publishersDashboard(feeds)].map((model) => dashboardConfigMap(model, { namespace: dashboardNamespace }));

    new KubernetesObjects(this, 'observer', { manifests: observer, dependsOn });
    new KubernetesObjects(this, 'rules', { manifests: [rules], dependsOn });
    new KubernetesObjects(this, 'dashboards', { manifests: dashboards, dependsOn });
    this.manifests = [...(namespace ? [renderRestrictedNamespace(feeds.namespace)] : []), ...observer, rules, ...dashboards];
  }
}
