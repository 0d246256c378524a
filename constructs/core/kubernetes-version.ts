import { invalid } from './validation-error';
import { EKS_ADDON_VERSIONS, EksAddonVersions } from './eks-addon-versions';

/** The Kubernetes minor versions feedops supports: exactly those with pinned EKS add-on versions. */
export const SUPPORTED_KUBERNETES_VERSIONS = Object.keys(EKS_ADDON_VERSIONS) as ReadonlyArray<string>;

/** A Kubernetes minor version of EKS, checked against {@link SUPPORTED_KUBERNETES_VERSIONS}. */
export class KubernetesVersion {
  public static readonly V1_34 = KubernetesVersion.of('1.34');
  public static readonly V1_35 = KubernetesVersion.of('1.35');
  public static readonly V1_36 = KubernetesVersion.of('1.36');

  /** Escape hatch for a version feedops does not list yet; it fails unless add-on versions are pinned for it. */
  public static of(version: string): KubernetesVersion {
    if (!KubernetesVersion.isSupported(version)) {
      invalid(
        'Kubernetes version',
        'version',
        `"${version}" is not supported (allowed: ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')}; add its EKS add-on versions to constructs/core/eks-addon-versions.ts first)`,
      );
    }
    return new KubernetesVersion(version);
  }

  public static isSupported(version: string): boolean {
    return Object.prototype.hasOwnProperty.call(EKS_ADDON_VERSIONS, version);
  }

  private constructor(public readonly version: string) {}

  /** The pinned EKS managed add-on versions that match this Kubernetes version. */
  public get addonVersions(): EksAddonVersions {
    return EKS_ADDON_VERSIONS[this.version];
  }

  public toString(): string {
    return this.version;
  }
}
