import type { DashboardModel, Panel, Thresholds, ValueMapping, Variable } from './dashboard-model';
import {
  GRAFANA_SCHEMA_VERSION,
  GrafanaDashboard,
  GrafanaDataPanel,
  GrafanaDatasourceRef,
  GrafanaFieldDefaults,
  GrafanaGridPos,
  GrafanaPanel,
  GrafanaTarget,
  GrafanaValueMappings,
  GrafanaVariable,
} from './grafana-dashboard-json';
import { placeRows } from './grid-layout';
import { DATASOURCE_VARIABLE, validateDashboard } from './validate-dashboard';
import { compareText } from '../core/text-order';

export const DEFAULT_PANEL_WIDTH = 12;
export const DEFAULT_PANEL_HEIGHT = 8;
/** The uid kube-prometheus-stack gives the Prometheus data source it provisions in its Grafana. */
export const DEFAULT_DATASOURCE_UID = 'prometheus';

/** What every panel and variable query points at: whatever the data-source picker holds. */
const SELECTED_DATASOURCE: GrafanaDatasourceRef = { type: 'prometheus', uid: `\${${DATASOURCE_VARIABLE}}` };
const ALL = { text: 'All', value: '$__all' } as const;
/** In tables, colour the numbers by the thresholds and leave label columns (symbol, asset type) plain. */
const COLOR_NUMBERS_BY_THRESHOLD = {
  matcher: { id: 'byType', options: 'number' },
  properties: [{ id: 'custom.cellOptions', value: { type: 'color-text' } }],
} as const;

/**
 * Renders a dashboard model to Grafana's dashboard JSON (schemaVersion 39): a data-source picker first, then the
 * model's variables; rows and panels laid out on the 24-column grid with ids from 1. Throws on an invalid model.
 */
export function renderDashboard(model: DashboardModel): GrafanaDashboard {
  validateDashboard(model);
  const placements = placeRows(
    model.rows.map((row) => row.panels.map((panel) => ({ width: panel.width ?? DEFAULT_PANEL_WIDTH, height: panel.height ?? DEFAULT_PANEL_HEIGHT }))),
  );
  let nextId = 1;
  const panels: GrafanaPanel[] = model.rows.flatMap((row, rowIndex) => [
    { id: nextId++, type: 'row', title: row.title, collapsed: false, gridPos: placements[rowIndex].header, panels: [] } as const,
    ...row.panels.map((panel, panelIndex) => renderPanel(panel, nextId++, placements[rowIndex].panels[panelIndex])),
  ]);

  return {
    id: null,
    uid: model.uid,
    title: model.title,
    ...(model.description !== undefined && { description: model.description }),
    tags: [...(model.tags ?? [])],
    timezone: 'browser',
    // Provisioned from a ConfigMap: changes saved in the UI would be lost, so Grafana should not offer them.
    editable: false,
    graphTooltip: 1,
    refresh: model.refresh.toString(),
    time: { from: `now-${model.timeRange}`, to: 'now' },
    timepicker: {},
    fiscalYearStartMonth: 0,
    liveNow: false,
    links: [],
    annotations: { list: [] },
    templating: { list: [datasourceVariable(model.defaultDatasourceUid ?? DEFAULT_DATASOURCE_UID), ...(model.variables ?? []).map(renderVariable)] },
    panels,
    schemaVersion: GRAFANA_SCHEMA_VERSION,
    version: 1,
  };
}

function datasourceVariable(uid: string): GrafanaVariable {
  return {
    type: 'datasource',
    name: DATASOURCE_VARIABLE,
    label: 'Data source',
    hide: 0,
    query: 'prometheus',
    current: { selected: false, text: uid, value: uid },
    options: [],
    multi: false,
    includeAll: false,
    refresh: 1,
    regex: '',
  };
}

function renderVariable(variable: Variable): GrafanaVariable {
  const label = variable.label ?? variable.name;
  if (variable.kind === 'custom') {
    const options = variable.values.map((value, index) => ({ selected: index === 0, text: value, value }));
    return {
      type: 'custom',
      name: variable.name,
      label,
      hide: 0,
      query: variable.values.join(','),
      current: options[0],
      options,
      multi: false,
      includeAll: false,
    };
  }
  const query = `label_values(${variable.selector}, ${variable.labelName})`;
  const multi = variable.multi ?? false;
  const includeAll = variable.includeAll ?? false;
  return {
    type: 'query',
    name: variable.name,
    label,
    hide: 0,
    datasource: SELECTED_DATASOURCE,
    definition: query,
    query,
    // On time-range change, so the list follows feeds that appear and disappear.
    refresh: 2,
    regex: '',
    sort: 1,
    multi,
    includeAll,
    ...(variable.allValue !== undefined && { allValue: variable.allValue }),
    current: includeAll
      ? { selected: true, text: multi ? [ALL.text] : ALL.text, value: multi ? [ALL.value] : ALL.value }
      : { selected: false, text: '', value: '' },
    options: [],
  };
}

