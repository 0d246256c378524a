import { Construct } from 'constructs';
import type { ITerraformDependable } from '../core/cdktf';
import { KubernetesObjects } from './kubernetes-objects';
import { ObserverWorkloadProps, renderObserverManifests } from './observer-manifests';

export interface PriceFeedObserverProps extends ObserverWorkloadProps {
  /** @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The Pyth price-feed observer on Kubernetes, metrics-only: its three config files from typed data, a restricted
 * Deployment (2 replicas across zones by default) with a PodDisruptionBudget, and a ServiceMonitor for Prometheus.
 */
export class PriceFeedObserver extends Construct {
  public readonly manifests: readonly Record<string, any>[];

  constructor(scope: Construct, id: string, props: PriceFeedObserverProps) {
    super(scope, id);
    this.manifests = renderObserverManifests(props);
    new KubernetesObjects(this, 'objects', { manifests: this.manifests, dependsOn: props.dependsOn });
  }
}
