import { Construct } from 'constructs';
import { TerraformOutput } from '../constructs/core/cdktf';
import { DeployRoles } from '../constructs/delivery/deploy-roles';
import { GithubOidcProvider } from '../constructs/delivery/github-oidc';
import { StateBucket } from '../constructs/delivery/state-bucket';
import type { DeliveryConfig } from '../environments/delivery';
import type { EnvironmentConfig } from '../environments/schema';
import { FeedopsStack } from './feedops-stack';
import { APPLY_WORKFLOW, applyRoleName, BOOTSTRAP_STACK_NAME, planRoleName, roleArn, workloadBoundaryName } from './naming';

/**
 * `bootstrap`: what every other stack needs before it can be planned from CI. Applied once per account by an
 * administrator (README: "Bootstrap"), first with local state, then moved into the bucket it creates.
 */
export class BootstrapStack extends FeedopsStack {
  /**
   * @param delivery the delivery settings of the account (deliveryForAccount)
   * @param name `bootstrap` for the delivery account, `bootstrap-<account id>` for the others (bootstrapStackName)
   */
  constructor(scope: Construct, environments: readonly EnvironmentConfig[], delivery: DeliveryConfig, name: string = BOOTSTRAP_STACK_NAME) {
    super(scope, name, {
      delivery,
      accountId: delivery.accountId,
      region: delivery.region,
      tags: { environment: 'shared' },
    });
    const state = new StateBucket(this, 'state', {
      bucketName: delivery.stateBucket,
      accountId: delivery.accountId,
      keyAlias: delivery.stateKeyAlias.replace(/^alias\//, ''),
    });
    const oidc = new GithubOidcProvider(this, 'github-oidc');
    // Every delivery role of the account: no apply role may change any of them (its own included).
    const protectedRoleArns = environments.flatMap((env) => [planRoleName(env.name), applyRoleName(env.name)].map((name) => roleArn(env.account.id, name)));
    for (const env of environments) {
      const roles = new DeployRoles(this, `deploy-roles-${env.name}`, {
        environment: env.name,
        accountId: env.account.id,
        region: env.account.region,
        githubRepository: delivery.githubRepository,
        oidcProviderArn: oidc.providerArn,
        // The literal ARN (not the resource's token), so the policy documents are plain JSON a reviewer can read.
        stateBucketArn: `arn:aws:s3:::${delivery.stateBucket}`,
        stateKeyArn: state.key.keyArn,
        stateKeyPrefix: `feedops/${env.name}-`,
        planRoleName: planRoleName(env.name),
        applyRoleName: applyRoleName(env.name),
        managedRolePrefix: env.cluster.name,
        clusterName: env.cluster.name,
        boundaryPolicyName: workloadBoundaryName(env.name),
        protectedRoleArns,
        applyWorkflow: APPLY_WORKFLOW,
        githubConnectionArn: delivery.githubConnectionArn,
      });
      new TerraformOutput(this, `${env.name}_plan_role_arn`, { value: roles.planRole.arn });
      new TerraformOutput(this, `${env.name}_apply_role_arn`, { value: roles.applyRole.arn });
    }
    new TerraformOutput(this, 'state_bucket', { value: state.bucket.bucket });
    new TerraformOutput(this, 'state_key_arn', { value: state.key.keyArn });
    new TerraformOutput(this, 'github_oidc_provider_arn', { value: oidc.providerArn });
  }
}
