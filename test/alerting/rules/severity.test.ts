import { Severity } from '../../../constructs/alerting/rules/severity';

describe('Severity', () => {
  test.each([
    [Severity.CRITICAL, 'critical'],
    [Severity.WARNING, 'warning'],
    [Severity.INFO, 'info'],
  ])('%s renders as "%s"', (severity, rendered) => {
    expect(severity.value).toBe(rendered);
  });

  test('of() returns the shared instance', () => {
    expect(Severity.of('warning')).toBe(Severity.WARNING);
  });

  test('fails when the severity is unknown', () => {
    expect(() => Severity.of('page')).toThrow('severity: value: "page" is unknown (allowed: critical, warning, info)');
  });

  test('a plain string is not a Severity', () => {
    expect(Severity.isSeverity('critical')).toBe(false);
  });
});
