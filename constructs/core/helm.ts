// The only module that imports `@cdktf/provider-helm`, by deep path (see aws.ts for why).
// First, before anything loads cdktf: it defers cdktf's file-asset modules (see cdktf-savings.ts).
import './cdktf-savings';
export { HelmProvider } from '@cdktf/provider-helm/lib/provider';
export { Release as HelmReleaseResource } from '@cdktf/provider-helm/lib/release';
