// Freshness SLOs of feeds whose market closes, under promtool: prod's recorded SLI inputs (market clock included)
// and the SLO rules of an equity feed and a crypto feed, fed observer staleness minute by minute. promtool starts
// at the Unix epoch: Thursday 1 January 1970, when New York is on standard time (UTC-5), so NYSE opens at 14:30 UTC.
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { renderRules } from '../../constructs/alerting/rules/render-rules';
import { Duration } from '../../constructs/core/duration';
import { renderSloRules, SLO_SERIES } from '../../constructs/slo/render-slo-rules';
import { delivery, ENVIRONMENTS } from '../../environments';
import { validateEnvironments } from '../../environments/validate';
import { feedopsSloSpecs, freshnessFeeds, sloInputRuleGroups } from '../../stacks/feedops-slos';
import { renderRuleTests } from '../alerting/promtool/render-rule-tests';
import type { AlertRuleCase, InputSeries } from '../alerting/promtool/rule-test-case';
import { rulesWithInputs } from '../alerting/promtool/per-alert-rule-tests';
import { writeRulesFile } from '../alerting/promtool/rules-file';
import { runTool } from '../support/tools';

const env = validateEnvironments(ENVIRONMENTS, delivery).environments.find((e) => e.name === 'prod')!;
const EQUITY = 'Equity.US.AAPL/USD';
const CRYPTO = 'Crypto.BTC/USD';
const specs = feedopsSloSpecs(env, 'monitors').filter((spec) => spec.labels?.symbol === EQUITY || spec.labels?.symbol === CRYPTO);
const inputs = renderRules(sloInputRuleGroups(env), { environment: 'prod', name: 'feedops-slo-inputs', namespace: 'monitors' }).rulesFile;
const slos = renderSloRules(specs, { environment: 'prod', name: 'slo-price-feeds', namespace: 'monitors' }).rulesFile;
const rulesFile = { groups: [...inputs.groups, ...slos.groups] };
const PAGE = 'PythPriceFeedFreshnessErrorBudgetBurn';
const TICKET = 'PythPriceFeedFreshnessErrorBudgetSlowBurn';
const idOf = (symbol: string) => specs.find((spec) => spec.labels?.symbol === symbol)!;
const sloId = (symbol: string) => `${idOf(symbol).namespace}/${idOf(symbol).service}/${idOf(symbol).name}`;
const alertsOf = (symbol: string) => `slo-alerts-${sloId(symbol).replace(/\//g, '-')}`;

// Minutes since the epoch: Thursday 00:00 UTC is Wednesday 19:00 in New York, after the close; NYSE opens at 14:30 UTC.
const OPEN = 14 * 60 + 30;
const FRESH = 5;
const STALE = 90_000;
const at = (minutes: number) => Duration.seconds(minutes * 60 + 30);

/** Staleness of `symbol`, one sample a minute: each phase is [minutes, slots]. */
function staleness(symbol: string, assetType: string, phases: ReadonlyArray<readonly [number, number]>): InputSeries {
  return {
    series: `pyth_observer_price_feed_staleness_slots{job="pyth-observer",symbol="${symbol}",asset_type="${assetType}"}`,
    values: phases.map(([minutes, slots]) => `${slots}x${minutes - 1}`).join(' '),
  };
}
/** Stale all night while the market is closed (what a closed market's staleness does), then `afterOpen` for 90 minutes. */
const equityNight = (afterOpen: number): InputSeries[] => [staleness(EQUITY, 'Equity', [[OPEN, STALE], [90, afterOpen]])];
/**
 * A 24/7 feed stale from the start of the same night. Its cases are checked three hours in (the slowest window an
 * alert needs, the slow burn's 2h, plus its `for`), not at the open: each minute simulated costs promtool an evaluation
 * of every rule.
 */
