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

/** Probe modules other constructs refer to by name. */
export const BLACKBOX_MODULES = {
  http2xx: 'http_2xx',
  httpJsonRpc: 'http_post_jsonrpc',
  tcpConnect: 'tcp_connect',
} as const;

export interface BlackboxExporterOptions {
  /** @default 1 */
  readonly replicas?: number;
  /** @default 25m/32Mi requests, 200m/128Mi limits */
  readonly resources?: ContainerResources;
  /** @default {} */
  readonly values?: PlainObject;
}

export interface BlackboxExporterProps extends BlackboxExporterOptions {
  readonly namespace: string;
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
    this.proberAddress = `${BLACKBOX_EXPORTER_RELEASE}-prometheus-blackbox-exporter.${props.namespace}.svc:9115`;
    this.helmRelease = new PinnedHelmRelease(this, 'chart', {
      releaseName: BLACKBOX_EXPORTER_RELEASE,
      namespace: props.namespace,
      createNamespace: false,
      chart: CHARTS.blackboxExporter,
      defaultValues: {
        replicas,
        resources: renderResources(props.resources ?? DEFAULT_BLACKBOX_RESOURCES),
        // The chart copies this map into the PDB spec as is (it has no `enabled` key).
        podDisruptionBudget: replicas > 1 ? { minAvailable: replicas - 1 } : {},
        serviceMonitor: { selfMonitor: { enabled: true } },
        config: {
          modules: {
            [BLACKBOX_MODULES.http2xx]: { prober: 'http', timeout: '5s', http: { preferred_ip_protocol: 'ip4', valid_status_codes: [] } },
            [BLACKBOX_MODULES.httpJsonRpc]: {
              prober: 'http',
              timeout: '5s',
              http: {
                method: 'POST',
                preferred_ip_protocol: 'ip4',
                headers: { 'Content-Type': 'application/json' },
                body: '{"jsonrpc":"2.0","id":1,"method":"getHealth"}',
                fail_if_body_not_matches_regexp: ['"result"'],
              },
            },
            [BLACKBOX_MODULES.tcpConnect]: { prober: 'tcp', timeout: '5s' },
          },
        },
      },
      values: props.values,
      dependsOn: props.dependsOn,
    });
  }
}
