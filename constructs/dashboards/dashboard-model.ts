import type { Duration } from '../core/duration';

/** Grafana's named colours used for thresholds and value mappings. */
export type Color = 'green' | 'yellow' | 'orange' | 'red' | 'blue' | 'purple' | 'text';

/** Grafana unit ids feedops uses; `suffix:<text>` appends a custom unit ("suffix: slots"). */
export type Unit = 'none' | 'short' | 'percent' | 'percentunit' | 's' | 'ops' | `suffix:${string}`;

/** Colour from `from` upwards, until the next step. */
export interface ThresholdStep {
  readonly from: number;
  readonly color: Color;
}

export interface Thresholds {
  /** Colour below the first step. */
  readonly base: Color;
  /** In ascending order of `from`. @default [] */
  readonly steps?: readonly ThresholdStep[];
}

/** Shows `text` in `color` for an exact value (1 -> "Trading"). */
export interface ValueMapping {
  readonly value: number;
  readonly text: string;
  readonly color: Color;
}

/** A PromQL query; it may use the dashboard's variables and Grafana's `$__rate_interval`, `$__interval`, `$__range`. */
export interface PromQuery {
  readonly expr: string;
  /** Legend template, e.g. "{{symbol}}". @default - Grafana's automatic legend */
  readonly legend?: string;
}

interface PanelCommon {
  readonly title: string;
  /** Shown in the panel's info tooltip: say what the value means and what to do about it. @default - none */
  readonly description?: string;
  readonly queries: readonly PromQuery[];
  /** Columns of Grafana's 24-column grid. @default 12 */
  readonly width?: number;
  /** Grid rows (30 px each). @default 8 */
  readonly height?: number;
  /** @default - Grafana's automatic number formatting */
  readonly unit?: Unit;
  /** @default - automatic */
  readonly decimals?: number;
  /** @default - from the data */
  readonly min?: number;
  /** @default - from the data */
  readonly max?: number;
  /** @default - green everywhere */
  readonly thresholds?: Thresholds;
  /**
   * Thresholds of single series, keyed by the series' display name (its legend, e.g. a feed's symbol), where
   * they differ from `thresholds`: a feed with its own limit is coloured by that limit.
   * @default - every series uses `thresholds`
   */
  readonly seriesThresholds?: Readonly<Record<string, Thresholds>>;
  /** @default [] */
  readonly mappings?: readonly ValueMapping[];
  /** Text shown when the query returns nothing. @default - Grafana's "No data" */
  readonly noValue?: string;
}

export interface TimeseriesPanel extends PanelCommon {
  readonly kind: 'timeseries';
  /** Draw the thresholds on the graph. @default 'line' when thresholds are set, else 'off' */
  readonly showThresholds?: 'off' | 'line' | 'area';
  /** Logarithmic y axis (base 10), for values spanning orders of magnitude. @default false */
  readonly logScale?: boolean;
}

export interface StatPanel extends PanelCommon {
  readonly kind: 'stat';
  /** @default 'background' */
  readonly colorMode?: 'background' | 'value';
}

/** A table of the queries' latest values (instant queries), one row per series. */
export interface TablePanel extends PanelCommon {
  readonly kind: 'table';
  /** Header text per column (label name or "Value"). @default {} */
  readonly columnNames?: Readonly<Record<string, string>>;
  /** Column to sort by (its header text after renaming). @default - query order */
  readonly sortBy?: { readonly column: string; readonly descending?: boolean };
}

/** One lane per series, coloured by value mappings or thresholds: status over time. */
export interface StateTimelinePanel extends PanelCommon {
  readonly kind: 'state-timeline';
}

export type Panel = TimeseriesPanel | StatPanel | TablePanel | StateTimelinePanel;

/** A titled band of panels; panels flow left to right and wrap at 24 columns. */
export interface DashboardRow {
  readonly title: string;
  readonly panels: readonly Panel[];
}

/** A fixed list of values, e.g. the one environment this Grafana shows. */
export interface CustomVariable {
  readonly kind: 'custom';
  readonly name: string;
  /** @default - the name */
  readonly label?: string;
  /** The first is selected. */
  readonly values: readonly string[];
}

/** The values of one label on the series a selector matches: `label_values(<selector>, <labelName>)`. */
export interface LabelValuesVariable {
  readonly kind: 'label-values';
  readonly name: string;
  /** @default - the name */
  readonly label?: string;
  readonly selector: string;
  readonly labelName: string;
  /** Select several values; with includeAll, "All" is selected at first. @default false */
  readonly multi?: boolean;
  /** @default false */
  readonly includeAll?: boolean;
  /**
   * What "All" stands for in queries. @default - the regex of every listed value, so "All" keeps respecting the
   * variables this one's selector depends on
   */
  readonly allValue?: string;
}

export type Variable = CustomVariable | LabelValuesVariable;

export interface DashboardModel {
  /** Stable id in URLs and links: letters, digits, "-" and "_", at most 40 characters. */
  readonly uid: string;
  readonly title: string;
  /** @default - none */
  readonly description?: string;
  /** @default [] */
  readonly tags?: readonly string[];
  /** Auto-refresh interval, at least Grafana's minimum of 5 s. */
  readonly refresh: Duration;
  /** The default time range: the last `timeRange` up to now. */
  readonly timeRange: Duration;
  /**
   * Shown after the data-source picker, which the renderer always adds as `datasource` (a Prometheus data source)
   * and which every panel and variable query uses. @default []
   */
  readonly variables?: readonly Variable[];
  readonly rows: readonly DashboardRow[];
  /** Data source selected at first. @default 'prometheus' (kube-prometheus-stack's Grafana) */
  readonly defaultDatasourceUid?: string;
}
