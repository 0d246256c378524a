import { Construct } from 'constructs';
import type { ITerraformDependable } from '../core/cdktf';
import { dashboardConfigMap } from '../dashboards/dashboard-config-map';
import { KubernetesObjects } from '../kubernetes/kubernetes-objects';
import { renderRestrictedNamespace } from '../kubernetes/restricted-namespace';
import { priceFeedsDashboard } from './dashboards/price-feeds-dashboard';
import { publishersDashboard } from './dashboards/publishers-dashboard';
import { Guardrails } from '../guardrails/guardrails';
import { renderHermesExporterManifests, type HermesExporterOptions } from './hermes/hermes-exporter';
import { renderObserverManifests, type ObserverWorkloadOptions } from './observer/observer-manifests';
import { declaredPriceIds, type ResolvedPriceFeeds } from './resolve';
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
  /** The json_exporter that reads Hermes (only when the feed set has `hermes`). @default - JSON_EXPORTER_IMAGE, DEFAULT_HERMES_EXPORTER_RESOURCES */
  readonly hermesExporter?: HermesExporterOptions;
}

/**
 * Price-feed monitoring in one construct: the namespace, pyth-observer (config, Deployment, Service, PDB,
 * ServiceMonitor), when the feed set has `hermes` the json_exporter reading Hermes' latest prices with one Probe
 * per feed, the PrometheusRule of the price-feed pack and the Price feeds and Publishers dashboards, all rendered
 * from the same resolved feed set.
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

    const hermes = renderHermesExporterManifests(feeds, props.hermesExporter);

    new KubernetesObjects(this, 'observer', { manifests: observer, dependsOn });
    if (hermes.length > 0) {
      const hermesObjects = new KubernetesObjects(this, 'hermes', { manifests: hermes, dependsOn });
      // The Probes ask Hermes by price id: 64 hex digits that are public, not keys.
      Guardrails.allowPublicIdentifiers(hermesObjects, declaredPriceIds(feeds), 'Pyth price feed ids of the feed set: public identifiers Hermes is asked by');
    }
    new KubernetesObjects(this, 'rules', { manifests: [rules], dependsOn });
    new KubernetesObjects(this, 'dashboards', { manifests: dashboards, dependsOn });
    this.manifests = [...(namespace ? [renderRestrictedNamespace(feeds.namespace)] : []), ...observer, ...hermes, rules, ...dashboards];
  }
}
