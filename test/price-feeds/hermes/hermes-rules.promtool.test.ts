// The Hermes price rules under promtool: json_exporter's publish-time series and pyth-observer's staleness and
// status, one sample a minute, against the rendered group (age recording, stale, missing, unavailable).
import { renderRules } from '../../../constructs/alerting/rules/render-rules';
import { Duration } from '../../../constructs/core/duration';
import { HERMES_PRICE_METRICS, HERMES_PRICE_PROBE_JOB } from '../../../constructs/price-feeds/hermes/hermes-exporter';
import { HERMES_ALERTS, HERMES_PRICE_MAX_AGE_SECONDS, HERMES_RULE_GROUP, hermesRuleGroup } from '../../../constructs/price-feeds/hermes/hermes-rules';
import { priceFeedRuleGroups } from '../../../constructs/price-feeds/rules/price-feed-rules';
import { alertsOf, metricNamesIn } from '../../alerting/promtool/rendered-alerts';
import type { AlertRuleCase, InputSeries } from '../../alerting/promtool/rule-test-case';
import { runRuleCases, writeRulesFile } from '../../alerting/promtool/rules-file';
import { runTool } from '../../support/tools';
import { DEV_FEEDS, feedSetConfig, resolveFeedSet } from '../fixtures';

const BTC = { symbol: 'Crypto.BTC/USD', assetType: 'Crypto', priceId: 'e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43' };
const AAPL = { symbol: 'Equity.US.AAPL/USD', assetType: 'Equity', priceId: '49f6b65cb1de6b10eaf75e7c03ca029c306d0357e91b5311b175084a5ad55688' };
const feeds = resolveFeedSet(
  'prod',
  feedSetConfig({ [BTC.symbol]: { priceId: BTC.priceId }, [AAPL.symbol]: { priceId: AAPL.priceId } }, { hermes: { url: 'https://hermes.pyth.network' } }),
  'monitors',
);
const { rulesFile } = renderRules([hermesRuleGroup(feeds)!], { environment: 'prod', name: 'hermes', namespace: 'monitors' });
const at = (minutes: number) => Duration.seconds(minutes * 60 + 30);
const MINUTES = 20;

type Feed = typeof BTC;
/** Hermes' publish time as json_exporter reads it: 2 s behind each scrape, frozen from `frozenAt` (minutes). */
function hermes(feed: Feed, frozenAt = MINUTES): InputSeries {
  const frozen = frozenAt * 60 - 2;
  return {
    series: `${HERMES_PRICE_METRICS.publishTime}{job="${HERMES_PRICE_PROBE_JOB}",symbol="${feed.symbol}",asset_type="${feed.assetType}",price_id="${feed.priceId}"}`,
    values: frozenAt >= MINUTES ? `-2+60x${MINUTES}` : `-2+60x${frozenAt} ${frozen}x${MINUTES - frozenAt}`,
  };
}
/** pyth-observer on Pythnet: staleness in slots and trading status (1 trading, 0 not). */
function observer(feed: Feed, staleness: string, status: number): InputSeries[] {
  const labels = `job="pyth-observer",symbol="${feed.symbol}",asset_type="${feed.assetType}"`;
  return [
    { series: `pyth_observer_price_feed_staleness_slots{${labels}}`, values: staleness },
    { series: `pyth_observer_price_feed_status{${labels}}`, values: `${status}x${MINUTES}` },
  ];
}
const pythnetTrading = (feed: Feed) => observer(feed, `5x${MINUTES}`, 1);
const stale = (feed: Feed, value: number) => ({ labels: { symbol: feed.symbol, asset_type: feed.assetType }, value });

