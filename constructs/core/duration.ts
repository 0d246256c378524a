/**
 * A whole number of seconds, rendered in the Prometheus/Alertmanager duration syntax ("30s", "5m", "4h").
 * A value object so that "5m" versus "5h" cannot be mistyped and durations can be compared.
 */
export class Duration {
  public static readonly ZERO = new Duration(0);

  public static seconds(amount: number): Duration {
    return Duration.of(amount, 1, 'seconds');
  }

  public static minutes(amount: number): Duration {
    return Duration.of(amount, 60, 'minutes');
  }

  public static hours(amount: number): Duration {
    return Duration.of(amount, 3600, 'hours');
  }

  private static of(amount: number, secondsPerUnit: number, unit: string): Duration {
    const totalSeconds = amount * secondsPerUnit;
    if (!Number.isFinite(amount) || amount < 0 || !Number.isInteger(totalSeconds)) {
      throw new Error(`Duration.${unit}(${amount}) is invalid (allowed: a non-negative amount that is a whole number of seconds)`);
    }
    return new Duration(totalSeconds);
  }

  private constructor(public readonly totalSeconds: number) {}

  public isLongerThan(other: Duration): boolean {
    return this.totalSeconds > other.totalSeconds;
  }

  public isShorterThan(other: Duration): boolean {
    return this.totalSeconds < other.totalSeconds;
  }

  /** The largest unit that expresses the value exactly: 3600 s is "1h", 90 s is "90s", 0 is "0s". */
  public toString(): string {
    if (this.totalSeconds > 0 && this.totalSeconds % 3600 === 0) return `${this.totalSeconds / 3600}h`;
    if (this.totalSeconds > 0 && this.totalSeconds % 60 === 0) return `${this.totalSeconds / 60}m`;
    return `${this.totalSeconds}s`;
  }

  public toJSON(): string {
    return this.toString();
  }
}
