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

// --- Account-wide and region-wide names of an environment (issue 17) ---

/** Where a name must be unique: IAM and the state bucket are account-wide, the rest per account and region. */
export type NameSpace = 'account' | 'region';

/** One name an environment creates in its account, or a name pattern its apply role may manage (`prefix`). */
export interface EnvironmentResourceName {
  readonly kind: 'IAM role' | 'IAM policy' | 'state key' | 'EKS cluster' | 'KMS alias' | 'log group' | 'CodeBuild project';
  readonly space: NameSpace;
  readonly name: string;
}

/**
 * Every name an environment's stacks create that AWS keeps unique per account (IAM, the account's state bucket) or
 * per account and region, from the environment name and its `cluster.name`. The constructs build the same names
 * (EksCluster, Network, CiRunner, ExternalSecretsOperator, DeployRoles); test/stacks/resource-names.test.ts
 * checks this list against every synthesized stack, so a new named resource cannot be missing here.
 */
export function environmentResourceNames(environment: string, clusterName: string): EnvironmentResourceName[] {
  const iamRole = (name: string) => ({ kind: 'IAM role', space: 'account', name }) as const;
  const regional = (kind: EnvironmentResourceName['kind'], name: string) => ({ kind, space: 'region', name }) as const;
  return [
    ...['cluster', 'node', 'ebs-csi', 'vpc-flow-logs', 'external-secrets', 'ci-runner'].map((role) => iamRole(`${clusterName}-${role}`)),
    iamRole(planRoleName(environment)),
    iamRole(applyRoleName(environment)),
    { kind: 'IAM policy', space: 'account', name: workloadBoundaryName(environment) },
    ...ENVIRONMENT_LAYERS.map((layer) => ({ kind: 'state key', space: 'account', name: stateKey(stackName(environment, layer)) }) as const),
    regional('EKS cluster', clusterName),
    ...['eks-secrets', 'eks-logs', 'flow-logs', 'ci-runner-logs'].map((alias) => regional('KMS alias', `alias/${clusterName}-${alias}`)),
    regional('log group', `/aws/eks/${clusterName}/cluster`),
    regional('log group', `/aws/vpc/${clusterName}/flow-logs`),
    regional('log group', `/aws/codebuild/${ciRunnerProjectName(clusterName)}`),
    regional('CodeBuild project', ciRunnerProjectName(clusterName)),
  ];
}

/**
 * The name patterns (prefixes) an environment's apply role may manage (constructs/delivery/deploy-roles.ts and
 * environment-scope.ts scope it by the cluster name): no other environment's name may fall under them.
 */
export function environmentNamePrefixes(environment: string, clusterName: string): EnvironmentResourceName[] {
  return [
    { kind: 'IAM role', space: 'account', name: `${clusterName}-` },
    { kind: 'state key', space: 'account', name: `feedops/${environment}-` },
    { kind: 'KMS alias', space: 'region', name: `alias/${clusterName}-` },
    { kind: 'log group', space: 'region', name: `/aws/eks/${clusterName}/` },
    { kind: 'log group', space: 'region', name: `/aws/vpc/${clusterName}/` },
    { kind: 'log group', space: 'region', name: `/aws/codebuild/${clusterName}-` },
    { kind: 'CodeBuild project', space: 'region', name: `${clusterName}-` },
  ];
}
