import { invalid } from '../core/validation-error';
import { ALERT_LATENCY_BUDGET } from '../alerting/alert-latency-budget';
import { Construct } from 'constructs';
import type { IEksCluster } from '../cluster/eks-cluster-attributes';
import type { ITerraformDependable } from '../core/cdktf';
import { CHARTS } from '../core/chart-versions';
import type { PlainObject, PlainValue } from '../core/deep-merge';
import { PinnedHelmRelease } from '../helm/pinned-helm-release';
import { ContainerResources, renderResources } from './resources';

/** Prometheus, Alertmanager, Grafana, the operator, kube-state-metrics and their synced secrets. */
export const MONITORING_NAMESPACE = 'monitoring';
export const MONITORING_RELEASE_NAME = 'kube-prometheus-stack';
/**
 * Where Helm keeps the release's records (Secrets): a namespace without application secrets, so the CI plan
 * identity can read the records without reading the synced secrets (constructs/access/plan-reader-rbac.ts). The
 * chart's objects go to MONITORING_NAMESPACE through its `namespaceOverride` values.
 */
export const MONITORING_RELEASE_NAMESPACE = 'helm-releases';
/** node-exporter needs the host's network and PID namespaces: a privileged namespace of its own. */
export const NODE_EXPORTER_NAMESPACE = 'node-exporter';
export const DEFAULT_STORAGE_CLASS = 'gp3-encrypted';
export const DEFAULT_PROMETHEUS_RETENTION = '15d';
/** How often Prometheus evaluates rules: part of the alert-latency budget (the operator's default of 30s would add 15 s). */
export const PROMETHEUS_EVALUATION_INTERVAL = ALERT_LATENCY_BUDGET.evaluationInterval.toPrometheus();
export const DEFAULT_PROMETHEUS_STORAGE_GIB = 50;
/** Prometheus deletes old blocks above this share of its volume, before the disk fills (WAL and compaction need room). */
export const RETENTION_SIZE_SHARE_OF_VOLUME = 0.8;
export const DEFAULT_ALERTMANAGER_STORAGE_GIB = 5;
/** Label the Grafana sidecar looks for on dashboard ConfigMaps, in every namespace. */
export const GRAFANA_DASHBOARD_LABEL = { grafana_dashboard: '1' } as const;
export const DEFAULT_RESOURCES = {
  prometheus: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } },
  alertmanager: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '200m', memory: '256Mi' } },
  grafana: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
  operator: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
  kubeStateMetrics: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '200m', memory: '512Mi' } },
  nodeExporter: { requests: { cpu: '25m', memory: '32Mi' }, limits: { cpu: '200m', memory: '64Mi' } },
} as const satisfies Record<string, ContainerResources>;

/**
 * Rule groups and scrape targets of control-plane components EKS does not expose. Left on, their targets are
 * down and the chart's own alerts about them fire forever (chart issues #4106, #3368).
 */
export const EKS_UNREACHABLE_COMPONENTS = ['kubeEtcd', 'kubeControllerManager', 'kubeScheduler'] as const;
export const EKS_UNREACHABLE_RULE_GROUPS = ['etcd', 'kubeControllerManager', 'kubeSchedulerAlerting', 'kubeSchedulerRecording'] as const;

/** Chart alerts feedops replaces: its own Watchdog, and InfoInhibitor (made for the chart's `null` receiver). */
export const CHART_ALERTS_REPLACED_BY_FEEDOPS = ['Watchdog', 'InfoInhibitor'] as const;

export interface PrometheusOptions {
  /** @default 1 */
  readonly replicas?: number;
  /** How long samples are kept. @default '15d' */
  readonly retention?: string;
  /** Volume size per replica (GiB); retentionSize is derived as 80% of it. @default 50 */
  readonly storageGiB?: number;
  /** @default DEFAULT_RESOURCES.prometheus */
  readonly resources?: ContainerResources;
}

export interface AlertmanagerOptions {
  /** @default 1 */
  readonly replicas?: number;
  /** Volume size per replica (GiB), for silences and the notification log. @default 5 */
  readonly storageGiB?: number;
  /** @default DEFAULT_RESOURCES.alertmanager */
  readonly resources?: ContainerResources;
}

