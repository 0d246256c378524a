// The only module that imports `@cdktf/provider-kubernetes`, by deep path (see aws.ts for why).
// First, before anything loads cdktf: it defers cdktf's file-asset modules (see cdktf-savings.ts).
import './cdktf-savings';
export { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
export { Manifest as KubernetesManifest } from '@cdktf/provider-kubernetes/lib/manifest';
export { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
export { StorageClassV1 } from '@cdktf/provider-kubernetes/lib/storage-class-v1';
export { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
