import { Construct } from 'constructs';
import type { ITerraformDependable } from '../core/cdktf';
import { CHARTS } from '../core/chart-versions';
import type { PlainObject } from '../core/deep-merge';
import { PinnedHelmRelease } from '../helm/pinned-helm-release';
import { ContainerResources, renderResources } from './resources';

export const BLACKBOX_EXPORTER_RELEASE = 'blackbox-exporter';
export const DEFAULT_BLACKBOX_RESOURCES: ContainerResources = {
  requests: { cpu: '25m', memory: '32Mi' },
  limits: { cpu: '200m', memory: '128Mi' },
};

/**
 * The blackbox exporter's namespace in feedops' platform: its objects and the probe credentials they mount. Its Helm
 * release record lives in the release namespace, so plans that read release records never read the credentials.
 */
export const BLACKBOX_EXPORTER_NAMESPACE = 'blackbox-exporter';

/** `host:port` of the exporter's Service in `namespace`, for a Probe's `prober.url`. */
export function blackboxProberAddress(namespace: string): string {
  return `${BLACKBOX_EXPORTER_RELEASE}-prometheus-blackbox-exporter.${namespace}.svc:9115`;
}

/** A Secret mounted read-only into the exporter, e.g. a probe credential (`credentials_file` in a module). */
export interface BlackboxSecretMount {
  readonly secretName: string;
  readonly mountPath: string;
}

export interface BlackboxExporterOptions {
  /** @default 1 */
  readonly replicas?: number;
  /** @default 25m/32Mi requests, 200m/128Mi limits */
  readonly resources?: ContainerResources;
  /**
   * Probe modules keyed by name, in the exporter's configuration format. Generated from the endpoint model
   * (constructs/endpoints renderBlackboxModules), so the Probes and the modules cannot drift apart.
   * @default {} - no modules: nothing can be probed
   */
  readonly modules?: Readonly<Record<string, unknown>>;
  /** @default [] */
  readonly secretMounts?: readonly BlackboxSecretMount[];
  /** @default {} */
  readonly values?: PlainObject;
}

export interface BlackboxExporterProps extends BlackboxExporterOptions {
  /** Namespace of the exporter's objects (Deployment, Service, mounted probe credentials). */
  readonly namespace: string;
  /**
   * Namespace of the Helm release record. Kept apart from `namespace` so a plan identity that reads release records
   * never reads the probe credentials (the chart's `namespaceOverride` places the objects).
   * @default - `namespace`
   */
  readonly releaseNamespace?: string;
  /** @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/** The Prometheus blackbox exporter for endpoint probes (Probe objects point at it). */
export class BlackboxExporter extends Construct {
  public readonly helmRelease: PinnedHelmRelease;
  /** `host:port` for a Probe's `prober.url`. */
  public readonly proberAddress: string;

  constructor(scope: Construct, id: string, props: BlackboxExporterProps) {
    super(scope, id);
    const replicas = props.replicas ?? 1;
    this.proberAddress = blackboxProberAddress(props.namespace);
    this.helmRelease = new PinnedHelmRelease(this, 'chart', {
      releaseName: BLACKBOX_EXPORTER_RELEASE,
      namespace: props.releaseNamespace ?? props.namespace,
      createNamespace: false,
      chart: CHARTS.blackboxExporter,
      defaultValues: {
        namespaceOverride: props.namespace,
        replicas,
        resources: renderResources(props.resources ?? DEFAULT_BLACKBOX_RESOURCES),
        // The chart copies this map into the PDB spec as is (it has no `enabled` key).
        podDisruptionBudget: replicas > 1 ? { minAvailable: replicas - 1 } : {},
        serviceMonitor: { selfMonitor: { enabled: true } },
        config: { modules: structuredClone(props.modules ?? {}) as PlainObject },
        extraSecretMounts: (props.secretMounts ?? []).map((mount) => ({
          name: mount.secretName,
          secretName: mount.secretName,
          mountPath: mount.mountPath,
          readOnly: true,
        })),
      },
      values: props.values,
      dependsOn: props.dependsOn,
    });
  }
}
