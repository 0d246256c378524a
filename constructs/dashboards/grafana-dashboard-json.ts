// The subset of Grafana's dashboard JSON model (schemaVersion 39, Grafana 10.4 and later) that renderDashboard
// writes. Plain data: it goes into a ConfigMap as is and Grafana migrates it forward on load.

export const GRAFANA_SCHEMA_VERSION = 39;

export interface GrafanaDatasourceRef {
  readonly type: 'prometheus';
  readonly uid: string;
}

export interface GrafanaGridPos {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface GrafanaTarget {
  readonly refId: string;
  readonly datasource: GrafanaDatasourceRef;
  readonly expr: string;
  readonly legendFormat: string;
  readonly editorMode: 'code';
  readonly range: boolean;
  readonly instant: boolean;
  readonly format: 'time_series' | 'table';
}

export interface GrafanaThresholdStep {
  readonly color: string;
  /** null for the base colour. */
  readonly value: number | null;
}

export interface GrafanaValueMappings {
  readonly type: 'value';
  readonly options: Readonly<Record<string, { readonly text: string; readonly color: string; readonly index: number }>>;
}

export interface GrafanaFieldDefaults {
  readonly unit?: string;
  readonly decimals?: number;
  readonly min?: number;
  readonly max?: number;
  readonly noValue?: string;
  readonly color: { readonly mode: 'thresholds' | 'palette-classic' };
  readonly thresholds: { readonly mode: 'absolute'; readonly steps: readonly GrafanaThresholdStep[] };
  readonly mappings: readonly GrafanaValueMappings[];
  readonly custom?: Readonly<Record<string, unknown>>;
}

export interface GrafanaDataPanel {
  readonly id: number;
  readonly type: 'timeseries' | 'stat' | 'table' | 'state-timeline';
  readonly title: string;
  readonly description?: string;
  readonly gridPos: GrafanaGridPos;
  readonly datasource: GrafanaDatasourceRef;
  readonly targets: readonly GrafanaTarget[];
  readonly fieldConfig: { readonly defaults: GrafanaFieldDefaults; readonly overrides: readonly unknown[] };
  readonly options: Readonly<Record<string, unknown>>;
  readonly transformations?: readonly Readonly<Record<string, unknown>>[];
}

/** An expanded row: its panels follow it in the top-level list. */
export interface GrafanaRowPanel {
  readonly id: number;
  readonly type: 'row';
  readonly title: string;
  readonly collapsed: false;
  readonly gridPos: GrafanaGridPos;
  readonly panels: readonly [];
}

export type GrafanaPanel = GrafanaDataPanel | GrafanaRowPanel;

export interface GrafanaVariableOption {
  readonly selected: boolean;
  readonly text: string | readonly string[];
  readonly value: string | readonly string[];
}

export interface GrafanaVariable {
  readonly type: 'datasource' | 'custom' | 'query';
  readonly name: string;
  readonly label: string;
  readonly hide: 0;
  readonly query: string | Readonly<Record<string, unknown>>;
  readonly current: GrafanaVariableOption;
  readonly options: readonly GrafanaVariableOption[];
  readonly multi: boolean;
  readonly includeAll: boolean;
  readonly allValue?: string;
  readonly datasource?: GrafanaDatasourceRef;
  readonly definition?: string;
  /** 1 on dashboard load, 2 on time-range change. */
  readonly refresh?: 1 | 2;
  readonly regex?: string;
  readonly sort?: number;
}

export interface GrafanaDashboard {
  /** null: Grafana assigns the database id of a provisioned dashboard. */
  readonly id: null;
  readonly uid: string;
  readonly title: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly timezone: 'browser';
  readonly editable: boolean;
  /** 1: a shared crosshair across panels. */
  readonly graphTooltip: 1;
  readonly refresh: string;
  readonly time: { readonly from: string; readonly to: 'now' };
  readonly timepicker: Readonly<Record<string, never>>;
  readonly fiscalYearStartMonth: 0;
  readonly liveNow: false;
  readonly links: readonly [];
  readonly annotations: { readonly list: readonly Readonly<Record<string, unknown>>[] };
  readonly templating: { readonly list: readonly GrafanaVariable[] };
  readonly panels: readonly GrafanaPanel[];
  readonly schemaVersion: number;
  readonly version: 1;
}
