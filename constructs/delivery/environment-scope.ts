/** The tag every resource of an environment carries (the stacks' provider default tags); the CI policies key on it. */
export const ENVIRONMENT_TAG = 'environment';

/** Log groups of one environment: `/aws/eks/<cluster>/cluster`, `/aws/vpc/<cluster>/flow-logs`, `/aws/codebuild/<cluster>-...`. */
export function ownLogGroups(scope: { readonly region: string; readonly accountId: string; readonly managedRolePrefix: string }): string[] {
  const base = `arn:aws:logs:${scope.region}:${scope.accountId}:log-group:`;
  return [`${base}/aws/eks/${scope.managedRolePrefix}/*`, `${base}/aws/vpc/${scope.managedRolePrefix}/*`, `${base}/aws/codebuild/${scope.managedRolePrefix}-*`];
}
