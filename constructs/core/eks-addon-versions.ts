/** Pinned versions of the EKS managed add-ons feedops installs, for one Kubernetes minor version. */
export interface EksAddonVersions {
  readonly vpcCni: string;
  readonly coredns: string;
  readonly kubeProxy: string;
  readonly podIdentityAgent: string;
  readonly ebsCsiDriver: string;
}

/**
 * EKS managed add-on versions per Kubernetes minor version. A Kubernetes version is supported by feedops
 * exactly when it has an entry here.
 *
 * Source: `aws eks describe-addon-versions --kubernetes-version <v> --addon-name <name>`, cross-checked against
 * the EKS user guide's add-on pages (see the research note in constructs/cluster/README.md). Bump them together
 * with the Kubernetes version, one minor at a time.
 */
export const EKS_ADDON_VERSIONS: Readonly<Record<string, EksAddonVersions>> = {
  '1.32': {
    vpcCni: 'v1.19.5-eksbuild.1',
    coredns: 'v1.11.4-eksbuild.2',
    kubeProxy: 'v1.32.3-eksbuild.7',
    podIdentityAgent: 'v1.3.7-eksbuild.2',
    ebsCsiDriver: 'v1.44.0-eksbuild.1',
  },
  '1.33': {
    vpcCni: 'v1.19.5-eksbuild.1',
    coredns: 'v1.12.1-eksbuild.2',
    kubeProxy: 'v1.33.0-eksbuild.2',
    podIdentityAgent: 'v1.3.7-eksbuild.2',
    ebsCsiDriver: 'v1.44.0-eksbuild.1',
  },
};
