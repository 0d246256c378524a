import type { GrafanaDashboard, GrafanaDataPanel } from '../../../constructs/dashboards';

export interface DashboardQuery {
  /** Where the query comes from, for failure messages: `<uid> / <panel title> / <refId>` or `<uid> / $<variable>`. */
  readonly source: string;
  readonly expr: string;
}

/** Values Grafana would substitute, each valid where the dashboards use it (regexes are PromQL-escaped as Grafana does). */
export const SAMPLE_VARIABLE_VALUES: Readonly<Record<string, string>> = {
  symbol: String.raw`Crypto\\.BTC/USD|Equity\\.US\\.AAPL/USD`,
  asset_type: 'crypto|equity',
  environment: 'prod',
  __rate_interval: '5m',
  __interval: '1m',
  __range: '1h',
};

const LABEL_VALUES = /^label_values\((.*),\s*([A-Za-z_][A-Za-z0-9_]*)\)$/s;

export function dataPanels(dashboard: GrafanaDashboard): GrafanaDataPanel[] {
  return dashboard.panels.filter((panel): panel is GrafanaDataPanel => panel.type !== 'row');
}

/** Every PromQL expression of the panels. */
export function panelQueries(dashboard: GrafanaDashboard): DashboardQuery[] {
  return dataPanels(dashboard).flatMap((panel) =>
    panel.targets.map((target) => ({ source: `${dashboard.uid} / ${panel.title} / ${target.refId}`, expr: target.expr })),
  );
}

/** The series selectors of the `label_values(<selector>, <label>)` variable queries. */
export function variableSelectors(dashboard: GrafanaDashboard): DashboardQuery[] {
  return dashboard.templating.list
    .filter((variable) => variable.type === 'query')
    .map((variable) => {
      const match = LABEL_VALUES.exec(String(variable.query));
      if (!match) throw new Error(`${dashboard.uid} / $${variable.name}: query ${String(variable.query)} is not label_values(<selector>, <label>)`);
      return { source: `${dashboard.uid} / $${variable.name}`, expr: match[1] };
    });
}

/** Replaces `$name` and `${name}` with SAMPLE_VARIABLE_VALUES; fails on a variable it has no sample value for. */
export function substituteVariables(expr: string): string {
  return expr.replace(/\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (_match, braced: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare)!;
    const value = SAMPLE_VARIABLE_VALUES[name];
    if (value === undefined) throw new Error(`no sample value for $${name} in: ${expr}`);
    return value;
  });
}

/** The panels with a query selecting the metric (by exact series name). */
export function panelsSelecting(dashboard: GrafanaDashboard, metric: string): GrafanaDataPanel[] {
  const name = new RegExp(`(?<![A-Za-z0-9_:])${metric}(?![A-Za-z0-9_:])`);
  return dataPanels(dashboard).filter((panel) => panel.targets.some((target) => name.test(target.expr)));
}

/** The panels under a row, up to the next row. */
export function panelsOfRow(dashboard: GrafanaDashboard, rowTitle: string): GrafanaDataPanel[] {
  const start = dashboard.panels.findIndex((panel) => panel.type === 'row' && panel.title === rowTitle);
  if (start < 0) throw new Error(`${dashboard.uid} has no row ${rowTitle}`);
  const end = dashboard.panels.findIndex((panel, index) => index > start && panel.type === 'row');
  return dataPanels({ ...dashboard, panels: dashboard.panels.slice(start + 1, end < 0 ? undefined : end) });
}

/** Grafana's refresh and time-range strings ("10s", "1m", "6h") in seconds. */
export function grafanaDurationSeconds(duration: string): number {
  const match = /^(\d+)(s|m|h|d)$/.exec(duration);
  if (!match) throw new Error(`not a Grafana duration: ${duration}`);
  return Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'];
}
