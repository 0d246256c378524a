import { Construct } from 'constructs';
import type { RenderedRules } from '../alerting/rules/render-rules';
import type { ITerraformDependable } from '../core/cdktf';
import { KubernetesObjects } from '../kubernetes/kubernetes-objects';
import { ServiceLevelObjective } from '../slo/service-level-objective';
import { renderEndpointRules } from './endpoint-rules';
import { endpointAvailabilitySlos } from './endpoint-slos';
import { renderProbes, type ProbeManifest } from './probes';
import { resolveEndpoints, type ResolvedEndpoint } from './resolve-endpoints';
import type { EndpointsConfig } from './schema';

export interface EndpointMonitoringProps {
  /** The validated `endpoints` of the environment (or another team's own list). */
  readonly endpoints: EndpointsConfig;
  readonly environment: string;
  /** Namespace of the Probes, the PrometheusRules and the SLOs. */
  readonly namespace: string;
  /** The blackbox exporter, `host:port`, whose modules came from the same endpoints (renderBlackboxModules). */
  readonly proberAddress: string;
  readonly runbookBaseUrl: string;
  /** @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Places the endpoint pack: a Probe per endpoint, the endpoint alerts (down, slow, certificate expiry, group down,
 * probe absent) and an availability SLO for each endpoint with an objective. The blackbox modules the Probes name
 * are rendered from the same endpoints for the exporter's Helm release (platform stack).
 */
export class EndpointMonitoring extends Construct {
  public readonly endpoints: readonly ResolvedEndpoint[];
  public readonly probes: readonly ProbeManifest[];
  public readonly rules: RenderedRules;
  public readonly objectives: readonly ServiceLevelObjective[];

  constructor(scope: Construct, id: string, props: EndpointMonitoringProps) {
    super(scope, id);
    this.endpoints = resolveEndpoints(props.endpoints);
    this.probes = renderProbes(this.endpoints, { namespace: props.namespace, proberAddress: props.proberAddress });
    this.rules = renderEndpointRules(this.endpoints, { environment: props.environment, namespace: props.namespace, runbookBaseUrl: props.runbookBaseUrl });
    new KubernetesObjects(this, 'objects', { manifests: [...this.probes, this.rules.prometheusRule], dependsOn: props.dependsOn });
    this.objectives = endpointAvailabilitySlos(this.endpoints, { namespace: props.namespace, runbookBaseUrl: props.runbookBaseUrl }).map(
      (spec) => new ServiceLevelObjective(this, `slo-${spec.service}-${spec.name}`, { ...spec, environment: props.environment, dependsOn: props.dependsOn }),
    );
  }
}
