import { priceFeedRuleGroups, renderPriceFeedRules } from '../../../constructs/price-feeds/rules/price-feed-rules';
import { STALE_FOR_BELOW_MINIMUM_BECAUSE } from '../../../constructs/price-feeds/pending-for';
import type { ResolvedPriceFeeds } from '../../../constructs/price-feeds/resolve';
import { OBSERVER_METRIC_FAMILIES } from '../../../constructs/price-feeds/observer/observer-metrics';
import type { RenderedAlertingRule } from '../../../constructs/alerting/rules/render-rules';
import { runTool } from '../../support/tools';
import { kubernetesSchemaProblems } from '../../support/kubernetes-schema';
import { alertsOf, metricNamesIn } from '../../alerting/promtool/rendered-alerts';
import { writeRulesFile } from '../../alerting/promtool/rules-file';
import { DEV_CONFIG, DEV_FEEDS, feedSetConfig, FEED_SETS, PROD_FEEDS, resolveFeedSet, STAGING_FEEDS } from '../fixtures';

const OPTION_SET_NAMES = Object.keys(FEED_SETS);
const render = (options: ResolvedPriceFeeds) => renderPriceFeedRules(options);
const alertsFor = (name: string) => alertsOf(render(FEED_SETS[name]).rulesFile);
const toSeconds = (duration: string) =>
  [...duration.matchAll(/(\d+)([hms])/g)].reduce((total, [, amount, unit]) => total + Number(amount) * { h: 3600, m: 60, s: 1 }[unit as 'h' | 'm' | 's'], 0);

/** Counters: a labelled counter has no series until its first event, so a missing one is a count of zero. */
const COUNTERS = new Set(OBSERVER_METRIC_FAMILIES.filter((family) => family.type === 'counter').map((family) => family.name));

/**
 * The metric families of an expression whose missing series would silence it: not those only on the right of
 * `unless` (a missing series there lets the alert through), nor counters (no series is zero events, and an alert on
 * events rightly stays quiet without them).
 */
function familiesThatSilenceWhenMissing(expr: string): string[] {
  return metricNamesIn(withoutUnlessOperands(expr)).filter((family) => !COUNTERS.has(family));
}

/** The expression with every `unless [on (...)] ( ... )` cut out; an unparenthesised right operand is refused. */
function withoutUnlessOperands(expr: string): string {
  const unless = /\bunless\b(\s+(on|ignoring)\s*\([^)]*\))?\s*/g;
  let result = '';
  let from = 0;
  for (let match = unless.exec(expr); match; match = unless.exec(expr)) {
    const open = match.index + match[0].length;
    if (expr[open] !== '(') throw new Error(`write the right operand of unless in parentheses: ${expr.slice(match.index, match.index + 80)}`);
    let depth = 0;
    let close = open;
    for (; close < expr.length; close++) {
      if (expr[close] === '(') depth++;
      if (expr[close] === ')' && --depth === 0) break;
    }
    result += expr.slice(from, match.index);
    from = close + 1;
    unless.lastIndex = from;
  }
  return result + expr.slice(from);
}

function findAlert(options: ResolvedPriceFeeds, alert: string, group?: string): RenderedAlertingRule {
  const found = alertsOf(render(options).rulesFile).find((entry) => entry.rule.alert === alert && (group === undefined || entry.group === group));
  if (!found) throw new Error(`alert ${alert} not rendered`);
  return found.rule;
}