export interface MonitoringOptions {
  /** @default - 1 replica, 15d, 50 GiB */
  readonly prometheus?: PrometheusOptions;
  /** @default - 1 replica, 5 GiB */
  readonly alertmanager?: AlertmanagerOptions;
  /** @default DEFAULT_RESOURCES.grafana */
  readonly grafanaResources?: ContainerResources;
  /** StorageClass of the Prometheus and Alertmanager volumes (encrypted gp3). @default 'gp3-encrypted' */
  readonly storageClassName?: string;
  /** Extra chart values, deep-merged over feedops' (the caller wins). @default {} */
  readonly values?: PlainObject;
}

export interface MonitoringProps extends MonitoringOptions {
  readonly cluster: IEksCluster;
  /** Environment name; an external label on every series and alert. */
  readonly environment: string;
  /** The rendered Alertmanager configuration (see renderAlertmanagerConfig). */
  readonly alertmanagerConfig: PlainObject;
  /** Kubernetes Secrets mounted into Alertmanager at /etc/alertmanager/secrets/<name>/ (webhook URLs). */
  readonly alertmanagerSecrets: readonly string[];
  /** Kubernetes Secret with keys `admin-user` and `admin-password` for Grafana. */
  readonly grafanaAdminSecret: string;
  /**
   * Objects installed with the release, after the chart's own: ExternalSecrets that the chart's pods mount.
   * Installing them here (not as kubernetes_manifest) keeps the first plan valid before their CRDs exist.
   * @default []
   */
  readonly extraManifests?: readonly Record<string, unknown>[];
  /** @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * kube-prometheus-stack made production-grade: persistent encrypted volumes, retention by time and size, optional
 * HA with PodDisruptionBudgets and zone spread, EKS-aware control-plane targets, selectors that pick up other
 * teams' rules and monitors without the release label, Grafana admin from a secret and dashboards from ConfigMaps.
 */
/** The props of {@link KubePrometheusStack} (also known by their older name, MonitoringProps). */
export type KubePrometheusStackProps = MonitoringProps;

export class KubePrometheusStack extends Construct {
  public readonly helmRelease: PinnedHelmRelease;

