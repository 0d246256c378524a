import type { HelmChartReference } from '../core/chart-versions';
import { invalid } from '../core/validation-error';
import { Construct } from 'constructs';
import { yamlText } from '../core/yaml-text';
import type { ITerraformDependable } from '../core/cdktf';
import { deepMerge, PlainObject } from '../core/deep-merge';
import { HelmReleaseResource } from '../core/helm';
import { terraformLiteralText } from '../core/terraform-literal';

/** How long Helm may wait for a release's workloads to become ready before rolling back. */
export const DEFAULT_HELM_TIMEOUT_SECONDS = 600;
/** Helm release history kept per release: enough to roll back a few times, bounded so secrets don't pile up. */
export const HELM_MAX_HISTORY = 10;

export interface PinnedHelmReleaseProps {
  readonly releaseName: string;
  readonly namespace: string;
  readonly chart: HelmChartReference;
  /** Values the owning construct sets; the caller's `values` win over them. @default {} */
  readonly defaultValues?: PlainObject;
  /** The caller's values, deep-merged over `defaultValues`. @default {} */
  readonly values?: PlainObject;
  /** @default true */
  readonly createNamespace?: boolean;
  /** @default 600 */
  readonly timeoutSeconds?: number;
  /** @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

const EXACT_VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/**
 * The one way feedops installs a Helm chart: an exact chart version from an https repository, atomic (a failed
 * install or upgrade rolls back), waiting for workloads with a timeout, and values as YAML from a deep merge
 * where the caller wins. Values never carry secrets: charts read them from Kubernetes secrets by name.
 */
export class PinnedHelmRelease extends Construct {
  public readonly release: HelmReleaseResource;
  /** The merged values, as passed to Helm (tests read them). */
  public readonly values: PlainObject;

  constructor(scope: Construct, id: string, props: PinnedHelmReleaseProps) {
    super(scope, id);
    const { chart } = props;
    if (!EXACT_VERSION.test(chart.version)) {
      invalid(this.node.path, 'chart.version', `chart ${chart.chart} version "${chart.version}" is not exact (allowed: a version such as 1.2.3)`);
    }
    if (!chart.repository.startsWith('https://')) {
      invalid(this.node.path, 'chart.repository', `chart ${chart.chart} repository "${chart.repository}" (allowed: an https:// URL)`);
    }
    this.values = deepMerge(props.defaultValues ?? {}, props.values ?? {});
    this.release = new HelmReleaseResource(this, 'release', {
      name: props.releaseName,
      namespace: props.namespace,
      createNamespace: props.createNamespace ?? true,
      chart: chart.chart,
      repository: chart.repository,
      version: chart.version,
      atomic: true,
      cleanupOnFail: true,
      wait: true,
      timeout: props.timeoutSeconds ?? DEFAULT_HELM_TIMEOUT_SECONDS,
      maxHistory: HELM_MAX_HISTORY,
      // Block YAML, no line folding and no anchors/aliases: a diff of a plan or snapshot shows each changed key.
      // Terraform reads the values as a template: literal `${`/`%{` are escaped, cdktf tokens stay references.
      values: [terraformLiteralText(yamlText(this.values, { aliasDuplicateObjects: false }))],
      dependsOn: props.dependsOn,
    });
  }
}
