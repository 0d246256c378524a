import { Construct } from 'constructs';
import { AwsProvider } from '../constructs/core/aws';
import { Aspects, S3Backend, TerraformStack } from '../constructs/core/cdktf';
import { PermissionsBoundaryAspect } from '../constructs/delivery/permissions-boundary';
import { Guardrails } from '../constructs/guardrails/guardrails';
import { deliveryForAccount, type DeliveryConfig } from '../environments/delivery';
import type { EnvironmentConfig } from '../environments/schema';
import { stateKey, workloadBoundaryArn } from './naming';

export interface FeedopsStackProps {
  readonly delivery: DeliveryConfig;
  readonly accountId: string;
  readonly region: string;
  /** Default tags on every AWS resource besides stack and managed-by. */
  readonly tags: Readonly<Record<string, string>>;
  /** Permissions boundary put on every IAM role of the stack (environment stacks). @default - none */
  readonly rolePermissionsBoundaryArn?: string;
}

/** Backend and provider settings of one environment's stack: its account, region, and tags with `environment`. */
export function environmentStackProps(env: EnvironmentConfig, delivery: DeliveryConfig): FeedopsStackProps {
  return {
    // State lives in the environment's own account (one bootstrap per account).
    delivery: deliveryForAccount(delivery, env.account.id),
    accountId: env.account.id,
    region: env.account.region,
    tags: { ...env.tags, environment: env.name },
    rolePermissionsBoundaryArn: workloadBoundaryArn(env.account.id, env.name),
  };
}

/**
 * Base of every feedops stack: its own S3 state object (encrypted with the state KMS key, S3-native locking,
 * no DynamoDB table, no credentials) and an AWS provider pinned to its account with default tags.
 */
export abstract class FeedopsStack extends TerraformStack {
  public readonly awsProvider: AwsProvider;

  protected constructor(scope: Construct, name: string, props: FeedopsStackProps) {
    super(scope, name);
    const { delivery } = props;
    new S3Backend(this, {
      bucket: delivery.stateBucket,
      key: stateKey(name),
      region: delivery.region,
      encrypt: true,
      kmsKeyId: `arn:aws:kms:${delivery.region}:${delivery.accountId}:${delivery.stateKeyAlias}`,
    });
    // cdktf 0.21's S3Backend has no use_lockfile (Terraform 1.10+ S3-native locking).
    this.addOverride('terraform.backend.s3.use_lockfile', true);

    this.awsProvider = new AwsProvider(this, 'aws', {
      region: props.region,
      allowedAccountIds: [props.accountId],
      defaultTags: [{ tags: { ...props.tags, stack: name, 'managed-by': 'feedops' } }],
    });
    // The apply role may create roles only with this boundary (constructs/delivery/deploy-roles.ts).
    if (props.rolePermissionsBoundaryArn) Aspects.of(this).add(new PermissionsBoundaryAspect(props.rolePermissionsBoundaryArn));
    // The CHECKS.md guardrails other teams get: synth fails on the same invariants the jest policy suites check.
    Guardrails.of(this);
  }
}
