import { Construct } from 'constructs';
import type { ITerraformDependable } from '../../core/cdktf';
import { KubernetesObjects } from '../../kubernetes/kubernetes-objects';
import { renderRules, type RenderedRules } from './render-rules';
import type { RuleGroup } from './rule-group';

export interface PrometheusRulesProps {
  /** The rule groups (alerts and recording rules), validated before anything is synthesized. */
  readonly groups: readonly RuleGroup[];
  /** Value of the `environment` label on every alert (e.g. `prod`); Alertmanager groups and routes on it. */
  readonly environment: string;
  /** Namespace of the PrometheusRule; kube-prometheus-stack as feedops installs it selects rules in every namespace. */
  readonly namespace: string;
  /**
   * `metadata.name` of the PrometheusRule (a DNS subdomain).
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Extra `metadata.labels`; they win over the defaults.
   * @default - only DEFAULT_PROMETHEUS_RULE_LABELS
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Resources to create first (e.g. the namespace).
   * @default - none
   */
  readonly dependsOn?: ITerraformDependable[];
}

/** A team's own alert and recording rules as one PrometheusRule object (`renderRules` wrapped in a `kubernetes_manifest`). */
export class PrometheusRules extends Construct {
  /** What was rendered: the rules file promtool checks and the PrometheusRule that carries it. */
  public readonly rendered: RenderedRules;
  public readonly objects: KubernetesObjects;

  constructor(scope: Construct, id: string, props: PrometheusRulesProps) {
    super(scope, id);
    this.rendered = renderRules(props.groups, {
      environment: props.environment,
      name: props.name ?? id,
      namespace: props.namespace,
      labels: props.labels,
    });
    this.objects = new KubernetesObjects(this, 'objects', { manifests: [this.rendered.prometheusRule], dependsOn: props.dependsOn });
  }
}
