/** A chart pinned to one exact version in one https repository. */
export interface HelmChartReference {
  readonly chart: string;
  /** https URL of the chart repository. */
  readonly repository: string;
  /** Exact semantic version, e.g. `77.6.2`. */
  readonly version: string;
}

/**
 * Every Helm chart feedops installs, pinned exactly. Source: each chart's Chart.yaml in its repository
 * (prometheus-community/helm-charts, external-secrets/external-secrets deploy/charts), as of 2026-08.
 * Bump one at a time and read the chart's upgrade notes (CRDs are not upgraded by Helm).
 */
export const CHARTS = {
  /** Prometheus operator, Prometheus 3.x, Alertmanager 0.34, Grafana, kube-state-metrics, node-exporter; app v0.93.1. */
  kubePrometheusStack: {
    chart: 'kube-prometheus-stack',
    repository: 'https://prometheus-community.github.io/helm-charts',
    version: '88.5.3',
  },
  /** External Secrets Operator v2.9.0 (serves external-secrets.io/v1). */
  externalSecrets: {
    chart: 'external-secrets',
    repository: 'https://charts.external-secrets.io',
    version: '2.9.0',
  },
  /** Blackbox exporter v0.28.0, for endpoint probes. */
  blackboxExporter: {
    chart: 'prometheus-blackbox-exporter',
    repository: 'https://prometheus-community.github.io/helm-charts',
    version: '11.17.2',
  },
} as const satisfies Record<string, HelmChartReference>;
