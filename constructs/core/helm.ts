// The only module that imports `@cdktf/provider-helm`, by deep path (see aws.ts for why).
export { HelmProvider } from '@cdktf/provider-helm/lib/provider';
export { Release as HelmReleaseResource } from '@cdktf/provider-helm/lib/release';