  constructor(scope: Construct, id: string, props: KubePrometheusStackProps) {
    super(scope, id);
    const prometheusReplicas = this.replicas('prometheus.replicas', props.prometheus?.replicas);
    const alertmanagerReplicas = this.replicas('alertmanager.replicas', props.alertmanager?.replicas);
    const prometheusStorageGiB = props.prometheus?.storageGiB ?? DEFAULT_PROMETHEUS_STORAGE_GIB;
    const storageClassName = props.storageClassName ?? DEFAULT_STORAGE_CLASS;
    const retention = props.prometheus?.retention ?? DEFAULT_PROMETHEUS_RETENTION;
    if (!/^\d+(ms|s|m|h|d|w|y)$/.test(retention)) {
      invalid(this.node.path, 'prometheus.retention', `"${retention}" (allowed: a Prometheus duration such as 15d)`);
    }

    const selectorsOpenToEveryone: PlainObject = {};
    for (const kind of ['rule', 'serviceMonitor', 'podMonitor', 'probe', 'scrapeConfig']) {
      selectorsOpenToEveryone[`${kind}SelectorNilUsesHelmValues`] = false;
      selectorsOpenToEveryone[`${kind}Selector`] = {};
      selectorsOpenToEveryone[`${kind}NamespaceSelector`] = {};
    }

    const defaultValues: PlainObject = {
      crds: { enabled: true },
      defaultRules: {
        rules: Object.fromEntries(EKS_UNREACHABLE_RULE_GROUPS.map((group) => [group, false])),
        // feedops renders its own Watchdog (routed to the heartbeat); InfoInhibitor expects a `null` route feedops does not have.
        disabled: Object.fromEntries(CHART_ALERTS_REPLACED_BY_FEEDOPS.map((alert) => [alert, true])),
        additionalRuleLabels: { environment: props.environment, team: 'platform' },
      },
      ...Object.fromEntries(EKS_UNREACHABLE_COMPONENTS.map((component) => [component, { enabled: false }])),
      prometheus: {
        prometheusSpec: {
          ...selectorsOpenToEveryone,
          replicas: prometheusReplicas,
          evaluationInterval: PROMETHEUS_EVALUATION_INTERVAL,
          retention,
          retentionSize: `${Math.floor(prometheusStorageGiB * RETENTION_SIZE_SHARE_OF_VOLUME)}GB`,
          externalLabels: { environment: props.environment, cluster: props.cluster.clusterName },
          resources: renderResources(props.prometheus?.resources ?? DEFAULT_RESOURCES.prometheus),
          storageSpec: volumeClaimTemplate(storageClassName, prometheusStorageGiB),
          ...highAvailability(prometheusReplicas, { 'app.kubernetes.io/name': 'prometheus' }),
        },
        podDisruptionBudget: disruptionBudget(prometheusReplicas),
      },
      alertmanager: {
        config: props.alertmanagerConfig,
        alertmanagerSpec: {
          replicas: alertmanagerReplicas,
          secrets: [...props.alertmanagerSecrets],
          resources: renderResources(props.alertmanager?.resources ?? DEFAULT_RESOURCES.alertmanager),
          storage: volumeClaimTemplate(storageClassName, props.alertmanager?.storageGiB ?? DEFAULT_ALERTMANAGER_STORAGE_GIB),
          ...highAvailability(alertmanagerReplicas, { 'app.kubernetes.io/name': 'alertmanager' }),
        },
        podDisruptionBudget: disruptionBudget(alertmanagerReplicas),
      },
      grafana: {
        namespaceOverride: MONITORING_NAMESPACE,
        admin: { existingSecret: props.grafanaAdminSecret, userKey: 'admin-user', passwordKey: 'admin-password' },
        resources: renderResources(props.grafanaResources ?? DEFAULT_RESOURCES.grafana),
        sidecar: {
          dashboards: {
            enabled: true,
            label: Object.keys(GRAFANA_DASHBOARD_LABEL)[0],
            labelValue: Object.values(GRAFANA_DASHBOARD_LABEL)[0],
            searchNamespace: 'ALL',
          },
        },
        'grafana.ini': {
          'auth.anonymous': { enabled: false },
          users: { allow_sign_up: false },
          analytics: { reporting_enabled: false, check_for_updates: false },
        },
      },
      prometheusOperator: { resources: renderResources(DEFAULT_RESOURCES.operator) },
      'kube-state-metrics': { namespaceOverride: MONITORING_NAMESPACE, resources: renderResources(DEFAULT_RESOURCES.kubeStateMetrics) },
      'prometheus-node-exporter': { namespaceOverride: NODE_EXPORTER_NAMESPACE, resources: renderResources(DEFAULT_RESOURCES.nodeExporter) },
      namespaceOverride: MONITORING_NAMESPACE,
      extraManifests: (props.extraManifests ?? []) as PlainValue[],
    };

    this.helmRelease = new PinnedHelmRelease(this, 'chart', {
      releaseName: MONITORING_RELEASE_NAME,
      namespace: MONITORING_RELEASE_NAMESPACE,
      createNamespace: false,
      chart: CHARTS.kubePrometheusStack,
      defaultValues,
      values: props.values,
      timeoutSeconds: 900,
      dependsOn: props.dependsOn,
    });
  }

  private replicas(field: string, value: number | undefined): number {
    const replicas = value ?? 1;
    if (!Number.isInteger(replicas) || replicas < 1) {
      invalid(this.node.path, field, `${replicas} (allowed: a whole number of at least 1)`);
    }
    return replicas;
  }
}

function volumeClaimTemplate(storageClassName: string, sizeGiB: number): PlainObject {
  return {
    volumeClaimTemplate: {
      spec: { storageClassName, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: `${sizeGiB}Gi` } } },
    },
  };
}

/** With more than one replica: spread over zones (hard) and nodes (soft). */
function highAvailability(replicas: number, podLabels: Record<string, string>): PlainObject {
  if (replicas < 2) return {};
  return {
    podAntiAffinity: 'soft',
    topologySpreadConstraints: [
      { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: podLabels } },
      { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: podLabels } },
    ],
  };
}

/** A budget that lets one pod go at a time; none for a single replica (it would block node drains). */
function disruptionBudget(replicas: number): PlainObject {
  return replicas < 2 ? { enabled: false } : { enabled: true, minAvailable: replicas - 1 };
}