describe.each(OPTION_SET_NAMES)('price-feed rules for %s', (name) => {
  test('promtool check rules passes with every lint fatal', () => {
    const result = runTool('promtool', ['check', 'rules', '--lint=all', '--lint-fatal', writeRulesFile(render(FEED_SETS[name]).rulesFile)]);
    expect(result).toMatchObject({ status: 0 });
  });

  test('the PrometheusRule spec deep-equals the rules file promtool checked', () => {
    const rendered = render(FEED_SETS[name]);
    expect(rendered.prometheusRule.spec).toEqual(rendered.rulesFile);
  });

  test('the PrometheusRule passes the prometheus-operator schema', () => {
    expect(kubernetesSchemaProblems([render(FEED_SETS[name]).prometheusRule])).toEqual([]);
  });

  test('every alert name is CamelCase', () => {
    expect(alertsFor(name).map(({ rule }) => rule.alert).filter((alert) => !/^[A-Z][a-zA-Z0-9]*$/.test(alert))).toEqual([]);
  });

  test('every alert has severity critical, warning or info', () => {
    expect(alertsFor(name).filter(({ rule }) => !['critical', 'warning', 'info'].includes(rule.labels.severity)).map(({ rule }) => rule.alert)).toEqual([]);
  });

  test('every alert has a summary and a description', () => {
    expect(alertsFor(name).filter(({ rule }) => !rule.annotations.summary?.trim() || !rule.annotations.description?.trim()).map(({ rule }) => rule.alert)).toEqual([]);
  });

  test('every alert links an https runbook named after the alert', () => {
    const wrong = alertsFor(name).filter(({ rule }) => !rule.annotations.runbook_url.startsWith('https://') || !rule.annotations.runbook_url.endsWith(`/${rule.alert}.md`));
    expect(wrong.map(({ rule }) => `${rule.alert}: ${rule.annotations.runbook_url}`)).toEqual([]);
  });

  test('every alert except the Watchdog waits at least 1m, unless its rule says why its expression already waits (only PythPriceFeedStale)', () => {
    const hasty = alertsFor(name).filter(({ rule }) => rule.alert !== 'Watchdog' && (rule.for === undefined || toSeconds(rule.for) < 60));
    const reasons = new Map(
      priceFeedRuleGroups(FEED_SETS[name]).flatMap((group) => group.rules.flatMap((rule) => ('alert' in rule && rule.forBelowMinimumBecause ? [[rule.alert, rule.forBelowMinimumBecause]] : []))) as Array<[string, string]>,
    );
    expect([...new Set(hasty.map(({ rule }) => `${rule.alert}: ${reasons.get(rule.alert) ?? 'no reason'}`))]).toEqual(
      hasty.length === 0 ? [] : [`PythPriceFeedStale: ${STALE_FOR_BELOW_MINIMUM_BECAUSE}`],
    );
  });

  test('every alert carries the environment and the team', () => {
    const environment = FEED_SETS[name].environment;
    const unlabelled = alertsFor(name).filter(({ rule }) => rule.labels.environment !== environment || rule.labels.team !== 'price-feeds');
    expect(unlabelled.map(({ rule }) => rule.alert)).toEqual([]);
  });

  test('a Watchdog exists, fires on vector(1) and is marked as the heartbeat', () => {
    const watchdogs = alertsFor(name).filter(({ rule }) => rule.alert === 'Watchdog');
    expect(watchdogs.map(({ rule }) => ({ expr: rule.expr, heartbeat: rule.labels.heartbeat }))).toEqual([{ expr: 'vector(1)', heartbeat: 'true' }]);
  });

  test('every metric family whose missing series would silence a critical alert has an absent() companion', () => {
    const alerts = alertsFor(name);
    const critical = alerts.filter(({ rule }) => rule.labels.severity === 'critical');
    const families = [...new Set(critical.flatMap(({ rule }) => familiesThatSilenceWhenMissing(rule.expr)))];
    // A label-less gauge exists (as 0) whenever its target is scraped: its companion is the absent() of the target.
    const labelless = new Set(OBSERVER_METRIC_FAMILIES.filter((family) => family.type === 'gauge' && family.labels.length === 0).map((family) => family.name));
    const hasCompanion = (family: string) =>
      alerts.some(({ rule }) => new RegExp(`absent\\(${labelless.has(family) ? 'up' : family}[{)]`).test(rule.expr));
    const uncovered = families.filter((family) => !hasCompanion(family));
    expect(families.length).toBeGreaterThan(0);
    expect(uncovered).toEqual([]);
  });

  test('every configured feed has absent() companions for the critical feed metrics', () => {
    const alerts = alertsFor(name);
    const feeds = FEED_SETS[name].feeds.map((feed) => feed.symbol);
    const critical = alerts.filter(({ rule }) => rule.labels.severity === 'critical');
    const feedFamilies = [...new Set(critical.flatMap(({ rule }) => familiesThatSilenceWhenMissing(rule.expr)).filter((family) => family.startsWith('pyth_observer_price_feed_')))];
    const missing = feeds.flatMap((symbol) =>
      feedFamilies.filter((family) => !alerts.some(({ rule }) => rule.expr.includes(`absent(${family}{`) && rule.expr.includes(`symbol="${symbol}"})`))).map((family) => `${symbol} ${family}`),
    );
    expect(missing).toEqual([]);
  });

  test('every per-feed alert carries the asset_type of its group', () => {
    const perFeed = alertsFor(name).filter(({ group }) => group.startsWith('pyth-price-feeds-'));
    const expected: Record<string, string> = {
      'pyth-price-feeds-crypto': 'Crypto',
      'pyth-price-feeds-crypto-stale': 'Crypto',
      'pyth-price-feeds-equity': 'Equity',
      'pyth-price-feeds-equity-stale': 'Equity',
      'pyth-price-feeds-fx': 'FX',
      'pyth-price-feeds-fx-stale': 'FX',
      'pyth-price-feeds-metal': 'Metal',
      'pyth-price-feeds-metal-stale': 'Metal',
    };
    expect(perFeed.length).toBeGreaterThan(0);
    expect(perFeed.filter(({ group, rule }) => rule.labels.asset_type !== expected[group]).map(({ rule }) => rule.alert)).toEqual([]);
  });
});

