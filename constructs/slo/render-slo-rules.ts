import type { AlertRule } from '../alerting/rules/alert-rule';
import type { RecordingRule } from '../alerting/rules/recording-rule';
import { renderRules, type RenderedRules } from '../alerting/rules/render-rules';
import type { RuleGroup } from '../alerting/rules/rule-group';
import { ALERT_NAME_PATTERN, LABEL_NAME_PATTERN, RESERVED_ALERT_LABELS } from '../alerting/rules/rule-limits';
import { Severity } from '../alerting/rules/severity';
import { Duration } from '../core/duration';
import { type ServiceLevelObjectiveSpec, SLI_WINDOW_PLACEHOLDER, type SloWindow } from './slo-spec';

/** Rate windows of the recorded SLI: the short and long windows of the alerts below. */
export const SLI_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;
export type SliWindow = (typeof SLI_WINDOWS)[number];

/**
 * Multiwindow, multi-burn-rate alerts (Google SRE workbook, "Alerting on SLOs", table 5-8; Sloth's defaults): each
 * fires when the share of the whole window's error budget below would be spent within the long window, and the
 * short window shows it is still happening. For a 30-day window the burn factors are 14.4, 6, 3 and 1.
 */
export const BURN_RATE_ALERTS = [
  { severity: 'page', budgetPercent: 2, long: '1h', short: '5m' },
  { severity: 'page', budgetPercent: 5, long: '6h', short: '30m' },
  { severity: 'ticket', budgetPercent: 10, long: '1d', short: '2h' },
  { severity: 'ticket', budgetPercent: 10, long: '3d', short: '6h' },
] as const satisfies ReadonlyArray<{ severity: 'page' | 'ticket'; budgetPercent: number; long: SliWindow; short: SliWindow }>;

export const DEFAULT_SLO_WINDOW: SloWindow = '30d';
export const DEFAULT_MINIMUM_EVENTS = 10;
/** Pages wait this long: the 5-minute window already smooths, so two evaluations of agreement are enough. */
export const PAGE_FOR = Duration.minutes(2);
/** Tickets are not urgent; a quarter hour of agreement avoids tickets for blips. */
export const TICKET_FOR = Duration.minutes(15);
/** An SLI without data for this long raises the no-data alert (policy 'alert'). */
export const NO_DATA_FOR = Duration.minutes(10);

/** Labels every recorded series and alert of an SLO carries. */
export const SLO_LABELS = { id: 'slo_id', service: 'slo_service', name: 'slo_name', window: 'slo_window', severity: 'slo_severity' } as const;

/** Recorded series names (Sloth's naming, so its dashboards' queries read them too). */
export const SLO_SERIES = {
  errorRatio: (window: string) => `slo:sli_error:ratio_rate${window}`,
  totalRate: (window: string) => `slo:sli_total:rate${window}`,
  objective: 'slo:objective:ratio',
  errorBudget: 'slo:error_budget:ratio',
  periodDays: 'slo:time_period:days',
  currentBurnRate: 'slo:current_burn_rate:ratio',
  periodBurnRate: 'slo:period_burn_rate:ratio',
  budgetRemaining: 'slo:period_error_budget_remaining:ratio',
} as const;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const WINDOW_SECONDS: Record<string, number> = { m: 60, h: 3600, d: 86_400 };

/** Seconds of `5m`, `1h`, `3d`. */
export function windowSeconds(window: string): number {
  const match = /^(\d+)([mhd])$/.exec(window);
  if (!match) throw new Error(`window "${window}" is invalid (allowed: e.g. 5m, 1h, 3d)`);
  return Number(match[1]) * WINDOW_SECONDS[match[2]];
}

/** The longest long window of the page alerts: how far back a page another alert sent still covers the fast burn. */
export const LONGEST_PAGE_WINDOW: SliWindow = BURN_RATE_ALERTS.filter((a) => a.severity === 'page')
  .map((a) => a.long)
  .reduce((longest, long) => (windowSeconds(long) > windowSeconds(longest) ? long : longest));

/** `<namespace>/<service>/<name>`: unique across teams, since two teams may both have `api/availability`. */
export function sloId(spec: Pick<ServiceLevelObjectiveSpec, 'namespace' | 'service' | 'name'>): string {
  return `${spec.namespace}/${spec.service}/${spec.name}`;
}

