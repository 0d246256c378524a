import { Duration } from '../../constructs/core/duration';
import { renderSloRules } from '../../constructs/slo/render-slo-rules';
import { alertsOf } from '../alerting/promtool/rendered-alerts';
import type { AlertRuleCase, InputSeries } from '../alerting/promtool/rule-test-case';
import { runRuleCases, writeRulesFile } from '../alerting/promtool/rules-file';
import { runTool } from '../support/tools';
import { API_SLO } from './fixtures';

// The burn-rate arithmetic under promtool: counters of a payments API sampled every minute, the rules of API_SLO
// (99.9 % over 30 days, so 14.4x is 1.44 % errors and 1x is 0.1 %).
const { rulesFile } = renderSloRules([API_SLO], { environment: 'prod', name: 'slo-payments-api', namespace: 'payments' });
const PAGE = 'PaymentsApiAvailabilityErrorBudgetBurn';
const TICKET = 'PaymentsApiAvailabilityErrorBudgetSlowBurn';
const NO_DATA = 'PaymentsApiAvailabilityNoData';
const at = (minutes: number, seconds = 30) => Duration.seconds(minutes * 60 + seconds);

/** Request counters: `good` and `bad` per minute, each as a list of [minutes, per-minute increase] phases. */
function requests(phases: ReadonlyArray<{ minutes: number; good: number; bad: number }>): InputSeries[] {
  const values = (pick: 'good' | 'bad') => {
    let total = 0;
    const samples = ['0'];
    for (const phase of phases) for (let i = 0; i < phase.minutes; i++) samples.push(String((total += phase[pick])));
    return samples.join(' ');
  };
  return [
    { series: 'http_requests_total{job="payments-api",code="200"}', values: values('good') },
    { series: 'http_requests_total{job="payments-api",code="500"}', values: values('bad') },
  ];
}

const CASES: AlertRuleCase[] = [
  {
    name: 'a 20x burn (2 % errors) pages within minutes',
    alert: PAGE,
    at: at(5),
    series: requests([{ minutes: 10, good: 9800, bad: 200 }]),
    firing: [{ labels: {}, value: 0.02 }],
  },
  {
    // Recordings and alerts are separate groups, evaluated in either order: keep one evaluation of slack.
    name: 'a total outage after an hour of health pages within 7 minutes',
    alert: PAGE,
    at: at(66),
    series: requests([{ minutes: 60, good: 10000, bad: 0 }, { minutes: 10, good: 0, bad: 10000 }]),
    firing: [{ labels: {}, value: 1 }],
  },
  {
    name: 'a healthy hour pages nobody',
    alert: PAGE,
    at: at(59),
    series: requests([{ minutes: 60, good: 10000, bad: 0 }, { minutes: 10, good: 0, bad: 10000 }]),
    firing: [],
  },
  {
    name: 'after recovery the page resolves once the 30m window is clean',
    alert: PAGE,
    at: at(105),
    series: requests([{ minutes: 60, good: 10000, bad: 0 }, { minutes: 10, good: 0, bad: 10000 }, { minutes: 50, good: 10000, bad: 0 }]),
    firing: [],
  },
  {
    name: 'a 1.2x burn never pages',
    alert: PAGE,
    at: at(150),
    series: requests([{ minutes: 160, good: 9988, bad: 12 }]),
    firing: [],
  },
  {
    name: 'a 1.2x burn opens a ticket',
    alert: TICKET,
    at: at(20),
    series: requests([{ minutes: 30, good: 9988, bad: 12 }]),
    firing: [{ labels: {}, value: 0.0012 }],
  },
  {
    name: 'a 0.8x burn opens no ticket',
    alert: TICKET,
    at: at(20),
    series: requests([{ minutes: 30, good: 9992, bad: 8 }]),
    firing: [],
  },
  {
    // Without the guard this pages from 55m or 56m (the 5m and 1h ratios are 100 % and 33 %).
    name: 'low traffic: one failed request out of three in an hour pages nobody',
    alert: PAGE,
    at: at(57),
    series: requests([{ minutes: 20, good: 0, bad: 0 }, { minutes: 1, good: 1, bad: 0 }, { minutes: 20, good: 0, bad: 0 }, { minutes: 1, good: 1, bad: 0 }, { minutes: 10, good: 0, bad: 0 }, { minutes: 1, good: 0, bad: 1 }, { minutes: 10, good: 0, bad: 0 }]),
    firing: [],
  },
  {
    name: 'no SLI data for 10m raises the no-data alert',
    alert: NO_DATA,
    at: at(11),
    series: [{ series: 'unrelated_metric', values: '1x15' }],
    firing: [{ labels: {}, value: 1 }],
  },
  {
    name: 'an SLI with data is not "no data"',
    alert: NO_DATA,
    at: at(11),
    series: requests([{ minutes: 15, good: 100, bad: 0 }]),
    firing: [],
  },
];

test('promtool test rules: pages, tickets, recovery, the traffic guard and no data behave as specified', () => {
  const result = runRuleCases(rulesFile, CASES, 'slo.test.yaml');
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
});

test('promtool check rules passes with lint fatal', () => {
  const result = runTool('promtool', ['check', 'rules', '--lint=all', '--lint-fatal', writeRulesFile(rulesFile)]);
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
});

test('every alert has a firing and a non-firing case', () => {
  for (const { rule } of alertsOf(rulesFile)) {
    expect({ alert: rule.alert, firing: CASES.some((c) => c.alert === rule.alert && c.firing.length > 0), silent: CASES.some((c) => c.alert === rule.alert && c.firing.length === 0) }).toEqual({
      alert: rule.alert,
      firing: true,
      silent: true,
    });
  }
});
