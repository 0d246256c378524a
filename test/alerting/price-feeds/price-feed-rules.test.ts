import { Duration } from '../../../constructs/core/duration';
import { priceFeedRuleGroups, renderPriceFeedRules } from '../../../constructs/alerting/price-feeds/price-feed-rules';
import type { PriceFeedRuleOptions } from '../../../constructs/alerting/price-feeds/options';
import type { RenderedAlertingRule } from '../../../constructs/alerting/rules/render-rules';
import { runTool } from '../../support/tools';
import { kubernetesSchemaProblems } from '../../support/kubernetes-schema';
import { alertsOf, metricNamesIn } from '../promtool/rendered-alerts';
import { writeRulesFile } from '../promtool/rules-file';
import { DEV_OPTIONS, OPTION_SETS, PROD_OPTIONS, STAGING_OPTIONS } from './fixtures';

const OPTION_SET_NAMES = Object.keys(OPTION_SETS);
const render = (options: PriceFeedRuleOptions) => renderPriceFeedRules(options);
const alertsFor = (name: string) => alertsOf(render(OPTION_SETS[name]).rulesFile);
const toSeconds = (duration: string) =>
  [...duration.matchAll(/(\d+)([hms])/g)].reduce((total, [, amount, unit]) => total + Number(amount) * { h: 3600, m: 60, s: 1 }[unit as 'h' | 'm' | 's'], 0);

function findAlert(options: PriceFeedRuleOptions, alert: string, group?: string): RenderedAlertingRule {
  const found = alertsOf(render(options).rulesFile).find((entry) => entry.rule.alert === alert && (group === undefined || entry.group === group));
  if (!found) throw new Error(`alert ${alert} not rendered`);
  return found.rule;
}

