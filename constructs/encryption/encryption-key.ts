import { invalid } from '../core/validation-error';
import { Construct } from 'constructs';
import { KmsAlias, KmsKey } from '../core/aws';
import { PolicyStatement, policyDocument } from '../core/iam-policy';

/** Days KMS waits before deleting a scheduled key: the maximum, so a mistaken deletion can be cancelled. */
export const DEFAULT_KEY_DELETION_WINDOW_DAYS = 30;
/** Checkov CKV_AWS_33-style floor: a shorter window leaves little time to notice a mistaken deletion. */
export const MIN_KEY_DELETION_WINDOW_DAYS = 7;

/**
 * Key administration and use by the account's IAM principals, listed rather than `kms:*` so no statement
 * grants every action. IAM policies then decide who in the account may use the key.
 */
const ACCOUNT_KEY_ACTIONS = [
  'kms:CancelKeyDeletion', 'kms:CreateAlias', 'kms:CreateGrant', 'kms:Decrypt', 'kms:DeleteAlias', 'kms:DescribeKey',
  'kms:DisableKey', 'kms:DisableKeyRotation', 'kms:EnableKey', 'kms:EnableKeyRotation', 'kms:Encrypt',
  'kms:GenerateDataKey*', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListAliases', 'kms:ListGrants',
  'kms:ListKeyPolicies', 'kms:ListResourceTags', 'kms:PutKeyPolicy', 'kms:ReEncrypt*', 'kms:RetireGrant',
  'kms:RevokeGrant', 'kms:RotateKeyOnDemand', 'kms:ScheduleKeyDeletion', 'kms:TagResource', 'kms:UntagResource',
  'kms:UpdateAlias', 'kms:UpdateKeyDescription',
];

export interface EncryptionKeyProps {
  /** What the key protects; becomes the key description. */
  readonly description: string;
  /** Alias without the `alias/` prefix. */
  readonly alias: string;
  readonly accountId: string;
  /** @default 'aws' */
  readonly partition?: string;
  /** Extra key-policy statements, e.g. letting CloudWatch Logs use the key. @default - none */
  readonly additionalStatements?: readonly PolicyStatement[];
  /** @default DEFAULT_KEY_DELETION_WINDOW_DAYS (30) */
  readonly deletionWindowInDays?: number;
}

/** A customer-managed KMS key with rotation, an explicit key policy (no `*` principal) and `prevent_destroy`. */
export class EncryptionKey extends Construct {
  public readonly key: KmsKey;
  public readonly keyArn: string;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    const deletionWindowInDays = props.deletionWindowInDays ?? DEFAULT_KEY_DELETION_WINDOW_DAYS;
    if (deletionWindowInDays < MIN_KEY_DELETION_WINDOW_DAYS || deletionWindowInDays > 30) {
      invalid(this.node.path, 'deletionWindowInDays', `${deletionWindowInDays} (allowed: ${MIN_KEY_DELETION_WINDOW_DAYS} to 30)`);
    }
    const partition = props.partition ?? 'aws';
    this.key = new KmsKey(this, 'key', {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays,
      policy: policyDocument([
        {
          Sid: 'AccountAdministersAndUsesKey',
          Effect: 'Allow',
          Principal: { AWS: `arn:${partition}:iam::${props.accountId}:root` },
          Action: ACCOUNT_KEY_ACTIONS,
          Resource: '*',
        },
        ...(props.additionalStatements ?? []),
      ]),
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, 'alias', { name: `alias/${props.alias}`, targetKeyId: this.key.keyId });
    this.keyArn = this.key.arn;
  }
}

/** Key-policy statement letting CloudWatch Logs encrypt log groups of this account and region with the key. */
export function cloudWatchLogsKeyStatement(accountId: string, region: string, partition = 'aws'): PolicyStatement {
  return {
    Sid: 'CloudWatchLogsUsesKey',
    Effect: 'Allow',
    Principal: { Service: `logs.${region}.amazonaws.com` },
    Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    Resource: '*',
    Condition: {
      ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${accountId}:log-group:*` },
    },
  };
}
