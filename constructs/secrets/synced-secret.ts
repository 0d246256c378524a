import { Construct } from 'constructs';
import { KubernetesManifest } from '../core/kubernetes';
import { renderExternalSecret, SyncedSecretSpec } from './external-secret';

/**
 * "This Kubernetes Secret comes from that Secrets Manager name": an ExternalSecret managed by Terraform.
 * Terraform state holds only the names; the value goes from Secrets Manager to the cluster through ESO.
 * Needs the External Secrets CRDs at plan time, so use it in a stack applied after the platform.
 */
/** What to sync: the Kubernetes Secret's name and namespace, and the Secrets Manager names its keys come from. */
export type SyncedSecretProps = SyncedSecretSpec;

export class SyncedSecret extends Construct {
  public readonly secretName: string;
  public readonly manifest: KubernetesManifest;

  constructor(scope: Construct, id: string, spec: SyncedSecretProps) {
    super(scope, id);
    this.secretName = spec.name;
    this.manifest = new KubernetesManifest(this, 'external-secret', { manifest: renderExternalSecret(spec) });
  }
}
