import { Duration } from '../core/duration';
import { BURN_RATE_ALERTS, burnFactor, DEFAULT_SLO_WINDOW, SLO_LABELS, SLO_SERIES } from '../slo/render-slo-rules';
import type { SloWindow } from '../slo/slo-spec';
import { FEEDOPS_DASHBOARD_TAGS } from './dashboard-tags';
import type { DashboardModel, DashboardRow } from './dashboard-model';
import { environmentOption, optionFailure } from './dashboard-options';

export const SLO_DASHBOARD_UID = 'feedops-slos';
export const SLO_REFRESH = Duration.minutes(1);
export const SLO_TIME_RANGE = Duration.hours(24);

export interface SloDashboardOptions {
  /** The environment this Grafana belongs to; a tag and the title. */
  readonly environment: string;
  /** Window of the SLOs shown; the burn-rate lines are computed for it. @default '30d' */
  readonly window?: SloWindow;
}

/**
 * "Service level objectives": for every SLO rendered by the SLO construct (any team's, selected by `slo_id`), the
 * error budget left in its window, the current burn rate and the burn rates the alerts compare, with the page
 * and ticket factors drawn from the same table the alerts use.
 */
export function sloDashboard(options: SloDashboardOptions): DashboardModel {
  const fail = optionFailure('SLO');
  const environment = environmentOption(fail, options.environment);
  const window = options.window ?? DEFAULT_SLO_WINDOW;
  const selected = `{${SLO_LABELS.id}=~"$slo"}`;
  const [pageFast, pageSlow] = BURN_RATE_ALERTS.filter((a) => a.severity === 'page').map((a) => burnFactor(a.budgetPercent, a.long, window));
  const [ticketFast, ticketSlow] = BURN_RATE_ALERTS.filter((a) => a.severity === 'ticket').map((a) => burnFactor(a.budgetPercent, a.long, window));

  const overview: DashboardRow = {
    title: 'Error budgets',
    panels: [
      {
        kind: 'table',
        title: 'Objectives',
        description: `Budget left: the share of the ${window} error budget not yet spent (below 0: the objective is missed). Burn: how many times faster than the budget allows errors happen now (5m).`,
        width: 24,
        height: 10,
        queries: [
          { expr: `${SLO_SERIES.objective}${selected}`, legend: 'objective' },
          { expr: `${SLO_SERIES.budgetRemaining}${selected}`, legend: 'budget left' },
          { expr: `${SLO_SERIES.currentBurnRate}${selected}`, legend: 'burn (5m)' },
        ],
        columnNames: { [SLO_LABELS.id]: 'SLO', [SLO_LABELS.service]: 'Service', [SLO_LABELS.name]: 'Objective' },
        thresholds: { base: 'red', steps: [{ from: 0, color: 'orange' }, { from: 0.25, color: 'green' }] },
      },
    ],
  };
  const burn: DashboardRow = {
    title: 'Burn rates',
    panels: [
      {
        kind: 'timeseries',
        title: 'Error budget left',
        width: 12,
        unit: 'percentunit',
        queries: [{ expr: `${SLO_SERIES.budgetRemaining}${selected}`, legend: `{{${SLO_LABELS.id}}}` }],
        thresholds: { base: 'red', steps: [{ from: 0, color: 'green' }] },
      },
      {
        kind: 'timeseries',
        title: 'Burn rate by alert window',
        description: `Pages at ${pageFast}x (1h and 5m) or ${pageSlow}x (6h and 30m); tickets at ${ticketFast}x (1d and 2h) or ${ticketSlow}x (3d and 6h).`,
        width: 12,
        logScale: true,
        queries: BURN_RATE_ALERTS.map((a) => ({
          expr: `${SLO_SERIES.errorRatio(a.long)}${selected} / on (${SLO_LABELS.id}) group_left ${SLO_SERIES.errorBudget}${selected}`,
          legend: `{{${SLO_LABELS.id}}} ${a.long}`,
        })),
        thresholds: { base: 'green', steps: [{ from: ticketFast, color: 'orange' }, { from: pageFast, color: 'red' }] },
      },
    ],
  };
  return {
    uid: SLO_DASHBOARD_UID,
    title: `Service level objectives (${environment})`,
    description: 'Error budgets and burn rates of every SLO rendered by the feedops SLO construct.',
    tags: [...FEEDOPS_DASHBOARD_TAGS, 'slo', environment],
    refresh: SLO_REFRESH,
    timeRange: SLO_TIME_RANGE,
    variables: [{ kind: 'label-values', name: 'slo', label: 'SLO', selector: SLO_SERIES.objective, labelName: SLO_LABELS.id, multi: true, includeAll: true }],
    rows: [overview, burn],
  };
}
