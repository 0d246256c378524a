import { fitLargest } from '../../../scripts/plan-summary/fit';

describe('fitLargest', () => {
  const lines = (k: number) => 'x'.repeat(10 * k);

  test('returns the count when everything fits', () => {
    expect(fitLargest(5, lines, 50)).toBe(5);
  });

  test('returns the largest k whose rendering fits', () => {
    expect(fitLargest(100, lines, 255)).toBe(25);
  });

  test('returns undefined when not even k = 0 fits', () => {
    expect(fitLargest(3, (k) => `header${'x'.repeat(k)}`, 3)).toBeUndefined();
  });
});
