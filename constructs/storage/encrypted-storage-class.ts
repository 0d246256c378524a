import { Construct } from 'constructs';
import { StorageClassV1 } from '../core/kubernetes';

export const DEFAULT_ENCRYPTED_STORAGE_CLASS = 'gp3-encrypted';

export interface EncryptedStorageClassProps {
  /** @default 'gp3-encrypted' */
  readonly name?: string;
  /** KMS key for the volumes. @default - the account's default EBS key (aws/ebs) */
  readonly kmsKeyArn?: string;
  /** `Retain` keeps a volume (and its metrics history) when its claim is deleted by mistake. @default 'Retain' */
  readonly reclaimPolicy?: 'Retain' | 'Delete';
}

/**
 * An EBS CSI StorageClass for encrypted gp3 volumes, bound when the pod is scheduled so the volume is created in
 * the pod's zone, and expandable in place when Prometheus needs more room.
 */
export class EncryptedStorageClass extends Construct {
  public readonly storageClassName: string;
  public readonly storageClass: StorageClassV1;

  constructor(scope: Construct, id: string, props: EncryptedStorageClassProps = {}) {
    super(scope, id);
    this.storageClassName = props.name ?? DEFAULT_ENCRYPTED_STORAGE_CLASS;
    this.storageClass = new StorageClassV1(this, 'storage-class', {
      metadata: { name: this.storageClassName },
      storageProvisioner: 'ebs.csi.aws.com',
      reclaimPolicy: props.reclaimPolicy ?? 'Retain',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
      parameters: { type: 'gp3', encrypted: 'true', ...(props.kmsKeyArn ? { kmsKeyId: props.kmsKeyArn } : {}) },
    });
  }
}
