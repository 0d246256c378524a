import { applyRank, environmentStacks, sortInApplyOrder } from '../../../scripts/plan-summary/apply-order';

const ENVIRONMENTS = ['dev', 'staging', 'prod'];

describe('environmentStacks', () => {
  test('lists each environment cluster, platform, monitors, environments in the given order', () => {
    expect(environmentStacks(['dev', 'prod'])).toEqual(['dev-cluster', 'dev-platform', 'dev-monitors', 'prod-cluster', 'prod-platform', 'prod-monitors']);
  });
});

describe('sortInApplyOrder', () => {
  const byItself = (stack: string) => stack;

  test('puts bootstrap first, then dev, staging, prod, each cluster -> platform -> monitors', () => {
    const shuffled = ['prod-monitors', 'staging-platform', 'dev-monitors', 'bootstrap', 'prod-cluster', 'dev-cluster', 'staging-cluster'];
    expect(sortInApplyOrder(shuffled, byItself, ENVIRONMENTS)).toEqual([
      'bootstrap',
      'dev-cluster',
      'dev-monitors',
      'staging-cluster',
      'staging-platform',
      'prod-cluster',
      'prod-monitors',
    ]);
  });

  test('puts stacks it does not know last, by name', () => {
    expect(sortInApplyOrder(['zeta', 'prod-cluster', 'alpha', 'qa-cluster'], byItself, ENVIRONMENTS)).toEqual(['prod-cluster', 'alpha', 'qa-cluster', 'zeta']);
  });

  test('follows the environments it is given', () => {
    expect(sortInApplyOrder(['dev-cluster', 'qa-cluster'], byItself, ['qa', 'dev'])).toEqual(['qa-cluster', 'dev-cluster']);
  });
});

describe('applyRank', () => {
  test('ranks an unknown stack after every known one', () => {
    expect(applyRank('sandbox-cluster', ENVIRONMENTS)).toBeGreaterThan(applyRank('prod-monitors', ENVIRONMENTS));
  });
});