function renderPanel(panel: Panel, id: number, gridPos: GrafanaGridPos): GrafanaDataPanel {
  const instant = panel.kind === 'table';
  const targets: GrafanaTarget[] = panel.queries.map((query, index) => ({
    refId: String.fromCharCode('A'.charCodeAt(0) + index),
    datasource: SELECTED_DATASOURCE,
    expr: query.expr,
    legendFormat: query.legend ?? '__auto',
    editorMode: 'code',
    range: !instant,
    instant,
    format: instant ? 'table' : 'time_series',
  }));
  return {
    id,
    type: panel.kind,
    title: panel.title,
    ...(panel.description !== undefined && { description: panel.description }),
    gridPos,
    datasource: SELECTED_DATASOURCE,
    targets,
    fieldConfig: { defaults: fieldDefaults(panel), overrides: [...(panel.kind === 'table' ? [COLOR_NUMBERS_BY_THRESHOLD] : []), ...seriesThresholdOverrides(panel)] },
    options: panelOptions(panel),
    ...(panel.kind === 'table' && { transformations: tableTransformations(panel.queries.length, panel.columnNames ?? {}) }),
  };
}

function fieldDefaults(panel: Panel): GrafanaFieldDefaults {
  const custom = customFieldConfig(panel);
  return {
    ...(panel.unit !== undefined && { unit: panel.unit }),
    ...(panel.decimals !== undefined && { decimals: panel.decimals }),
    ...(panel.min !== undefined && { min: panel.min }),
    ...(panel.max !== undefined && { max: panel.max }),
    ...(panel.noValue !== undefined && { noValue: panel.noValue }),
    color: { mode: panel.kind === 'timeseries' ? 'palette-classic' : 'thresholds' },
    thresholds: { mode: 'absolute', steps: thresholdSteps(panel.thresholds) },
    mappings: valueMappings(panel.mappings ?? []),
    ...(custom !== undefined && { custom }),
  };
}

/** One override per series whose thresholds differ from the panel's, matched by display name. */
function seriesThresholdOverrides(panel: Panel) {
  return Object.entries(panel.seriesThresholds ?? {})
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, thresholds]) => ({
      matcher: { id: 'byName', options: name },
      properties: [{ id: 'thresholds', value: { mode: 'absolute', steps: thresholdSteps(thresholds) } }],
    }));
}

function thresholdSteps(thresholds: Thresholds | undefined) {
  return [
    { color: thresholds?.base ?? 'green', value: null },
    ...(thresholds?.steps ?? []).map((step) => ({ color: step.color, value: step.from })),
  ];
}

function valueMappings(mappings: readonly ValueMapping[]): GrafanaValueMappings[] {
  if (mappings.length === 0) return [];
  const options = Object.fromEntries(mappings.map((mapping, index) => [String(mapping.value), { text: mapping.text, color: mapping.color, index }]));
  return [{ type: 'value', options }];
}

function customFieldConfig(panel: Panel): Record<string, unknown> | undefined {
  switch (panel.kind) {
    case 'timeseries':
      return {
        drawStyle: 'line',
        lineWidth: 1,
        fillOpacity: 10,
        showPoints: 'never',
        spanNulls: false,
        scaleDistribution: panel.logScale ? { type: 'log', log: 10 } : { type: 'linear' },
        thresholdsStyle: { mode: panel.showThresholds ?? (panel.thresholds?.steps?.length ? 'line' : 'off') },
      };
    case 'state-timeline':
      return { fillOpacity: 80, lineWidth: 0 };
    case 'table':
      return { align: 'auto', cellOptions: { type: 'auto' } };
    case 'stat':
      return undefined;
  }
}

function panelOptions(panel: Panel): Record<string, unknown> {
  const legend = { displayMode: 'list', placement: 'bottom', showLegend: true, calcs: [] };
  switch (panel.kind) {
    case 'timeseries':
      return { legend, tooltip: { mode: 'multi', sort: 'desc' } };
    case 'stat':
      return {
        reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
        colorMode: panel.colorMode ?? 'background',
        graphMode: 'none',
        justifyMode: 'auto',
        orientation: 'auto',
        textMode: 'auto',
      };
    case 'table':
      return {
        showHeader: true,
        cellHeight: 'sm',
        ...(panel.sortBy && { sortBy: [{ displayName: panel.sortBy.column, desc: panel.sortBy.descending ?? false }] }),
      };
    case 'state-timeline':
      return { mergeValues: true, showValue: 'auto', alignValue: 'left', rowHeight: 0.9, legend, tooltip: { mode: 'single', sort: 'none' } };
  }
}

/** One table of the latest values: queries merged on their labels, the Time column hidden, headers renamed. */
function tableTransformations(queryCount: number, columnNames: Readonly<Record<string, string>>) {
  return [
    ...(queryCount > 1 ? [{ id: 'merge', options: {} }] : []),
    { id: 'organize', options: { excludeByName: { Time: true }, indexByName: {}, renameByName: { ...columnNames } } },
  ];
}
