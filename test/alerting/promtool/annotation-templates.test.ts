import { expandAnnotation } from './annotation-templates';

describe('expandAnnotation', () => {
  test('replaces label references', () => {
    expect(expandAnnotation('Feed {{ $labels.symbol }} is stale', { symbol: 'Crypto.BTC/USD' }, 0)).toBe('Feed Crypto.BTC/USD is stale');
  });

  test('formats the value with printf precision', () => {
    expect(expandAnnotation('{{ printf "%.2f" $value }}%', {}, 8)).toBe('8.00%');
  });

  test('renders a missing label as empty, as Prometheus does', () => {
    expect(expandAnnotation('[{{ $labels.pod }}]', {}, 0)).toBe('[]');
  });

  test('fails when a template uses an action the expander does not know', () => {
    expect(() => expandAnnotation('{{ $value | humanize }}', {}, 1)).toThrow(/annotation template action "{{ \$value \| humanize }}" is not supported/);
  });
});
