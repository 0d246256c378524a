import { Construct } from 'constructs';
import type { ITerraformDependable } from '../core/cdktf';
import { KubernetesObjects } from '../kubernetes/kubernetes-objects';
import { dashboardConfigMap, type DashboardConfigMap } from './dashboard-config-map';
import type { DashboardModel } from './dashboard-model';

export interface GrafanaDashboardProps {
  /** The dashboard: rows of panels with PromQL targets; validated and laid out on Grafana's grid. */
  readonly dashboard: DashboardModel;
  /**
   * Namespace of the ConfigMap (the Grafana sidecar of feedops' kube-prometheus-stack watches every namespace).
   * @default 'monitoring'
   */
  readonly namespace?: string;
  /**
   * Name of the ConfigMap.
   * @default 'grafana-dashboard-<uid>'
   */
  readonly configMapName?: string;
  /**
   * Resources to create first (e.g. the namespace).
   * @default - none
   */
  readonly dependsOn?: ITerraformDependable[];
}

/** A team's own Grafana dashboard, loaded by the Grafana sidecar from a labelled ConfigMap (`dashboardConfigMap` wrapped in a `kubernetes_manifest`). */
export class GrafanaDashboard extends Construct {
  public readonly configMap: DashboardConfigMap;
  public readonly objects: KubernetesObjects;

  constructor(scope: Construct, id: string, props: GrafanaDashboardProps) {
    super(scope, id);
    this.configMap = dashboardConfigMap(props.dashboard, { namespace: props.namespace, name: props.configMapName });
    this.objects = new KubernetesObjects(this, 'objects', { manifests: [this.configMap], dependsOn: props.dependsOn });
  }
}
