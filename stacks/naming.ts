/** Names shared by stacks, workflows and people: changing one is an interface change. */

/** Layers of one environment, in apply order. */
export const ENVIRONMENT_LAYERS = ['cluster', 'platform', 'monitors'] as const;
export type EnvironmentLayer = (typeof ENVIRONMENT_LAYERS)[number];

export const BOOTSTRAP_STACK_NAME = 'bootstrap';

/** The bootstrap stack of an account: `bootstrap` for the delivery account, `bootstrap-<account id>` for any other. */
export function bootstrapStackName(deliveryAccountId: string, accountId: string): string {
  return accountId === deliveryAccountId ? BOOTSTRAP_STACK_NAME : `${BOOTSTRAP_STACK_NAME}-${accountId}`;
}

export function stackName(environment: string, layer: EnvironmentLayer): string {
  return `${environment}-${layer}`;
}

/** The role CI assumes (GitHub OIDC) to plan an environment's stacks in pull requests: read-only. */
export function planRoleName(environment: string): string {
  return `feedops-${environment}-plan`;
}

/** The role CI assumes (GitHub OIDC, GitHub environment `<env>`) to apply an environment's stacks. */
export function applyRoleName(environment: string): string {
  return `feedops-${environment}-apply`;
}

export function roleArn(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}

/** State object of a stack in the state bucket: one key per stack. */
export function stateKey(stack: string): string {
  return `feedops/${stack}/terraform.tfstate`;
}

// --- Delivery (issue 11) ---

/** Permissions boundary every role created by `<env>`'s apply role must carry. */
export function workloadBoundaryName(environment: string): string {
  return `feedops-${environment}-workload-boundary`;
}

export function workloadBoundaryArn(accountId: string, environment: string): string {
  return `arn:aws:iam::${accountId}:policy/${workloadBoundaryName(environment)}`;
}

/**
 * The only workflow whose jobs may assume an apply role, and the only ref it may run from (the `job_workflow_ref`
 * and `ref` claims). `.github/workflows/apply.yml` calls it on pushes to main.
 */
export const APPLY_WORKFLOW = { file: '_apply-environment.yml', ref: 'refs/heads/main' } as const;

/** The CodeBuild project whose ephemeral runners run `<env>`'s in-cluster plans and applies (the `runs-on` label). */
export function ciRunnerProjectName(clusterName: string): string {
  return `${clusterName}-ci-runner`;
}