const CRYPTO_NIGHT = 3 * 60;
const cryptoNight: InputSeries[] = [staleness(CRYPTO, 'Crypto', [[CRYPTO_NIGHT, STALE]])];
/** PythPriceFeedStale firing for `symbol` for `minutes`, as Prometheus records it in ALERTS. */
const staleAlertFiring = (symbol: string, minutes: number): InputSeries => ({
  series: `ALERTS{alertname="PythPriceFeedStale",alertstate="firing",severity="critical",symbol="${symbol}"}`,
  values: `1x${minutes - 1}`,
});

const CASES: AlertRuleCase[] = [
  { name: 'a closed market burns no budget: an equity feed stale all night pages nobody', alert: PAGE, at: at(OPEN - 10), series: equityNight(FRESH), firing: [] },
  { name: 'a closed market opens no ticket either', alert: TICKET, at: at(OPEN - 10), series: equityNight(FRESH), firing: [] },
  { name: 'a feed that opens fresh pages nobody', alert: PAGE, at: at(OPEN + 60), series: equityNight(FRESH), firing: [] },
  { name: 'a stale equity feed during market hours pages', alert: PAGE, group: alertsOf(EQUITY), at: at(OPEN + 30), series: equityNight(STALE), firing: [{ labels: {}, value: 1 }] },
  // The contrast: the same night burns a 24/7 feed's budget (and pages within its first hours).
  { name: 'a crypto feed stale at night pages', alert: PAGE, group: alertsOf(CRYPTO), at: at(CRYPTO_NIGHT - 1), series: cryptoNight, firing: [{ labels: {}, value: 1 }] },
  // The same night with PythPriceFeedStale paging for it (Prometheus' ALERTS series): one incident, one page.
  { name: 'a feed PythPriceFeedStale paged for does not page again for its budget', alert: PAGE, group: alertsOf(CRYPTO), at: at(CRYPTO_NIGHT - 1), series: [...cryptoNight, staleAlertFiring(CRYPTO, CRYPTO_NIGHT)], firing: [] },
  { name: 'its slow-burn ticket still opens', alert: TICKET, group: alertsOf(CRYPTO), at: at(CRYPTO_NIGHT - 1), series: [...cryptoNight, staleAlertFiring(CRYPTO, CRYPTO_NIGHT)], firing: [{ labels: {}, value: 1 }] },
  { name: 'a Stale page for another feed does not hide this one', alert: PAGE, group: alertsOf(CRYPTO), at: at(CRYPTO_NIGHT - 1), series: [...cryptoNight, staleAlertFiring('Crypto.ETH/USD', CRYPTO_NIGHT)], firing: [{ labels: {}, value: 1 }] },
];

/** Recorded SLO series at an instant (promtool's promql_expr_test). */
const EXPRESSIONS = [
  {
    name: 'while its market is closed the equity feed records no SLI sample at all',
    expr: `count_over_time(feedops:pyth_price_feed_fresh:bool{symbol="${EQUITY}"}[${OPEN - 1}m])`,
    minutes: OPEN - 1,
    samples: [],
    series: equityNight(FRESH),
  },
  {
    name: 'an hour after a fresh open the equity feed has its whole 30-day budget left: the stale night does not count',
    expr: `count(${SLO_SERIES.budgetRemaining}{slo_id="${sloId(EQUITY)}"} == 1)`,
    minutes: OPEN + 60,
    samples: [{ labels: '{}', value: 1 }],
    series: equityNight(FRESH),
  },
  {
    name: 'an hour of stale trading spends budget',
    expr: `count(${SLO_SERIES.budgetRemaining}{slo_id="${sloId(EQUITY)}"} < 0.9)`,
    minutes: OPEN + 60,
    samples: [{ labels: '{}', value: 1 }],
    series: equityNight(STALE),
  },
];

