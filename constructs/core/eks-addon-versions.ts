/** Pinned versions of the EKS managed add-ons feedops installs, for one Kubernetes minor version. */
export interface EksAddonVersions {
  readonly vpcCni: string;
  readonly coredns: string;
  readonly kubeProxy: string;
  readonly podIdentityAgent: string;
  readonly ebsCsiDriver: string;
}

/**
 * EKS managed add-on versions per Kubernetes minor version. A Kubernetes version is supported by feedops exactly
 * when it has an entry here: the versions in EKS standard support in late 2026 (1.34 until 2026-12-02, 1.35 until
 * 2027-03-27, 1.36 until 2027-08-02; EKS user guide, kubernetes-versions).
 *
 * Sources: the EKS user guide's "Manage CoreDNS" and "kube-proxy" pages (per-version tables, 2026), the VPC CNI
 * release notes (v1.22.4-eksbuild.3 supports 1.32-1.36), the EBS CSI driver README (one build for every supported
 * version) and the pod identity agent releases. Before bumping, confirm with
 * `aws eks describe-addon-versions --kubernetes-version <v> --addon-name <name>`; bump one minor at a time.
 */
export const EKS_ADDON_VERSIONS: Readonly<Record<string, EksAddonVersions>> = {
  '1.34': {
    vpcCni: 'v1.22.4-eksbuild.3',
    coredns: 'v1.13.2-eksbuild.11',
    kubeProxy: 'v1.34.6-eksbuild.13',
    podIdentityAgent: 'v1.3.10-eksbuild.3',
    ebsCsiDriver: 'v1.66.0-eksbuild.1',
  },
  '1.35': {
    vpcCni: 'v1.22.4-eksbuild.3',
    coredns: 'v1.14.3-eksbuild.3',
    kubeProxy: 'v1.35.3-eksbuild.13',
    podIdentityAgent: 'v1.3.10-eksbuild.3',
    ebsCsiDriver: 'v1.66.0-eksbuild.1',
  },
  '1.36': {
    vpcCni: 'v1.22.4-eksbuild.3',
    coredns: 'v1.14.3-eksbuild.3',
    kubeProxy: 'v1.36.0-eksbuild.14',
    podIdentityAgent: 'v1.3.10-eksbuild.3',
    ebsCsiDriver: 'v1.66.0-eksbuild.1',
  },
};
