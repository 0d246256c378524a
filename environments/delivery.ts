import { z } from 'zod';

/**
 * Settings shared by every environment: where Terraform state lives and which GitHub repository may deploy.
 * The bootstrap stack creates the bucket, its key and the CI roles in `accountId`.
 */
export const deliverySchema = z.strictObject({
  /** `<org>/<repo>` of the repository whose workflows plan and apply. */
  githubRepository: z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { message: 'must be "<org>/<repo>"' }),
  accountId: z.string().regex(/^\d{12}$/, { message: 'must be a 12-digit AWS account ID' }),
  region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { message: 'is not an AWS region (allowed: e.g. "eu-west-1")' }),
  stateBucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'is not an S3 bucket name' }),
  /** Alias of the KMS key that encrypts state (created by the bootstrap stack). */
  stateKeyAlias: z.string().regex(/^alias\/[A-Za-z0-9/_-]+$/, { message: 'must start with "alias/"' }),
});

export type DeliveryConfig = z.infer<typeof deliverySchema>;

export const delivery = {
  githubRepository: 'example-org/feedops',
  accountId: '111122223333',
  region: 'eu-west-1',
  stateBucket: 'feedops-tfstate-111122223333',
  stateKeyAlias: 'alias/feedops-tfstate',
} satisfies DeliveryConfig;