describe.each(OPTION_SET_NAMES)('price-feed rules for %s', (name) => {
  test('promtool check rules passes with every lint fatal', () => {
    const result = runTool('promtool', ['check', 'rules', '--lint=all', '--lint-fatal', writeRulesFile(render(OPTION_SETS[name]).rulesFile)]);
    expect(result).toMatchObject({ status: 0 });
  });

  test('the PrometheusRule spec deep-equals the rules file promtool checked', () => {
    const rendered = render(OPTION_SETS[name]);
    expect(rendered.prometheusRule.spec).toEqual(rendered.rulesFile);
  });

  test('the PrometheusRule passes the prometheus-operator schema', () => {
    expect(kubernetesSchemaProblems([render(OPTION_SETS[name]).prometheusRule])).toEqual([]);
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

  test('every alert except the Watchdog waits at least 1m', () => {
    const hasty = alertsFor(name).filter(({ rule }) => rule.alert !== 'Watchdog' && (rule.for === undefined || toSeconds(rule.for) < 60));
    expect(hasty.map(({ rule }) => `${rule.alert} for ${rule.for}`)).toEqual([]);
  });

  test('every alert carries the environment and the team', () => {
    const environment = OPTION_SETS[name].environment;
    const unlabelled = alertsFor(name).filter(({ rule }) => rule.labels.environment !== environment || rule.labels.team !== 'price-feeds');
    expect(unlabelled.map(({ rule }) => rule.alert)).toEqual([]);
  });

  test('a Watchdog exists, fires on vector(1) and is marked as the heartbeat', () => {
    const watchdogs = alertsFor(name).filter(({ rule }) => rule.alert === 'Watchdog');
    expect(watchdogs.map(({ rule }) => ({ expr: rule.expr, heartbeat: rule.labels.heartbeat }))).toEqual([{ expr: 'vector(1)', heartbeat: 'true' }]);
  });

  test('every metric family read by a critical alert has an absent() companion', () => {
    const alerts = alertsFor(name);
    const critical = alerts.filter(({ rule }) => rule.labels.severity === 'critical');
    const families = [...new Set(critical.flatMap(({ rule }) => metricNamesIn(rule.expr)))];
    const uncovered = families.filter((family) => !alerts.some(({ rule }) => new RegExp(`absent\\(${family}[{)]`).test(rule.expr)));
    expect(families.length).toBeGreaterThan(0);
    expect(uncovered).toEqual([]);
  });

  test('every configured feed has absent() companions for the critical feed metrics', () => {
    const alerts = alertsFor(name);
    const feeds = Object.values(OPTION_SETS[name].feedClasses).flatMap((feedClass) => Object.keys(feedClass?.feeds ?? {}));
    const critical = alerts.filter(({ rule }) => rule.labels.severity === 'critical');
    const feedFamilies = [...new Set(critical.flatMap(({ rule }) => metricNamesIn(rule.expr)).filter((family) => family.startsWith('pyth_observer_price_feed_')))];
    const missing = feeds.flatMap((symbol) =>
      feedFamilies.filter((family) => !alerts.some(({ rule }) => rule.expr.includes(`absent(${family}{`) && rule.expr.includes(`symbol="${symbol}"})`))).map((family) => `${symbol} ${family}`),
    );
    expect(missing).toEqual([]);
  });

  test('every per-feed alert carries the asset_type of its feed class', () => {
    const perFeed = alertsFor(name).filter(({ group }) => group.startsWith('pyth-price-feeds-'));
    const expected: Record<string, string> = { 'pyth-price-feeds-crypto': 'Crypto', 'pyth-price-feeds-equity': 'Equity', 'pyth-price-feeds-fx': 'FX' };
    expect(perFeed.filter(({ group, rule }) => rule.labels.asset_type !== expected[group]).map(({ rule }) => rule.alert)).toEqual([]);
  });
});

describe('price-feed rule pack', () => {
  test('has an observer group, one group per configured feed class and the heartbeat group', () => {
    expect(priceFeedRuleGroups(PROD_OPTIONS).map((group) => group.name)).toEqual([
      'pyth-observer',
      'pyth-price-feeds-crypto',
      'pyth-price-feeds-equity',
      'pyth-price-feeds-fx',
      'feedops-heartbeat',
    ]);
  });

  test('a class that is not configured gets no group', () => {
    expect(priceFeedRuleGroups(DEV_OPTIONS).map((group) => group.name)).not.toContain('pyth-price-feeds-equity');
  });

  test('feed alerts keep one alert per symbol by aggregating over observer replicas', () => {
    expect(findAlert(DEV_OPTIONS, 'PythPriceFeedStale').expr).toMatch(/^max by \(symbol\) \(/);
  });

  test('staleness defaults to 120 slots', () => {
    expect(findAlert(DEV_OPTIONS, 'PythPriceFeedStale').expr).toMatch(/\) > 120$/);
  });

  test('a class-wide staleness limit replaces the default', () => {
    expect(findAlert(STAGING_OPTIONS, 'PythPriceFeedStale', 'pyth-price-feeds-crypto').expr).toMatch(/\) > 150$/);
  });

  test('a per-feed staleness limit gets its own term', () => {
    expect(findAlert(PROD_OPTIONS, 'PythPriceFeedStale', 'pyth-price-feeds-fx').expr).toContain('symbol="FX.USD/HKD"}) > 10000');
  });

  test('stale feeds wait 1m by default', () => {
    expect(findAlert(DEV_OPTIONS, 'PythPriceFeedStale').for).toBe('1m');
  });

  test('a class may change how long stale feeds wait', () => {
    expect(findAlert(STAGING_OPTIONS, 'PythPriceFeedStale', 'pyth-price-feeds-crypto').for).toBe('3m');
  });

  test('stale and not-trading feeds are critical', () => {
    expect([findAlert(DEV_OPTIONS, 'PythPriceFeedStale'), findAlert(DEV_OPTIONS, 'PythPriceFeedNotTrading')].map((rule) => rule.labels.severity)).toEqual(['critical', 'critical']);
  });

  test('symbols are matched exactly: regex dots are escaped', () => {
    expect(findAlert(DEV_OPTIONS, 'PythPriceFeedNotTrading').expr).toContain('symbol=~"Crypto\\\\.BTC/USD|Crypto\\\\.ETH/USD"');
  });

  test('deviation is compared in percent, 5 by default', () => {
    const expr = findAlert(DEV_OPTIONS, 'PythPriceDeviationFromCoinGeckoHigh').expr;
    expect(expr).toContain('pyth_observer_price_deviation_from_coingecko_percent{job="pyth-observer",symbol=~"Crypto\\\\.BTC/USD|Crypto\\\\.ETH/USD"}) > 5');
  });

  test('deviation only counts while the CoinGecko price is younger than 10m', () => {
    expect(findAlert(DEV_OPTIONS, 'PythPriceDeviationFromCoinGeckoHigh').expr).toContain('pyth_observer_coingecko_price_age_seconds{job="pyth-observer",symbol=~"Crypto\\\\.BTC/USD|Crypto\\\\.ETH/USD"}) < 600');
  });

  test('equities are not compared with CoinGecko by default', () => {
    const equityAlerts = alertsOf(render(STAGING_OPTIONS).rulesFile).filter(({ group }) => group === 'pyth-price-feeds-equity').map(({ rule }) => rule.alert);
    expect(equityAlerts).not.toContain('PythPriceDeviationFromCoinGeckoHigh');
  });

  test('a class can opt in to the CoinGecko comparison', () => {
    const options: PriceFeedRuleOptions = { ...DEV_OPTIONS, feedClasses: { equity: { compareWithCoinGecko: true, feeds: { 'Equity.US.AAPL/USD': { minPublishers: 2 } } } } };
    expect(findAlert(options, 'PythPriceDeviationFromCoinGeckoHigh', 'pyth-price-feeds-equity').labels.asset_type).toBe('Equity');
  });

  test('the confidence interval is compared with its own 6h median by default', () => {
    expect(findAlert(DEV_OPTIONS, 'PythPriceConfidenceIntervalWide').expr).toContain('quantile_over_time(0.5, pyth_observer_price_feed_confidence_interval');
    expect(findAlert(DEV_OPTIONS, 'PythPriceConfidenceIntervalWide').expr).toContain('[6h]) > 0)\n  ) > 10');
  });

  test('the confidence baseline window can be changed', () => {
    const options: PriceFeedRuleOptions = { ...DEV_OPTIONS, feedClasses: { crypto: { ...DEV_OPTIONS.feedClasses.crypto!, confidenceBaseline: Duration.hours(24) } } };
    expect(findAlert(options, 'PythPriceConfidenceIntervalWide').expr).toContain('[24h]');
  });

  test('each feed is held to its own minimum number of publishers', () => {
    expect(findAlert(PROD_OPTIONS, 'PythPriceFeedPublishersLow', 'pyth-price-feeds-crypto').expr).toContain('symbol="Crypto.SOL/USD"}) < 4');
  });

  test('the observer job defaults to pyth-observer', () => {
    expect(findAlert(DEV_OPTIONS, 'PythObserverDown').expr).toBe('up{job="pyth-observer"} == 0');
  });

  test('the observer job can be changed', () => {
    expect(findAlert(STAGING_OPTIONS, 'PythObserverDown').expr).toBe('up{job="monitors/pyth-observer"} == 0');
  });

  test('RPC errors are read from exported_service by default (ServiceMonitor scrape)', () => {
    expect(findAlert(DEV_OPTIONS, 'PythObserverNetworkDown').expr).toContain('exported_service="pyth"');
  });

  test('RPC errors are read from service when the observer label is kept', () => {
    expect(findAlert(STAGING_OPTIONS, 'PythObserverNetworkDown').expr).toContain(',service="pyth"');
  });

  test('the absent companion of the observer names its job', () => {
    expect(findAlert(DEV_OPTIONS, 'PythObserverAbsent').labels.job).toBe('pyth-observer');
  });

  test('the Watchdog has severity info', () => {
    expect(findAlert(DEV_OPTIONS, 'Watchdog').labels.severity).toBe('info');
  });

  test('the PrometheusRule is named pyth-price-feeds in monitoring by default', () => {
    expect(render(DEV_OPTIONS).prometheusRule.metadata).toMatchObject({ name: 'pyth-price-feeds', namespace: 'monitoring' });
  });

  test('the PrometheusRule name and namespace can be changed', () => {
    expect(render({ ...DEV_OPTIONS, name: 'feeds', namespace: 'monitors' }).prometheusRule.metadata).toMatchObject({ name: 'feeds', namespace: 'monitors' });
  });

  test('the same options render the same rules whatever the order of feeds', () => {
    const reversed: PriceFeedRuleOptions = {
      ...DEV_OPTIONS,
      feedClasses: { crypto: { feeds: { 'Crypto.ETH/USD': { minPublishers: 3 }, 'Crypto.BTC/USD': { minPublishers: 3 } } } },
    };
    expect(render(reversed).rulesFile).toEqual(render(DEV_OPTIONS).rulesFile);
  });
});

describe('price-feed rule options', () => {
  const withCrypto = (crypto: object): PriceFeedRuleOptions => ({ ...DEV_OPTIONS, feedClasses: { crypto: crypto as never } });

  test('fails when no feed class is configured', () => {
    expect(() => priceFeedRuleGroups({ ...DEV_OPTIONS, feedClasses: {} })).toThrow(/field "feedClasses" is \{\} \(allowed: at least one of crypto, equity, fx/);
  });

  test('fails when a feed class is unknown', () => {
    expect(() => priceFeedRuleGroups({ ...DEV_OPTIONS, feedClasses: { ...DEV_OPTIONS.feedClasses, metal: { feeds: {} } } as never })).toThrow(
      /field "feedClasses\.metal" is "metal" \(allowed: one of crypto, equity, fx\)/,
    );
  });

  test('fails when a class has no feeds', () => {
    expect(() => priceFeedRuleGroups(withCrypto({ feeds: {} }))).toThrow(/field "feedClasses\.crypto\.feeds" is \{\} \(allowed: at least one feed/);
  });

  test('fails when a symbol belongs to another class', () => {
    expect(() => priceFeedRuleGroups(withCrypto({ feeds: { 'FX.EUR/USD': { minPublishers: 3 } } }))).toThrow(
      /field "feedClasses\.crypto\.feeds\["FX\.EUR\/USD"\]" is "FX\.EUR\/USD" \(allowed: a Pyth symbol of asset type Crypto, e\.g\. "Crypto\.BTC\/USD"\)/,
    );
  });

  test('fails when a symbol contains a quote', () => {
    expect(() => priceFeedRuleGroups(withCrypto({ feeds: { 'Crypto.BTC"/USD': { minPublishers: 3 } } }))).toThrow(/allowed: a Pyth symbol of asset type Crypto/);
  });

  test('fails when the minimum number of publishers is zero', () => {
    expect(() => priceFeedRuleGroups(withCrypto({ feeds: { 'Crypto.BTC/USD': { minPublishers: 0 } } }))).toThrow(
      /field "feedClasses\.crypto\.feeds\["Crypto\.BTC\/USD"\]\.minPublishers" is 0 \(allowed: an integer of at least 1\)/,
    );
  });

  test('fails when the staleness limit is not a whole number of slots', () => {
    expect(() => priceFeedRuleGroups(withCrypto({ maxStalenessSlots: 12.5, feeds: { 'Crypto.BTC/USD': { minPublishers: 3 } } }))).toThrow(
      /field "feedClasses\.crypto\.maxStalenessSlots" is 12\.5 \(allowed: an integer of at least 1/,
    );
  });

  test('fails when the deviation limit is given as a fraction of zero', () => {
    expect(() => priceFeedRuleGroups(withCrypto({ feeds: { 'Crypto.BTC/USD': { minPublishers: 3, maxDeviationPercent: 0 } } }))).toThrow(
      /maxDeviationPercent" is 0 \(allowed: a percentage above 0 and at most 100/,
    );
  });

  test('fails when the confidence widening factor is not above 1', () => {
    expect(() => priceFeedRuleGroups(withCrypto({ maxConfidenceIntervalWidening: 1, feeds: { 'Crypto.BTC/USD': { minPublishers: 3 } } }))).toThrow(
      /field "feedClasses\.crypto\.maxConfidenceIntervalWidening" is 1 \(allowed: a finite factor above 1/,
    );
  });

  test('fails when an alert would wait under 1m', () => {
    expect(() => priceFeedRuleGroups(withCrypto({ pendingFor: { stale: Duration.seconds(30) }, feeds: { 'Crypto.BTC/USD': { minPublishers: 3 } } }))).toThrow(
      /field "feedClasses\.crypto\.pendingFor\.stale" is "30s" \(allowed: a Duration of at least 1m\)/,
    );
  });

  test('fails when the confidence baseline is under 1h', () => {
    expect(() => priceFeedRuleGroups(withCrypto({ confidenceBaseline: Duration.minutes(30), feeds: { 'Crypto.BTC/USD': { minPublishers: 3 } } }))).toThrow(
      /field "feedClasses\.crypto\.confidenceBaseline" is "30m" \(allowed: a Duration of at least 1h\)/,
    );
  });

  test('fails when the runbook base URL is not https', () => {
    expect(() => priceFeedRuleGroups({ ...DEV_OPTIONS, runbookBaseUrl: 'http://wiki.example.com/runbooks' })).toThrow(
      /field "runbookBaseUrl" is "http:\/\/wiki\.example\.com\/runbooks" \(allowed: an https URL without a trailing slash\)/,
    );
  });

  test('fails when the team is empty', () => {
    expect(() => priceFeedRuleGroups({ ...DEV_OPTIONS, team: '' })).toThrow(/field "team" is "" \(allowed: a non-empty string\)/);
  });

  test('fails when the observer job contains a quote', () => {
    expect(() => priceFeedRuleGroups({ ...DEV_OPTIONS, observer: { job: 'pyth"observer' } })).toThrow(/field "observer\.job" is "pyth\\"observer"/);
  });

  test('fails when the API service label is not a label name', () => {
    expect(() => priceFeedRuleGroups({ ...DEV_OPTIONS, observer: { apiServiceLabel: 'exported-service' } })).toThrow(/field "observer\.apiServiceLabel" is "exported-service"/);
  });

  test('reports every bad option at once', () => {
    expect(() => priceFeedRuleGroups({ ...DEV_OPTIONS, team: '', runbookBaseUrl: 'http://x' })).toThrow(/\(2 problems\)/);
  });
});
