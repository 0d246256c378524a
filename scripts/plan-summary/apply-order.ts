import { BOOTSTRAP_STACK_NAME as BOOTSTRAP_STACK, ENVIRONMENT_LAYERS } from '../../stacks/naming';

/** The order stacks are applied in: `bootstrap`, then every environment's layers (names from stacks/naming.ts). */
export { BOOTSTRAP_STACK, ENVIRONMENT_LAYERS };

/** Stacks of the given environments (apply order), without `bootstrap`. */
export function environmentStacks(environments: readonly string[]): string[] {
  return environments.flatMap((environment) => ENVIRONMENT_LAYERS.map((layer) => `${environment}-${layer}`));
}

/** Position of a stack in apply order; stacks that are not `bootstrap` or `<env>-<layer>` come last. */
export function applyRank(stack: string, environments: readonly string[]): number {
  if (stack === BOOTSTRAP_STACK) return 0;
  const index = environmentStacks(environments).indexOf(stack);
  return index < 0 ? Number.POSITIVE_INFINITY : index + 1;
}

/** Sorts by apply order; unknown stacks last, by name, so the output never depends on argument order. */
export function sortInApplyOrder<T>(items: readonly T[], stackOf: (item: T) => string, environments: readonly string[]): T[] {
  return [...items].sort((a, b) => {
    const [stackA, stackB] = [stackOf(a), stackOf(b)];
    const byRank = applyRank(stackA, environments) - applyRank(stackB, environments);
    if (byRank !== 0 && !Number.isNaN(byRank)) return byRank;
    return stackA < stackB ? -1 : stackA > stackB ? 1 : 0;
  });
}
