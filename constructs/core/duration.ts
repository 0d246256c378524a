import { invalid } from './validation-error';
const SECONDS_PER_MINUTE = 60;
const SECONDS_PER_HOUR = 60 * SECONDS_PER_MINUTE;

/**
 * A whole number of seconds, rendered in the Prometheus/Alertmanager duration syntax ("30s", "5m", "1h30m").
 * A value object so that "5m" versus "5h" cannot be mistyped, durations compare, and `for: Duration.minutes(5)`
 * cannot be mistaken for seconds or a free-form string.
 */
export class Duration {
  /** Brand, so a Duration from another copy of feedops is recognised too (`instanceof` fails across copies). */
  public static readonly BRAND = Symbol.for('feedops.Duration');

  public static readonly ZERO = new Duration(0);

  /** Whether `value` is a Duration of any copy of feedops. */
  public static isDuration(value: unknown): value is Duration {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[Duration.BRAND] === true;
  }

  public static seconds(amount: number): Duration {
    return Duration.of(amount, 1, 'seconds');
  }

  public static minutes(amount: number): Duration {
    return Duration.of(amount, SECONDS_PER_MINUTE, 'minutes');
  }

  public static hours(amount: number): Duration {
    return Duration.of(amount, SECONDS_PER_HOUR, 'hours');
  }

  /** The Prometheus duration syntax with h, m and s ("90s", "5m", "1h30m"); `undefined` when `text` is not one. */
  public static parse(text: string): Duration | undefined {
    const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
    if (!match || text === '') return undefined;
    const [, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
    return new Duration(hours * SECONDS_PER_HOUR + minutes * SECONDS_PER_MINUTE + seconds);
  }

  private static of(amount: number, secondsPerUnit: number, unit: string): Duration {
    const totalSeconds = amount * secondsPerUnit;
    if (!Number.isFinite(amount) || amount < 0 || !Number.isInteger(totalSeconds)) {
      invalid('Duration', unit, `${amount} is invalid (allowed: a finite, non-negative amount that is a whole number of seconds)`);
    }
    return new Duration(totalSeconds);
  }

  private constructor(public readonly totalSeconds: number) {
    Object.defineProperty(this, Duration.BRAND, { value: true });
  }

  public toSeconds(): number {
    return this.totalSeconds;
  }

  public isLongerThan(other: Duration): boolean {
    return this.totalSeconds > other.totalSeconds;
  }

  public isShorterThan(other: Duration): boolean {
    return this.totalSeconds < other.totalSeconds;
  }

  /** The largest unit that expresses the value exactly: 3600 s is "1h", 90 s is "90s", 0 is "0s". */
  public toString(): string {
    if (this.totalSeconds > 0 && this.totalSeconds % SECONDS_PER_HOUR === 0) return `${this.totalSeconds / SECONDS_PER_HOUR}h`;
    if (this.totalSeconds > 0 && this.totalSeconds % SECONDS_PER_MINUTE === 0) return `${this.totalSeconds / SECONDS_PER_MINUTE}m`;
    return `${this.totalSeconds}s`;
  }

  /** Largest units first, for rule files: 300 s -> "5m", 5430 s -> "1h30m30s", 0 -> "0s". */
  public toPrometheus(): string {
    if (this.totalSeconds === 0) return '0s';
    const hours = Math.floor(this.totalSeconds / SECONDS_PER_HOUR);
    const minutes = Math.floor((this.totalSeconds % SECONDS_PER_HOUR) / SECONDS_PER_MINUTE);
    const seconds = this.totalSeconds % SECONDS_PER_MINUTE;
    return [hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', seconds ? `${seconds}s` : ''].join('');
  }

  public toJSON(): string {
    return this.toString();
  }
}