const CASES: AlertRuleCase[] = [
  { name: 'a Hermes that keeps up while Pythnet trades does not fire', alert: HERMES_ALERTS.priceStale, at: at(12), series: [hermes(BTC), ...pythnetTrading(BTC)], firing: [] },
  {
    name: 'a Hermes frozen at 5m while Pythnet trades fires after 2m over 60 s',
    alert: HERMES_ALERTS.priceStale,
    at: at(10),
    series: [hermes(BTC, 5), ...pythnetTrading(BTC)],
    // Rules ran last at 10m: 600 s minus the last publish time, 298 s.
    firing: [stale(BTC, 600 - 298)],
  },
  {
    name: 'a frozen Hermes is only pending before its 2m (over 60 s from 6m, not yet firing at 7m30s)',
    alert: HERMES_ALERTS.priceStale,
    at: at(7),
    series: [hermes(BTC, 5), ...pythnetTrading(BTC)],
    firing: [],
  },
  {
    name: 'a closed market does not page: Hermes keeps the last price while the observer sees the feed not trading and stale',
    alert: HERMES_ALERTS.priceStale,
    at: at(12),
    series: [hermes(AAPL, 1), ...observer(AAPL, `500+150x${MINUTES}`, 0)],
    firing: [],
  },
  {
    name: 'a feed updated recently but not trading on Pythnet (halted, too few publishers) is not a Hermes problem',
    alert: HERMES_ALERTS.priceStale,
    at: at(12),
    series: [hermes(BTC, 5), ...observer(BTC, `5x${MINUTES}`, 0)],
    firing: [],
  },
  {
    name: 'a feed stale on Pythnet itself is not a Hermes problem (PythPriceFeedStale pages for it)',
    alert: HERMES_ALERTS.priceStale,
    at: at(12),
    series: [hermes(BTC, 5), ...observer(BTC, `5x5 300+150x${MINUTES - 5}`, 1)],
    firing: [],
  },
  {
    name: 'a feed Hermes gives no price for, while it answers for another, fires after 10m',
    alert: HERMES_ALERTS.priceMissing,
    at: at(11),
    series: [hermes(BTC), ...pythnetTrading(BTC), ...pythnetTrading(AAPL)],
    firing: [{ labels: { symbol: AAPL.symbol, asset_type: AAPL.assetType }, value: 1 }],
  },
  { name: 'every feed with a price: nothing missing', alert: HERMES_ALERTS.priceMissing, at: at(11), series: [hermes(BTC), hermes(AAPL)], firing: [] },
  { name: 'no price at all is one HermesPricesUnavailable, not a missing alert per feed', alert: HERMES_ALERTS.priceMissing, at: at(11), series: [...pythnetTrading(BTC)], firing: [] },
  { name: 'no Hermes price for any feed fires after 10m', alert: HERMES_ALERTS.pricesUnavailable, at: at(11), series: [...pythnetTrading(BTC)], firing: [{ labels: {}, value: 1 }] },
  { name: 'one feed with a price: Hermes is available', alert: HERMES_ALERTS.pricesUnavailable, at: at(11), series: [hermes(BTC)], firing: [] },
];

test('promtool test rules: stale Hermes prices page only while Pythnet trades the feed; missing and unavailable prices warn', () => {
  const result = runRuleCases(rulesFile, CASES, 'hermes.test.yaml');
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
});

test('promtool check rules passes with lint fatal', () => {
  const result = runTool('promtool', ['check', 'rules', '--lint=all', '--lint-fatal', writeRulesFile(rulesFile)]);
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
});

test('every Hermes alert has a firing and a non-firing case', () => {
  for (const { rule } of alertsOf(rulesFile)) {
    const cases = CASES.filter((c) => c.alert === rule.alert);
    expect({ alert: rule.alert, firing: cases.some((c) => c.firing.length > 0), silent: cases.some((c) => c.firing.length === 0) }).toEqual({ alert: rule.alert, firing: true, silent: true });
  }
});

test('the stale alert reads the age limit, and Pythnet freshness at each feed\'s own staleness limit', () => {
  const rule = alertsOf(rulesFile).find(({ rule: r }) => r.alert === HERMES_ALERTS.priceStale)!.rule;
  expect(rule.expr.split('\n')[0]).toBe(`${HERMES_PRICE_METRICS.age} > ${HERMES_PRICE_MAX_AGE_SECONDS}`);
  for (const feed of feeds.feeds) expect(rule.expr).toContain(`<= ${feed.thresholds.staleAfterSlots}`);
  expect(rule.labels.severity).toBe('critical');
});

test('the pack has the Hermes group only when the feed set checks Hermes', () => {
  expect(priceFeedRuleGroups(feeds).map((group) => group.name)).toContain(HERMES_RULE_GROUP);
  expect(priceFeedRuleGroups(DEV_FEEDS).map((group) => group.name)).not.toContain(HERMES_RULE_GROUP);
});

test('every metric family HermesPriceStale reads has an absent() companion in the pack (CHECKS.md 34)', () => {
  const pack = alertsOf(renderRules(priceFeedRuleGroups(feeds), { environment: 'prod', name: 'pack', namespace: 'monitors' }).rulesFile);
  const stale = pack.find(({ rule }) => rule.alert === HERMES_ALERTS.priceStale)!.rule;
  const families = metricNamesIn(stale.expr);
  expect(families.sort()).toEqual([HERMES_PRICE_METRICS.age, 'pyth_observer_price_feed_staleness_slots', 'pyth_observer_price_feed_status']);
  for (const family of families) {
    for (const feed of feeds.feeds) {
      const covered = pack.some(({ rule }) => rule.expr.includes(`absent(${family}{`) && rule.expr.includes(`symbol="${feed.symbol}"`));
      expect({ family, symbol: feed.symbol, covered }).toEqual({ family, symbol: feed.symbol, covered: true });
    }
  }
});
