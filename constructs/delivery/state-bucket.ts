import { Construct } from 'constructs';
import {
  S3Bucket, S3BucketLifecycleConfiguration, S3BucketOwnershipControls, S3BucketPolicy, S3BucketPublicAccessBlock,
  S3BucketServerSideEncryptionConfiguration, S3BucketVersioning,
} from '../core/aws';
import { policyDocument } from '../core/iam-policy';
import { EncryptionKey } from '../encryption/encryption-key';

/** Old state versions kept this long: enough to recover from a bad apply noticed weeks later. */
export const DEFAULT_NONCURRENT_STATE_DAYS = 90;

export interface StateBucketProps {
  readonly bucketName: string;
  readonly accountId: string;
  /** Alias of the state key, without `alias/`. */
  readonly keyAlias: string;
  /** @default 90 */
  readonly noncurrentVersionDays?: number;
}

/**
 * The Terraform state bucket: versioned, SSE-KMS with its own rotating key, all four public-access blocks, owner-
 * enforced objects, TLS-only, old versions expired, and protected from `terraform destroy`.
 */
export class StateBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly key: EncryptionKey;

  constructor(scope: Construct, id: string, props: StateBucketProps) {
    super(scope, id);
    this.key = new EncryptionKey(this, 'key', {
      description: 'Terraform state of feedops',
      alias: props.keyAlias,
      accountId: props.accountId,
    });
    this.bucket = new S3Bucket(this, 'bucket', {
      bucket: props.bucketName,
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
    });
    new S3BucketVersioning(this, 'versioning', {
      bucket: this.bucket.id,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketServerSideEncryptionConfiguration(this, 'encryption', {
      bucket: this.bucket.id,
      // No S3 bucket key: with one, KMS sees the bucket ARN as encryption context; without, the object ARN, so the
      // CI roles can be held to their environment's state prefix on the key itself.
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: this.key.keyArn }, bucketKeyEnabled: false }],
    });
    new S3BucketPublicAccessBlock(this, 'public-access-block', {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'ownership', {
      bucket: this.bucket.id,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket: this.bucket.id,
      rule: [
        {
          id: 'expire-old-state-versions',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionDays ?? DEFAULT_NONCURRENT_STATE_DAYS }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });
    new S3BucketPolicy(this, 'tls-only', {
      bucket: this.bucket.id,
      policy: policyDocument([
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: ['s3:*'],
          Resource: [this.bucket.arn, `${this.bucket.arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ]),
    });
  }
}
