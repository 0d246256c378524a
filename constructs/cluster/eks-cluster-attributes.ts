import { invalid } from '../core/validation-error';
import { Construct } from 'constructs';

/**
 * The contract between a cluster and whoever deploys onto it: other feedops stacks and other teams.
 * Build one for a cluster you do not own with {@link EksCluster.fromAttributes}.
 */
export interface IEksCluster {
  readonly clusterName: string;
  /** API server URL. */
  readonly clusterEndpoint: string;
  /** Base64 certificate-authority data of the API server. */
  readonly clusterCertificateAuthorityData: string;
  /** OIDC issuer URL (for IRSA-style federation; feedops itself uses EKS Pod Identity). */
  readonly clusterOidcIssuerUrl: string;
  /** Security group EKS created for the control plane and nodes. */
  readonly clusterSecurityGroupId: string;
}

export interface EksClusterAttributes {
  readonly clusterName: string;
  readonly clusterEndpoint: string;
  readonly clusterCertificateAuthorityData: string;
  readonly clusterOidcIssuerUrl: string;
  readonly clusterSecurityGroupId: string;
}

/** A cluster defined elsewhere (another stack or another team), known only by its attributes. */
export class ImportedEksCluster extends Construct implements IEksCluster {
  public readonly clusterName: string;
  public readonly clusterEndpoint: string;
  public readonly clusterCertificateAuthorityData: string;
  public readonly clusterOidcIssuerUrl: string;
  public readonly clusterSecurityGroupId: string;

  constructor(scope: Construct, id: string, attributes: EksClusterAttributes) {
    super(scope, id);
    for (const [name, value] of Object.entries(attributes)) {
      if (typeof value !== 'string' || value.length === 0) {
        invalid(this.node.path, name, 'is empty (allowed: a non-empty string or token)');
      }
    }
    this.clusterName = attributes.clusterName;
    this.clusterEndpoint = attributes.clusterEndpoint;
    this.clusterCertificateAuthorityData = attributes.clusterCertificateAuthorityData;
    this.clusterOidcIssuerUrl = attributes.clusterOidcIssuerUrl;
    this.clusterSecurityGroupId = attributes.clusterSecurityGroupId;
  }
}