test('the equity feed counts only its market hours, the crypto feed every minute', () => {
  const feeds = freshnessFeeds(env);
  expect(feeds.find((feed) => feed.symbol === EQUITY)?.tradingHours?.assetType).toBe('Equity');
  expect(feeds.find((feed) => feed.symbol === CRYPTO)?.tradingHours).toBeUndefined();
  // Every feed of the model has a freshness SLO, whatever its asset type.
  expect(feeds.map((feed) => feed.symbol).sort()).toEqual(Object.keys(env.priceFeeds.feeds).sort());
});

/** The feed an input history is about: the symbol of its staleness series. */
const symbolOf = (series: readonly InputSeries[]) => /symbol="([^"]+)"/.exec(series.find((input) => input.series.startsWith('pyth_observer_price_feed_staleness_slots'))!.series)![1];

test('promtool test rules: a closed market burns no budget, a stale feed in market hours burns it', () => {
  const rulesPath = writeRulesFile(rulesFile);
  const directory = path.dirname(rulesPath);
  const rendered = renderRuleTests(rulesFile, path.basename(rulesPath), CASES);
  // One promtool test group per input history (each group evaluates every rule from the epoch): cases and
  // expression checks over the same series share it.
  const groups = new Map<string, (typeof rendered.tests)[number] & { promql_expr_test: unknown[] }>();
  const groupOf = (name: string, series: readonly InputSeries[]) => {
    const key = JSON.stringify(series);
    const group = groups.get(key) ?? { name: '', interval: '1m', input_series: series.map(({ series: s, values }) => ({ series: s, values })), alert_rule_test: [], promql_expr_test: [] };
    group.name = group.name ? `${group.name}; ${name}` : name;
    groups.set(key, group);
    return group;
  };
  CASES.forEach((testCase, index) => groupOf(testCase.name, testCase.series).alert_rule_test.push(...rendered.tests[index].alert_rule_test));
  for (const e of EXPRESSIONS) groupOf(e.name, e.series).promql_expr_test.push({ expr: e.expr, eval_time: at(e.minutes).toPrometheus(), exp_samples: e.samples });
  // Each feed's histories run with its own rules and what they read (for the equity feed, the market clock): the
  // other feed's rules cannot change its verdicts, and each of them costs an evaluation at every simulated minute.
  const testFiles = [EQUITY, CRYPTO].map((symbol) => {
    const slug = symbol.replace(/[^A-Za-z0-9]+/g, '-');
    const rulesName = `${slug}.rules.yaml`;
    const feedRules = rulesWithInputs(rulesFile, (rule) => rule.labels?.symbol === symbol);
    fs.writeFileSync(path.join(directory, rulesName), stringify(feedRules, { lineWidth: 0 }));
    const tests = { ...rendered, rule_files: [rulesName], tests: [...groups].filter(([key]) => symbolOf(JSON.parse(key)) === symbol).map(([, group]) => group) };
    expect(tests.tests.length).toBeGreaterThan(0);
    // promtool passes "no alert" for an alert missing from the file: every alert a case checks must be in the subset.
    const alertsInSubset = new Set(feedRules.groups.flatMap((group) => group.rules).flatMap((rule) => ('alert' in rule ? [rule.alert] : [])));
    const checked = tests.tests.flatMap((group) => group.alert_rule_test.map((alertTest: { alertname: string }) => alertTest.alertname));
    expect(checked.filter((alert) => !alertsInSubset.has(alert))).toEqual([]);
    const testsName = `${slug}.test.yaml`;
    fs.writeFileSync(path.join(directory, testsName), stringify(tests, { lineWidth: 0 }));
    return testsName;
  });
  const result = runTool('promtool', ['test', 'rules', ...testFiles], { cwd: directory });
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
  fs.rmSync(directory, { recursive: true, force: true });
});

test('only feeds that trade around the clock have a no-data alert: a closed market has no samples by design', () => {
  const noData = slos.groups.flatMap((group) => group.rules).filter((rule) => 'alert' in rule && rule.alert === 'PythPriceFeedFreshnessNoData');
  expect(noData.map((rule) => ('labels' in rule ? rule.labels?.symbol : undefined))).toEqual([CRYPTO]);
});
