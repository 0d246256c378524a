// The only module that imports `@cdktf/provider-kubernetes`, by deep path (see aws.ts for why).
// First, before anything loads cdktf: it defers cdktf's file-asset modules (see cdktf-savings.ts).
import './cdktf-savings';
export { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { Manifest, type ManifestConfig } from '@cdktf/provider-kubernetes/lib/manifest';
import type { Construct } from 'constructs';
import { terraformLiteral } from './terraform-literal';
export { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
export { StorageClassV1 } from '@cdktf/provider-kubernetes/lib/storage-class-v1';
export { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';

/**
 * A `kubernetes_manifest` whose strings reach the cluster as written: a dashboard's `${datasource}` or a script's
 * `${VAR}` is escaped for Terraform's templates (see terraform-literal.ts); cdktf tokens stay references.
 */
export class KubernetesManifest extends Manifest {
  constructor(scope: Construct, id: string, config: ManifestConfig) {
    super(scope, id, { ...config, manifest: terraformLiteral(config.manifest) });
  }
}
