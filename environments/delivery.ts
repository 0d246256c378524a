import { z } from 'zod';

/**
 * Settings shared by every environment: where Terraform state lives and which GitHub repository may deploy.
 * The bootstrap stack creates the bucket, its key and the CI roles in `accountId`.
 */
const accountId = z.string().regex(/^\d{12}$/, { message: 'must be a 12-digit AWS account ID' });
const region = z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { message: 'is not an AWS region (allowed: e.g. "eu-west-1")' });
const stateBucket = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'is not an S3 bucket name' });
const stateKeyAlias = z.string().regex(/^alias\/[A-Za-z0-9/_-]+$/, { message: 'must start with "alias/"' });
const githubConnectionArn = z.string().regex(/^arn:aws[a-z-]*:(codeconnections|codestar-connections):[a-z0-9-]+:\d{12}:connection\/[0-9a-f-]+$/, {
  message: 'must be a CodeConnections connection ARN (arn:aws:codeconnections:<region>:<account>:connection/<id>)',
});

/** What one AWS account holds for delivery: its own state bucket and key, and its GitHub connection. */
export const accountDeliverySchema = z.strictObject({ region, stateBucket, stateKeyAlias, githubConnectionArn });

export const deliverySchema = z.strictObject({
  /** `<org>/<repo>` of the repository whose workflows plan and apply. */
  githubRepository: z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { message: 'must be "<org>/<repo>"' }),
  accountId,
  region,
  stateBucket,
  /** Alias of the KMS key that encrypts state (created by the bootstrap stack). */
  stateKeyAlias,
  // --- CI runners (issue 11) ---
  /**
   * AWS CodeConnections connection to GitHub (the AWS Connector GitHub App) that the in-VPC CodeBuild runners
   * register through. Created once per account by an administrator (docs/delivery.md), since it needs a browser.
   */
  githubConnectionArn,
  /**
   * One account per environment (recommended): every account other than `accountId` that an environment uses, with
   * its own state bucket, key and connection. Each gets its own bootstrap stack (`bootstrap-<account id>`), and
   * the stacks of its environments keep their state there. @default - every environment in `accountId`
   */
  accounts: z.record(accountId, accountDeliverySchema).optional(),
});

export type DeliveryConfig = z.infer<typeof deliverySchema>;

/** The delivery settings of one account: the top-level ones for `accountId`, else its `accounts` entry. */
export function deliveryForAccount(delivery: DeliveryConfig, account: string): DeliveryConfig {
  if (account === delivery.accountId) return delivery;
  const settings = delivery.accounts?.[account];
  if (!settings) {
    throw new Error(`delivery: accounts has no entry for ${account} (allowed: ${[delivery.accountId, ...Object.keys(delivery.accounts ?? {})].join(', ')})`);
  }
  return { ...delivery, accountId: account, ...settings };
}

export const delivery = {
  githubRepository: 'example-org/feedops',
  accountId: '111122223333',
  region: 'eu-west-1',
  stateBucket: 'feedops-tfstate-111122223333',
  stateKeyAlias: 'alias/feedops-tfstate',
  githubConnectionArn: 'arn:aws:codeconnections:eu-west-1:111122223333:connection/00000000-0000-4000-8000-000000000000',
} satisfies DeliveryConfig;