/** Numbers printed without binary noise (1 - 0.999 prints as 0.001, not 0.0009999999999999432). */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** The error budget as a ratio: 99.9 % -> 0.001. */
export function errorBudget(objectivePercent: number): number {
  return clean((100 - objectivePercent) / 100);
}

/** How many times faster than "exactly the budget over the window" an alert's long window burns. */
export function burnFactor(budgetPercent: number, long: SliWindow, window: SloWindow): number {
  return clean((budgetPercent * windowSeconds(window)) / (100 * windowSeconds(long)));
}

export interface RenderSloRulesOptions {
  readonly environment: string;
  /** PrometheusRule name. */
  readonly name: string;
  readonly namespace: string;
}

/** The rule groups of each SLO: SLI recordings, metadata recordings, alerts. Validates first; throws on problems. */
export function sloRuleGroups(specs: readonly ServiceLevelObjectiveSpec[]): RuleGroup[] {
  validateSloSpecs(specs);
  return specs.flatMap((spec) => groupsOf(spec));
}

export function renderSloRules(specs: readonly ServiceLevelObjectiveSpec[], options: RenderSloRulesOptions): RenderedRules {
  return renderRules(sloRuleGroups(specs), options);
}

function groupsOf(spec: ServiceLevelObjectiveSpec): RuleGroup[] {
  const id = sloId(spec);
  const slug = id.replace(/\//g, '-');
  const window = spec.window ?? DEFAULT_SLO_WINDOW;
  const budget = errorBudget(spec.objectivePercent);
  const labels = { ...spec.labels, [SLO_LABELS.id]: id, [SLO_LABELS.service]: spec.service, [SLO_LABELS.name]: spec.name };
  const byId = `{${SLO_LABELS.id}="${id}"}`;

  const sliRecordings: RecordingRule[] = SLI_WINDOWS.flatMap((w) => [
    { record: SLO_SERIES.errorRatio(w), expr: errorRatioExpr(spec, w), labels: { ...labels, [SLO_LABELS.window]: w } },
    { record: SLO_SERIES.totalRate(w), expr: totalRateExpr(spec, w), labels: { ...labels, [SLO_LABELS.window]: w } },
  ]);
  const metaRecordings: RecordingRule[] = [
    { record: SLO_SERIES.objective, expr: `vector(${clean(spec.objectivePercent / 100)})`, labels },
    { record: SLO_SERIES.errorBudget, expr: `vector(${budget})`, labels },
    { record: SLO_SERIES.periodDays, expr: `vector(${windowSeconds(window) / 86_400})`, labels },
    // The window's error ratio: the mean of the 5-minute ratios over the window (as Sloth computes it).
    {
      record: SLO_SERIES.errorRatio(window),
      expr: `sum_over_time(${SLO_SERIES.errorRatio('5m')}${byId}[${window}])\n/ ignoring (${SLO_LABELS.window})\ncount_over_time(${SLO_SERIES.errorRatio('5m')}${byId}[${window}])`,
      labels: { ...labels, [SLO_LABELS.window]: window },
    },
    { record: SLO_SERIES.currentBurnRate, expr: `${SLO_SERIES.errorRatio('5m')}${byId} / ${budget}`, labels },
    { record: SLO_SERIES.periodBurnRate, expr: `${SLO_SERIES.errorRatio(window)}${byId} / ${budget}`, labels },
    { record: SLO_SERIES.budgetRemaining, expr: `1 - ${SLO_SERIES.periodBurnRate}${byId}`, labels },
  ];

  const minimumEvents = spec.minimumEvents ?? DEFAULT_MINIMUM_EVENTS;
  const condition = (alert: (typeof BURN_RATE_ALERTS)[number]) => {
    const threshold = `(${burnFactor(alert.budgetPercent, alert.long, window)} * ${budget})`;
    return [
      `${SLO_SERIES.errorRatio(alert.short)}${byId} > ${threshold}`,
      `and ignoring (${SLO_LABELS.window}) ${SLO_SERIES.errorRatio(alert.long)}${byId} > ${threshold}`,
      // Minimum traffic: the long window must hold enough events for its ratio to mean something.
      `and ignoring (${SLO_LABELS.window}) ${SLO_SERIES.totalRate(alert.long)}${byId} * ${windowSeconds(alert.long)} >= ${minimumEvents}`,
    ].join('\n  ');
  };
  const burnExpr = (severity: 'page' | 'ticket') =>
    `max without (${SLO_LABELS.window}) (\n  ` +
    BURN_RATE_ALERTS.filter((a) => a.severity === severity)
      .map((a) => `(\n  ${condition(a)}\n  )`)
      .join(`\n  or ignoring (${SLO_LABELS.window})\n  `) +
    '\n)';
  // An incident another alert already paged for burns the budget for as long as the longest page window holds it.
  const superseded = spec.pageSupersededBy
    ? `\nunless on (${spec.pageSupersededBy.on.join(', ')})\nmax_over_time(ALERTS{alertname="${spec.pageSupersededBy.alert}", alertstate="firing"}[${LONGEST_PAGE_WINDOW}])`
    : '';
  const factors = (severity: 'page' | 'ticket') =>
    BURN_RATE_ALERTS.filter((a) => a.severity === severity)
      .map((a) => `${burnFactor(a.budgetPercent, a.long, window)}x over ${a.long} and ${a.short}`)
      .join(', or ');
  const alertLabels = { ...spec.labels, [SLO_LABELS.id]: id, [SLO_LABELS.service]: spec.service, [SLO_LABELS.name]: spec.name };
  const common = { team: spec.team, runbook: spec.runbook };
  const alerts: AlertRule[] = [
    {
      ...common,
      alert: `${spec.alertName}ErrorBudgetBurn`,
      expr: `${burnExpr('page')}${superseded}`,
      for: PAGE_FOR,
      severity: Severity.CRITICAL,
      labels: { ...alertLabels, [SLO_LABELS.severity]: 'page' },
      summary: `${spec.service} ${spec.name}: the ${window} error budget is burning fast`,
      description: `${spec.description} Objective ${spec.objectivePercent}% over ${window}; the error ratio is {{ printf "%.4f" $value }} (burn ${factors('page')}): at this rate the budget is gone within days.`,
    },
    {
      ...common,
      alert: `${spec.alertName}ErrorBudgetSlowBurn`,
      expr: burnExpr('ticket'),
      for: TICKET_FOR,
      severity: Severity.WARNING,
      labels: { ...alertLabels, [SLO_LABELS.severity]: 'ticket' },
      summary: `${spec.service} ${spec.name}: the ${window} error budget is burning faster than it refills`,
      description: `${spec.description} Objective ${spec.objectivePercent}% over ${window}; the error ratio is {{ printf "%.4f" $value }} (burn ${factors('ticket')}): the budget will not last the window.`,
    },
  ];
  if ((spec.noData ?? 'alert') === 'alert') {
    alerts.push({
      ...common,
      alert: `${spec.alertName}NoData`,
      expr: `absent(${SLO_SERIES.totalRate('5m')}${byId})`,
      for: NO_DATA_FOR,
      severity: Severity.WARNING,
      labels: { ...alertLabels, [SLO_LABELS.severity]: 'ticket' },
      summary: `${spec.service} ${spec.name}: the SLI has no data`,
      description: `The SLI of ${id} has returned nothing for ${NO_DATA_FOR.toPrometheus()}: its burn-rate alerts cannot fire until data returns.`,
    });
  }
  return [
    { name: `slo-sli-${slug}`, rules: sliRecordings },
    { name: `slo-meta-${slug}`, rules: metaRecordings },
    { name: `slo-alerts-${slug}`, rules: alerts },
  ];
}

function errorRatioExpr(spec: ServiceLevelObjectiveSpec, window: string): string {
  if (spec.sli.kind === 'events') {
    return `1 - (\n  (${atWindow(spec.sli.goodQuery, window)})\n  /\n  (${atWindow(spec.sli.totalQuery, window)})\n)`;
  }
  const selector = spec.sli.selector;
  return `1 - (\n  sum(sum_over_time(${selector}[${window}]))\n  /\n  sum(count_over_time(${selector}[${window}]))\n)`;
}

function totalRateExpr(spec: ServiceLevelObjectiveSpec, window: string): string {
  if (spec.sli.kind === 'events') return atWindow(spec.sli.totalQuery, window);
  return `sum(count_over_time(${spec.sli.selector}[${window}])) / ${windowSeconds(window)}`;
}

function atWindow(query: string, window: string): string {
  return query.split(SLI_WINDOW_PLACEHOLDER).join(window).trim();
}

const RESERVED_SLO_LABELS: readonly string[] = [...RESERVED_ALERT_LABELS, ...Object.values(SLO_LABELS)];

/** Every problem of every spec, each naming the SLO, the field, the value and what is allowed. */
export function validateSloSpecs(specs: readonly ServiceLevelObjectiveSpec[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  if (!Array.isArray(specs) || specs.length === 0) problems.push('no SLOs (allowed: at least one ServiceLevelObjectiveSpec)');
  (specs ?? []).forEach((spec, index) => {
    const where = `SLO ${typeof spec?.service === 'string' ? `"${sloId(spec)}"` : `#${index}`}`;
    const add = (field: string, value: unknown, allowed: string) => problems.push(`${where}: field "${field}" is ${JSON.stringify(value)} (allowed: ${allowed})`);
    for (const field of ['namespace', 'service', 'name'] as const) {
      if (typeof spec[field] !== 'string' || !DNS_LABEL.test(spec[field]) || spec[field].length > 63) add(field, spec[field], 'a DNS label: lower-case letters, digits and "-"');
    }
    if (seen.has(sloId(spec))) add('name', spec.name, 'an id <namespace>/<service>/<name> unique among the SLOs rendered together');
    seen.add(sloId(spec));
    if (typeof spec.objectivePercent !== 'number' || !(spec.objectivePercent > 0 && spec.objectivePercent < 100)) {
      add('objectivePercent', spec.objectivePercent, 'a percentage above 0 and below 100, e.g. 99.9');
    }
    if (spec.window !== undefined && spec.window !== '28d' && spec.window !== '30d') add('window', spec.window, '"28d" or "30d"');
    if (typeof spec.description !== 'string' || spec.description.trim() === '') add('description', spec.description, 'a sentence');
    if (typeof spec.alertName !== 'string' || !ALERT_NAME_PATTERN.test(spec.alertName)) add('alertName', spec.alertName, 'CamelCase, e.g. "HermesAvailability"');
    if (typeof spec.team !== 'string' || spec.team.trim() === '') add('team', spec.team, 'the owning team');
    if (spec.minimumEvents !== undefined && !(Number.isInteger(spec.minimumEvents) && spec.minimumEvents >= 0)) add('minimumEvents', spec.minimumEvents, 'a whole number >= 0');
    if (spec.noData !== undefined && spec.noData !== 'alert' && spec.noData !== 'ignore') add('noData', spec.noData, '"alert" or "ignore"');
    const sli = spec.sli;
    if (sli?.kind === 'events') {
      for (const field of ['goodQuery', 'totalQuery'] as const) {
        if (typeof sli[field] !== 'string' || !sli[field].includes(SLI_WINDOW_PLACEHOLDER)) add(`sli.${field}`, sli[field], `PromQL with ${SLI_WINDOW_PLACEHOLDER} as the rate window`);
      }
    } else if (sli?.kind === 'bool-gauge') {
      if (typeof sli.selector !== 'string' || !/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})?$/s.test(sli.selector.trim())) add('sli.selector', sli.selector, 'a series selector, e.g. probe_success{job="x"}');
    } else {
      add('sli.kind', (sli as { kind?: unknown } | undefined)?.kind, '"events" or "bool-gauge"');
    }
    if (spec.pageSupersededBy) {
      if (typeof spec.pageSupersededBy.alert !== 'string' || !ALERT_NAME_PATTERN.test(spec.pageSupersededBy.alert)) add('pageSupersededBy.alert', spec.pageSupersededBy.alert, 'the CamelCase name of an alert, e.g. "PythPriceFeedStale"');
      if (!Array.isArray(spec.pageSupersededBy.on) || spec.pageSupersededBy.on.length === 0 || spec.pageSupersededBy.on.some((label) => !LABEL_NAME_PATTERN.test(label))) {
        add('pageSupersededBy.on', spec.pageSupersededBy.on, 'one or more label names both alerts carry, e.g. ["symbol"]');
      }
    }
    for (const name of Object.keys(spec.labels ?? {})) {
      if (!LABEL_NAME_PATTERN.test(name) || RESERVED_SLO_LABELS.includes(name)) add(`labels.${name}`, name, `a label name other than ${RESERVED_SLO_LABELS.join(', ')}`);
    }
  });
  if (problems.length > 0) throw new Error(`Invalid service level objectives (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
}
