import { invalid } from '../core/validation-error';
import type { DashboardModel } from './dashboard-model';
import { renderDashboard } from './render-dashboard';

/**
 * The label kube-prometheus-stack's Grafana sidecar watches (grafana.sidecar.dashboards.label/labelValue, set by
 * KubePrometheusStack; a test keeps the two equal). Kept here so this renderer does not import the Helm construct.
 */
import { GRAFANA_DASHBOARD_LABEL } from '../monitoring/kube-prometheus-stack';

/** The label the Grafana sidecar of kube-prometheus-stack watches (one constant, owned by the monitoring construct). */
export const GRAFANA_SIDECAR_DASHBOARD_LABEL = GRAFANA_DASHBOARD_LABEL;
/** The sidecar searches every namespace; the monitoring namespace keeps dashboards next to Grafana. */
export const DEFAULT_DASHBOARD_NAMESPACE = 'monitoring';
/** Kubernetes rejects objects over 1 MiB; leave room for metadata. */
export const MAX_DASHBOARD_JSON_BYTES = 1_000_000;

const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const DNS_LABEL = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export interface DashboardConfigMapOptions {
  /** @default 'monitoring' */
  readonly namespace?: string;
  /** @default 'grafana-dashboard-<uid>' */
  readonly name?: string;
}

export interface DashboardConfigMap {
  readonly apiVersion: 'v1';
  readonly kind: 'ConfigMap';
  readonly metadata: {
    readonly name: string;
    readonly namespace: string;
    readonly labels: Readonly<Record<string, string>>;
  };
  /** One key, `<uid>.json`: the file the sidecar writes for Grafana to load. */
  readonly data: Readonly<Record<string, string>>;
}

/**
 * A ConfigMap the Grafana sidecar loads the dashboard from. No folder annotation: the chart's
 * sidecar.dashboards.folderAnnotation is not set, so Grafana would ignore it; dashboards land in the General folder.
 */
export function dashboardConfigMap(model: DashboardModel, options: DashboardConfigMapOptions = {}): DashboardConfigMap {
  const fail = (field: string, value: unknown, allowed: string): never => {
    invalid(`Dashboard ConfigMap of ${JSON.stringify(model.uid)}`, field, `${JSON.stringify(value)} (allowed: ${allowed})`);
  };
  const name = options.name ?? `grafana-dashboard-${model.uid}`;
  const namespace = options.namespace ?? DEFAULT_DASHBOARD_NAMESPACE;
  if (!DNS_SUBDOMAIN.test(name)) {
    fail('name', name, 'a DNS subdomain name: lower-case letters, digits, "-" and "."; set options.name when the uid is not one');
  }
  if (!DNS_LABEL.test(namespace)) fail('namespace', namespace, 'a DNS label: lower-case letters, digits and "-", at most 63 characters');

  const json = JSON.stringify(renderDashboard(model), null, 2);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_DASHBOARD_JSON_BYTES) fail('dashboard JSON size', bytes, `at most ${MAX_DASHBOARD_JSON_BYTES} bytes (a ConfigMap holds 1 MiB)`);

  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name,
      namespace,
      labels: { ...GRAFANA_SIDECAR_DASHBOARD_LABEL, 'app.kubernetes.io/part-of': 'feedops' },
    },
    data: { [`${model.uid}.json`]: json },
  };
}
