import { invalid } from '../../core/validation-error';
/** The severities an alert may carry; Alertmanager routes on the rendered value. */
export const SEVERITY_VALUES = ['critical', 'warning', 'info'] as const;
export type SeverityValue = (typeof SEVERITY_VALUES)[number];

/**
 * How urgently a human must act: CRITICAL pages, WARNING goes to the team channel, INFO is for context
 * (and the Watchdog heartbeat). A value object, so a typo cannot become a new, unrouted severity.
 */
export class Severity {
  /** Brand, so a Severity from another copy of feedops is recognised too (`instanceof` fails across copies). */
  public static readonly BRAND = Symbol.for('feedops.Severity');

  public static readonly CRITICAL = new Severity('critical');
  public static readonly WARNING = new Severity('warning');
  public static readonly INFO = new Severity('info');

  /** The severity named `value`; fails for anything outside {@link SEVERITY_VALUES}. */
  public static of(value: string): Severity {
    const found = [Severity.CRITICAL, Severity.WARNING, Severity.INFO].find((severity) => severity.value === value);
    if (!found) invalid('severity', 'value', `"${value}" is unknown (allowed: ${SEVERITY_VALUES.join(', ')})`);
    return found;
  }

  /** True for a Severity (also one from another copy of this library), false for strings and look-alikes. */
  public static isSeverity(candidate: unknown): candidate is Severity {
    return typeof candidate === 'object' && candidate !== null && (candidate as Record<symbol, unknown>)[Severity.BRAND] === true;
  }

  private constructor(public readonly value: SeverityValue) {
    Object.defineProperty(this, Severity.BRAND, { value: true });
  }

  public toString(): string {
    return this.value;
  }
}
