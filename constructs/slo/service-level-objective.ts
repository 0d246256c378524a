import { Construct } from 'constructs';
import type { RenderedRules } from '../alerting/rules/render-rules';
import type { ITerraformDependable } from '../core/cdktf';
import { KubernetesObjects } from '../kubernetes/kubernetes-objects';
import { renderSloRules } from './render-slo-rules';
import type { ServiceLevelObjectiveSpec } from './slo-spec';

export interface ServiceLevelObjectiveProps extends ServiceLevelObjectiveSpec {
  /** Value of the `environment` label on the alerts (Alertmanager routes on it). */
  readonly environment: string;
  /** @default 'slo-<service>-<name>' */
  readonly ruleName?: string;
  /** @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * One service level objective as a PrometheusRule in the spec's namespace: SLI recordings over 5m..3d, the
 * window's error budget remaining, page and ticket burn-rate alerts with a minimum-traffic guard, and the
 * no-data policy. `rules.rulesFile` is the same rules for promtool in the owner's CI.
 */
export class ServiceLevelObjective extends Construct {
  public readonly rules: RenderedRules;

  constructor(scope: Construct, id: string, props: ServiceLevelObjectiveProps) {
    super(scope, id);
    const { environment, ruleName, dependsOn, ...spec } = props;
    this.rules = renderSloRules([spec], { environment, name: ruleName ?? `slo-${spec.service}-${spec.name}`, namespace: spec.namespace });
    new KubernetesObjects(this, 'rules', { manifests: [this.rules.prometheusRule], dependsOn });
  }
}
