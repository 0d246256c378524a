import type { RenderedAlertingRule, RenderedRecordingRule } from '../../constructs/alerting/rules/render-rules';
import { Runbook } from '../../constructs/alerting/rules/runbook';
import { renderSloRules } from '../../constructs/slo/render-slo-rules';
import type { ServiceLevelObjectiveSpec } from '../../constructs/slo/slo-spec';

/*
 * The numbers Sloth generates for its getting-started spec (slok/sloth, examples/getting-started.yml: service
 * "myservice", SLO "requests-availability", objective 99.9, default 30-day window), read from the generated rules
 * in examples/_gen/getting-started.yml and written here as data, not code:
 *   - SLI recordings `slo:sli_error:ratio_rate<w>` for 5m, 30m, 1h, 2h, 6h, 1d, 3d, and 30d as the mean of the 5m ratio;
 *   - `slo:objective:ratio` vector(0.9990000000000001), `slo:error_budget:ratio` vector(1-0.9990000000000001),
 *     `slo:time_period:days` vector(30);
 *   - page: (5m and 1h) > (14.4 * 0.0009999999999999432), or (30m and 6h) > (6 * 0.0009999999999999432);
 *   - ticket: (2h and 1d) > (3 * 0.0009999999999999432), or (6h and 3d) > (1 * 0.0009999999999999432).
 */
const SLOTH = {
  sliWindows: ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'],
  objective: 0.9990000000000001,
  errorBudget: 1 - 0.9990000000000001,
  periodDays: 30,
  page: [
    { short: '5m', long: '1h', factor: 14.4, budget: 0.0009999999999999432 },
    { short: '30m', long: '6h', factor: 6, budget: 0.0009999999999999432 },
  ],
  ticket: [
    { short: '2h', long: '1d', factor: 3, budget: 0.0009999999999999432 },
    { short: '6h', long: '3d', factor: 1, budget: 0.0009999999999999432 },
  ],
};

const spec: ServiceLevelObjectiveSpec = {
  namespace: 'default',
  service: 'myservice',
  name: 'requests-availability',
  description: 'Common SLO based on availability for HTTP request responses.',
  objectivePercent: 99.9,
  sli: {
    kind: 'events',
    goodQuery: 'sum(rate(http_request_duration_seconds_count{job="myservice",code!~"(5..|429)"}[{{window}}]))',
    totalQuery: 'sum(rate(http_request_duration_seconds_count{job="myservice"}[{{window}}]))',
  },
  alertName: 'MyServiceAvailability',
  team: 'myteam',
  runbook: Runbook.at('https://runbooks.example.com', 'MyServiceAvailability'),
};

const { rulesFile } = renderSloRules([spec], { environment: 'prod', name: 'slo-myservice', namespace: 'default' });
const rules = rulesFile.groups.flatMap((group) => group.rules);
const recordings = rules.filter((rule): rule is RenderedRecordingRule => 'record' in rule);
const alerts = rules.filter((rule): rule is RenderedAlertingRule => 'alert' in rule);
const vectorValue = (record: string) => {
  const expr = recordings.find((rule) => rule.record === record)!.expr;
  return Number(/^vector\((.+)\)$/.exec(expr)![1]);
};

/** (short window, long window, factor, budget) of each condition in an alert expression, in order. */
function conditions(expr: string) {
  const thresholds = [...expr.matchAll(/slo:sli_error:ratio_rate(\w+)\{[^}]*\} > \(([\d.]+) \* ([\d.]+)\)/g)].map((m) => ({ window: m[1], factor: Number(m[2]), budget: Number(m[3]) }));
  const pairs = [];
  for (let i = 0; i < thresholds.length; i += 2) {
    expect(thresholds[i + 1].factor).toBe(thresholds[i].factor);
    pairs.push({ short: thresholds[i].window, long: thresholds[i + 1].window, factor: thresholds[i].factor, budget: thresholds[i].budget });
  }
  return pairs;
}

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(1e-12);

test('records the error ratio over the same windows as Sloth, the window itself as the mean of the 5m ratio', () => {
  const windows = recordings.filter((r) => r.record.startsWith('slo:sli_error:ratio_rate')).map((r) => r.record.slice('slo:sli_error:ratio_rate'.length));
  expect(windows.sort()).toEqual([...SLOTH.sliWindows].sort());
  const period = recordings.find((r) => r.record === 'slo:sli_error:ratio_rate30d')!.expr;
  expect(period).toMatch(/^sum_over_time\(slo:sli_error:ratio_rate5m\{[^}]*\}\[30d\]\)\n\/ ignoring \(slo_window\)\ncount_over_time\(slo:sli_error:ratio_rate5m\{[^}]*\}\[30d\]\)$/);
});

test('objective, error budget and period match Sloth\'s metadata recordings', () => {
  close(vectorValue('slo:objective:ratio'), SLOTH.objective);
  close(vectorValue('slo:error_budget:ratio'), SLOTH.errorBudget);
  expect(vectorValue('slo:time_period:days')).toBe(SLOTH.periodDays);
});

test('the page alert uses Sloth\'s windows and burn factors: 14.4x over 5m and 1h, 6x over 30m and 6h', () => {
  const page = conditions(alerts.find((a) => a.labels.slo_severity === 'page')!.expr);
  expect(page.map(({ short, long, factor }) => ({ short, long, factor }))).toEqual(SLOTH.page.map(({ short, long, factor }) => ({ short, long, factor })));
  page.forEach((condition, i) => close(condition.factor * condition.budget, SLOTH.page[i].factor * SLOTH.page[i].budget));
});

test('the ticket alert uses Sloth\'s windows and burn factors: 3x over 2h and 1d, 1x over 6h and 3d', () => {
  const ticket = conditions(alerts.find((a) => a.labels.slo_severity === 'ticket')!.expr);
  expect(ticket.map(({ short, long, factor }) => ({ short, long, factor }))).toEqual(SLOTH.ticket.map(({ short, long, factor }) => ({ short, long, factor })));
  ticket.forEach((condition, i) => close(condition.factor * condition.budget, SLOTH.ticket[i].factor * SLOTH.ticket[i].budget));
});

test('a 28-day window spends the same budget shares, so its factors scale by 28/30', () => {
  const { rulesFile: file28 } = renderSloRules([{ ...spec, window: '28d' }], { environment: 'prod', name: 'slo-myservice', namespace: 'default' });
  const page = conditions((file28.groups.flatMap((g) => g.rules).find((r) => 'alert' in r && r.labels.slo_severity === 'page') as RenderedAlertingRule).expr);
  expect(page.map((c) => c.factor)).toEqual([13.44, 5.6]);
});
