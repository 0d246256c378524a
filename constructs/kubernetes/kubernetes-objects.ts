import { invalid } from '../core/validation-error';
import { Construct } from 'constructs';
import type { ITerraformDependable } from '../core/cdktf';
import { KubernetesManifest } from '../core/kubernetes';

export interface KubernetesObjectsProps {
  /** Plain manifests, each with apiVersion, kind and metadata.name. */
  readonly manifests: readonly Record<string, any>[];
  /** @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * One `kubernetes_manifest` per object, with construct ids from kind and name (`deployment-pyth-observer`), so adding
 * an object never renames another. The manifests stay plain data that tests validate against the schemas.
 */
export class KubernetesObjects extends Construct {
  public readonly resources: KubernetesManifest[] = [];

  constructor(scope: Construct, id: string, props: KubernetesObjectsProps) {
    super(scope, id);
    const seen = new Set<string>();
    for (const manifest of props.manifests) {
      const objectId = `${String(manifest.kind).toLowerCase()}-${manifest.metadata?.name}`;
      if (!manifest.metadata?.name) invalid(this.node.path, 'manifests', `a ${manifest.kind} has no metadata.name (allowed: a named object)`);
      if (seen.has(objectId)) invalid(this.node.path, 'manifests', `two objects are ${manifest.kind} ${manifest.metadata.name} (allowed: unique kind and name)`);
      seen.add(objectId);
      this.resources.push(new KubernetesManifest(this, objectId, { manifest, dependsOn: props.dependsOn }));
    }
  }
}
