const SECONDS_PER_MINUTE = 60;
const SECONDS_PER_HOUR = 60 * SECONDS_PER_MINUTE;

/**
 * A length of time in whole seconds, rendered the way Prometheus and Alertmanager read durations ("1h30m").
 * A value object, so `for: Duration.minutes(5)` cannot be mistaken for seconds or a free-form string.
 */
export class Duration {
  public static seconds(amount: number): Duration {
    return new Duration(amount, 1, 'seconds');
  }

  public static minutes(amount: number): Duration {
    return new Duration(amount, SECONDS_PER_MINUTE, 'minutes');
  }

  public static hours(amount: number): Duration {
    return new Duration(amount, SECONDS_PER_HOUR, 'hours');
  }

  private readonly totalSeconds: number;

  private constructor(amount: number, secondsPerUnit: number, unit: string) {
    const totalSeconds = amount * secondsPerUnit;
    if (!Number.isFinite(amount) || amount < 0 || !Number.isInteger(totalSeconds)) {
      throw new Error(`Duration.${unit}(${amount}) is invalid (allowed: a finite, non-negative amount that is a whole number of seconds)`);
    }
    this.totalSeconds = totalSeconds;
  }

  public toSeconds(): number {
    return this.totalSeconds;
  }

  /** Prometheus duration syntax with the largest units first: 300 s -> "5m", 5400 s -> "1h30m", 0 -> "0s". */
  public toPrometheus(): string {
    if (this.totalSeconds === 0) return '0s';
    const hours = Math.floor(this.totalSeconds / SECONDS_PER_HOUR);
    const minutes = Math.floor((this.totalSeconds % SECONDS_PER_HOUR) / SECONDS_PER_MINUTE);
    const seconds = this.totalSeconds % SECONDS_PER_MINUTE;
    return [hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', seconds ? `${seconds}s` : ''].join('');
  }
}