describe('price-feed rule pack', () => {
  test('has an observer group, two groups per asset type with feeds (its alerts, its stale alert) and the heartbeat group', () => {
    expect(priceFeedRuleGroups(PROD_FEEDS).map((group) => group.name)).toEqual([
      'pyth-observer',
      'pyth-price-feeds-crypto',
      'pyth-price-feeds-crypto-stale',
      'pyth-price-feeds-equity',
      'pyth-price-feeds-equity-stale',
      'pyth-price-feeds-fx',
      'pyth-price-feeds-fx-stale',
      'pyth-price-feeds-metal',
      'pyth-price-feeds-metal-stale',
      'feedops-heartbeat',
    ]);
  });

  test("the stale alert is alone in its asset type's stale group, evaluated every 5s; the other groups keep Prometheus' interval", () => {
    const groups = render(PROD_FEEDS).rulesFile.groups;
    const stale = groups.filter((group) => group.name.endsWith('-stale'));
    expect(stale.map((group) => ({ interval: group.interval, alerts: group.rules.map((rule) => ('alert' in rule ? rule.alert : rule.record)) }))).toEqual(
      Array(4).fill({ interval: '5s', alerts: ['PythPriceFeedStale'] }),
    );
    expect(groups.filter((group) => !group.name.endsWith('-stale') && group.interval !== undefined)).toEqual([]);
  });

  test('an asset type without feeds gets no group', () => {
    expect(priceFeedRuleGroups(DEV_FEEDS).map((group) => group.name)).not.toContain('pyth-price-feeds-equity');
  });

  test('feed alerts keep one alert per symbol by aggregating over observer replicas', () => {
    expect(findAlert(DEV_FEEDS, 'PythPriceFeedStale').expr).toMatch(/^max by \(symbol\) \(/);
  });

  test('staleness defaults to 120 slots', () => {
    expect(findAlert(DEV_FEEDS, 'PythPriceFeedStale').expr).toMatch(/\) > 120$/);
  });

  test('an asset-type staleness limit replaces the default', () => {
    expect(findAlert(STAGING_FEEDS, 'PythPriceFeedStale', 'pyth-price-feeds-crypto-stale').expr).toMatch(/\) > 150$/);
  });

  test('a per-feed staleness limit gets its own term', () => {
    expect(findAlert(PROD_FEEDS, 'PythPriceFeedStale', 'pyth-price-feeds-fx-stale').expr).toContain('symbol="FX.USD/HKD"}) > 10000');
  });

  test('stale feeds fire at the first evaluation past the limit by default, and keep firing 2m', () => {
    expect(findAlert(DEV_FEEDS, 'PythPriceFeedStale')).toMatchObject({ for: '0s', keep_firing_for: '2m' });
  });

  test('an asset type may change how long stale feeds wait', () => {
    expect(findAlert(STAGING_FEEDS, 'PythPriceFeedStale', 'pyth-price-feeds-crypto-stale').for).toBe('3m');
  });

  test('stale and not-trading feeds are critical', () => {
    expect([findAlert(DEV_FEEDS, 'PythPriceFeedStale'), findAlert(DEV_FEEDS, 'PythPriceFeedNotTrading')].map((rule) => rule.labels.severity)).toEqual(['critical', 'critical']);
  });

  test('symbols are matched exactly: regex dots are escaped', () => {
    expect(findAlert(DEV_FEEDS, 'PythPriceFeedNotTrading').expr).toContain('symbol=~"Crypto\\\\.BTC/USD|Crypto\\\\.ETH/USD"');
  });

  test('deviation is compared in percent, 5 by default', () => {
    const expr = findAlert(DEV_FEEDS, 'PythPriceDeviationFromCoinGeckoHigh').expr;
    expect(expr).toContain('pyth_observer_price_deviation_from_coingecko_percent{job="pyth-observer",symbol=~"Crypto\\\\.BTC/USD|Crypto\\\\.ETH/USD"}) > 5');
  });

  test('deviation only counts while the CoinGecko price is younger than 10m', () => {
    expect(findAlert(DEV_FEEDS, 'PythPriceDeviationFromCoinGeckoHigh').expr).toContain('pyth_observer_coingecko_price_age_seconds{job="pyth-observer",symbol=~"Crypto\\\\.BTC/USD|Crypto\\\\.ETH/USD"}) < 600');
  });

  test('feeds without a CoinGecko id are not compared with CoinGecko', () => {
    const equityAlerts = alertsOf(render(STAGING_FEEDS).rulesFile).filter(({ group }) => group === 'pyth-price-feeds-equity').map(({ rule }) => rule.alert);
    expect(equityAlerts).not.toContain('PythPriceDeviationFromCoinGeckoHigh');
  });

  test('a feed of any asset type with a CoinGecko id is compared with CoinGecko', () => {
    const feeds = resolveFeedSet('dev', feedSetConfig({ 'Metal.XAU/USD': { coingeckoId: 'tether-gold' } }));
    expect(findAlert(feeds, 'PythPriceDeviationFromCoinGeckoHigh', 'pyth-price-feeds-metal').expr).toContain('symbol="Metal.XAU/USD"');
  });

  test('a Metal feed gets rules, with the asset_type Alertmanager mutes outside CME Globex hours', () => {
    const stale = findAlert(PROD_FEEDS, 'PythPriceFeedStale', 'pyth-price-feeds-metal-stale');
    expect(stale.expr).toContain('symbol="Metal.XAU/USD"}) > 120');
    expect(stale.labels.asset_type).toBe('Metal');
  });

  test('the confidence interval is compared with its own 6h median by default', () => {
    expect(findAlert(DEV_FEEDS, 'PythPriceConfidenceIntervalWide').expr).toContain('quantile_over_time(0.5, pyth_observer_price_feed_confidence_interval');
    expect(findAlert(DEV_FEEDS, 'PythPriceConfidenceIntervalWide').expr).toContain('[6h]) > 0)\n  ) > 10');
  });

  test('the confidence baseline window can be changed', () => {
    const feeds = resolveFeedSet('dev', { ...DEV_CONFIG, assetTypes: { Crypto: { confidenceBaseline: '24h' } } });
    expect(findAlert(feeds, 'PythPriceConfidenceIntervalWide').expr).toContain('[24h]');
  });

  test('each feed is held to its own minimum number of permissioned publishers', () => {
    expect(findAlert(PROD_FEEDS, 'PythPriceFeedPermissionedPublishersLow', 'pyth-price-feeds-crypto').expr).toContain('symbol="Crypto.SOL/USD"}) < 4');
  });

  test('a frozen feed is judged per replica against the loops it started: the products requests, read from exported_endpoint', () => {
    const expr = findAlert(PROD_FEEDS, 'PythPriceFeedMetricsFrozen', 'pyth-price-feeds-crypto').expr;
    expect(expr).toContain('pyth_observer_api_requests_total{job="pyth-observer",exported_service="pyth",exported_endpoint="products"}[3m]');
    // Only the staleness series and the slot can hide it when missing; each has its absent() companion.
    expect(familiesThatSilenceWhenMissing(expr)).toEqual(['pyth_observer_price_feed_staleness_slots', 'pyth_observer_latest_block_slot']);
  });

  test('the observer job defaults to pyth-observer', () => {
    expect(findAlert(DEV_FEEDS, 'PythObserverDown').expr).toBe('up{job="pyth-observer"} == 0');
  });

  test('RPC errors are read from exported_service by default (ServiceMonitor scrape)', () => {
    expect(findAlert(DEV_FEEDS, 'PythObserverNetworkDown').expr).toContain('exported_service="pyth"');
  });

  test('one observer replica down is a warning; no replica up pages', () => {
    expect(findAlert(PROD_FEEDS, 'PythObserverDown').labels.severity).toBe('warning');
    expect(findAlert(PROD_FEEDS, 'PythObserverAbsent').labels.severity).toBe('critical');
    expect(findAlert(PROD_FEEDS, 'PythObserverDown').annotations.description).not.toMatch(/no price-feed alert can fire/);
  });

  test('the observer that never refreshes and the observer that reports no feed each page once', () => {
    expect(findAlert(PROD_FEEDS, 'PythObserverNotRefreshing').expr).toBe('max by (job, instance) (pyth_observer_latest_block_slot{job="pyth-observer"}) == 0');
    expect(findAlert(PROD_FEEDS, 'PythObserverReportsNoFeeds').labels.severity).toBe('critical');
    expect(alertsOf(render(PROD_FEEDS).rulesFile).filter(({ rule }) => rule.expr.includes('absent(pyth_observer_latest_block_slot'))).toEqual([]);
  });

  test('the absent companion of the observer names its job', () => {
    expect(findAlert(DEV_FEEDS, 'PythObserverAbsent').labels.job).toBe('pyth-observer');
  });

  test('the Watchdog has severity info', () => {
    expect(findAlert(DEV_FEEDS, 'Watchdog').labels.severity).toBe('info');
  });

  test('the PrometheusRule is named pyth-price-feeds, in the feeds\' namespace', () => {
    expect(render(DEV_FEEDS).prometheusRule.metadata).toMatchObject({ name: 'pyth-price-feeds', namespace: 'monitoring' });
    expect(render(resolveFeedSet('dev', DEV_CONFIG, 'monitors')).prometheusRule.metadata).toMatchObject({ namespace: 'monitors' });
  });

  test('the same config renders the same rules whatever the order of feeds', () => {
    const reversed = resolveFeedSet('dev', feedSetConfig({ 'Crypto.ETH/USD': { coingeckoId: 'ethereum' }, 'Crypto.BTC/USD': { coingeckoId: 'bitcoin' } }));
    expect(render(reversed).rulesFile).toEqual(render(DEV_FEEDS).rulesFile);
  });
});
