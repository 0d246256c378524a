import { invalid } from '../core/validation-error';
import { Duration } from '../core/duration';
import type { DashboardModel, Panel, Variable } from './dashboard-model';
import { GRID_COLUMNS } from './grid-layout';

/** The variable the renderer adds for the data-source picker; panels and variable queries use it. */
export const DATASOURCE_VARIABLE = 'datasource';
/** Variables Grafana defines itself and a query may use. */
export const GRAFANA_GLOBAL_VARIABLES = ['__rate_interval', '__interval', '__interval_ms', '__range', '__range_s', '__range_ms'] as const;
/** Grafana raises any shorter auto-refresh to its default min_refresh_interval. */
export const MIN_REFRESH = Duration.seconds(5);
/** Query refIds are the letters A-Z. */
export const MAX_QUERIES_PER_PANEL = 26;

const UID = /^[A-Za-z0-9_-]{1,40}$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `$name`, `${name}` and `${name:format}`. */
const VARIABLE_REFERENCE = /\$(?:\{([A-Za-z0-9_]+)(?::[A-Za-z]+)?\}|([A-Za-z0-9_]+))/g;

type Fail = (field: string, value: unknown, allowed: string) => never;

/** The names of the variables an expression refers to (`$symbol`, `${symbol}`, `${symbol:regex}`). */
export function variableReferences(expr: string): string[] {
  return [...expr.matchAll(VARIABLE_REFERENCE)].map((match) => match[1] ?? match[2]);
}

/** Checks a dashboard model; throws an Error naming the dashboard, the field, the bad value and what is allowed. */
export function validateDashboard(model: DashboardModel): void {
  const fail: Fail = (field, value, allowed) => {
    invalid(`Dashboard ${JSON.stringify(model.uid)}`, field, `${JSON.stringify(value)} (allowed: ${allowed})`);
  };
  if (!UID.test(model.uid)) fail('uid', model.uid, 'letters, digits, "-" and "_", 1 to 40 characters');
  if (!model.title.trim()) fail('title', model.title, 'a non-empty title');
  if (model.refresh.isShorterThan(MIN_REFRESH)) fail('refresh', model.refresh.toString(), `at least ${MIN_REFRESH}`);
  if (model.timeRange.totalSeconds === 0) fail('timeRange', model.timeRange.toString(), 'a duration longer than 0s');
  (model.tags ?? []).forEach((tag, index) => {
    if (!tag.trim()) fail(`tags[${index}]`, tag, 'a non-empty tag');
  });
  if (model.defaultDatasourceUid !== undefined && !UID.test(model.defaultDatasourceUid)) {
    fail('defaultDatasourceUid', model.defaultDatasourceUid, 'a data-source uid: letters, digits, "-" and "_", 1 to 40 characters');
  }

  const declared = new Set<string>([DATASOURCE_VARIABLE, ...GRAFANA_GLOBAL_VARIABLES]);
  (model.variables ?? []).forEach((variable, index) => {
    validateVariable(variable, `variables[${index}]`, declared, fail);
    declared.add(variable.name);
  });

  if (model.rows.length === 0) fail('rows', [], 'at least one row');
  model.rows.forEach((row, rowIndex) => {
    const rowField = `rows[${rowIndex}]`;
    if (!row.title.trim()) fail(`${rowField}.title`, row.title, 'a non-empty title');
    if (row.panels.length === 0) fail(`${rowField} (${JSON.stringify(row.title)}).panels`, [], 'at least one panel');
    row.panels.forEach((panel, panelIndex) => validatePanel(panel, `${rowField}.panels[${panelIndex}] (${JSON.stringify(panel.title)})`, declared, fail));
  });
}

function validateVariable(variable: Variable, field: string, declared: ReadonlySet<string>, fail: Fail): void {
  if (!VARIABLE_NAME.test(variable.name) || variable.name.startsWith('__')) {
    fail(`${field}.name`, variable.name, 'a name of letters, digits and "_" not starting with a digit or "__"');
  }
  if (declared.has(variable.name)) fail(`${field}.name`, variable.name, `a name not already used (taken: ${[...declared].join(', ')})`);
  if (variable.kind === 'custom') {
    if (variable.values.length === 0) fail(`${field}.values`, variable.values, 'at least one value');
    variable.values.forEach((value, index) => {
      if (!value.trim() || value.includes(',')) fail(`${field}.values[${index}]`, value, 'a non-empty value without "," (Grafana splits custom values on commas)');
    });
    return;
  }
  if (!variable.selector.trim()) fail(`${field}.selector`, variable.selector, 'a PromQL series selector');
  if (!LABEL_NAME.test(variable.labelName)) fail(`${field}.labelName`, variable.labelName, 'a Prometheus label name');
  if (variable.allValue !== undefined && !variable.includeAll) fail(`${field}.allValue`, variable.allValue, 'an allValue only with includeAll: true');
  checkReferences(variable.selector, `${field}.selector`, declared, 'a variable declared before this one', fail);
}

function validatePanel(panel: Panel, field: string, declared: ReadonlySet<string>, fail: Fail): void {
  if (!panel.title.trim()) fail(`${field}.title`, panel.title, 'a non-empty title');
  if (panel.width !== undefined && !(Number.isInteger(panel.width) && panel.width >= 1 && panel.width <= GRID_COLUMNS)) {
    fail(`${field}.width`, panel.width, `a whole number of grid columns from 1 to ${GRID_COLUMNS}`);
  }
  if (panel.height !== undefined && !(Number.isInteger(panel.height) && panel.height >= 1)) {
    fail(`${field}.height`, panel.height, 'a whole number of grid rows of at least 1');
  }
  if (panel.queries.length === 0 || panel.queries.length > MAX_QUERIES_PER_PANEL) {
    fail(`${field}.queries`, panel.queries.length, `1 to ${MAX_QUERIES_PER_PANEL} queries`);
  }
  panel.queries.forEach((query, index) => {
    if (!query.expr.trim()) fail(`${field}.queries[${index}].expr`, query.expr, 'a PromQL expression');
    checkReferences(query.expr, `${field}.queries[${index}].expr`, declared, 'a declared variable or a Grafana global', fail);
  });
  if (panel.decimals !== undefined && !(Number.isInteger(panel.decimals) && panel.decimals >= 0)) {
    fail(`${field}.decimals`, panel.decimals, 'a whole number of at least 0');
  }
  if (panel.min !== undefined && panel.max !== undefined && !(panel.min < panel.max)) {
    fail(`${field}.max`, panel.max, `a value above min (${panel.min})`);
  }
  const steps = panel.thresholds?.steps ?? [];
  steps.forEach((step, index) => {
    if (!Number.isFinite(step.from) || (index > 0 && !(step.from > steps[index - 1].from))) {
      fail(`${field}.thresholds.steps[${index}].from`, step.from, 'finite values in strictly ascending order');
    }
  });
  const mapped = new Set<number>();
  (panel.mappings ?? []).forEach((mapping, index) => {
    if (!Number.isFinite(mapping.value) || mapped.has(mapping.value)) fail(`${field}.mappings[${index}].value`, mapping.value, 'a finite value mapped once');
    mapped.add(mapping.value);
  });
  if (panel.kind === 'table' && panel.sortBy && !panel.sortBy.column.trim()) fail(`${field}.sortBy.column`, panel.sortBy.column, 'a column header');
}

function checkReferences(expr: string, field: string, declared: ReadonlySet<string>, allowed: string, fail: Fail): void {
  for (const name of variableReferences(expr)) {
    if (!declared.has(name)) fail(field, `$${name}`, `${allowed}: ${[...declared].join(', ')}`);
  }
}
