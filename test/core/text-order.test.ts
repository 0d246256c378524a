import { compareText } from '../../constructs/core/text-order';

describe('compareText', () => {
  test('orders by code units: digits, then upper case, then "_", then lower case, whatever the locale', () => {
    expect(['team_b', 'team1', 'teamB', 'team-a', 'teama', 'team'].sort(compareText)).toEqual(['team', 'team-a', 'team1', 'teamB', 'team_b', 'teama']);
  });

  test('is a consistent comparison: 0 only for equal text, and antisymmetric', () => {
    expect(compareText('oracle', 'oracle')).toBe(0);
    expect(compareText('oracle-a', 'oracle-b')).toBe(-1);
    expect(compareText('oracle-b', 'oracle-a')).toBe(1);
  });
});
