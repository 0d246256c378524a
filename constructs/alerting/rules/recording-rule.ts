/** A recording rule: precomputes `expr` into the series `record` (name it `level:metric:operations`). */
export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
  /**
   * Labels added to (or overriding those of) every recorded series.
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
}
