import { resources, synthesizedStacks } from '../../support/synth';

/*
 * The price-feed alerts prod ships, written down by hand from the design (docs/runbooks, DOMAIN.md): which ones
 * page, how long each waits, who owns them. Read from the synthesized PrometheusRule, not from the rule code, so a
 * swapped severity or a longer `for` fails here even when every promtool case still passes.
 */
const SHIPPED: Readonly<Record<string, { severity: string; for: string | undefined; keepFiringFor?: string }>> = {
  PythObserverDown: { severity: 'warning', for: '3m' },
  PythObserverAbsent: { severity: 'critical', for: '5m' },
  PythObserverStalled: { severity: 'critical', for: '2m' },
  PythObserverNotRefreshing: { severity: 'critical', for: '10m' },
  PythObserverReportsNoFeeds: { severity: 'critical', for: '5m' },
  PythObserverLoopErrors: { severity: 'warning', for: '10m' },
  PythObserverNetworkDown: { severity: 'warning', for: '5m' },
  // No `for`: the staleness count is the wait (docs/performance.md, "Alert quality"); held 2m through restarts.
  PythPriceFeedStale: { severity: 'critical', for: '0s', keepFiringFor: '2m' },
  PythPriceFeedNotTrading: { severity: 'critical', for: '2m' },
  // Publishers removed from the price account (the observer counts its components), renamed from PythPriceFeedPublishersLow.
  PythPriceFeedPermissionedPublishersLow: { severity: 'warning', for: '5m' },
  // Quoting publishers going silent: the aggregate keeps losing its min_pub quorum. A warning; NotTrading pages.
  PythPriceFeedQuorumIntermittent: { severity: 'warning', for: '2m' },
  PythPriceConfidenceIntervalWide: { severity: 'warning', for: '10m' },
  PythPriceDeviationFromCoinGeckoHigh: { severity: 'warning', for: '5m' },
  CoinGeckoPriceStale: { severity: 'warning', for: '5m' },
  CoinGeckoPriceMissing: { severity: 'warning', for: '10m' },
  PythPriceFeedMetricAbsent: { severity: 'warning', for: '10m' },
  // Its series frozen on every replica while the slot advances: Stale and NotTrading are blind for that feed.
  PythPriceFeedMetricsFrozen: { severity: 'critical', for: '1m' },
  // Hermes serving a stale price while Pythnet trades the feed pages; a missing price is a blind spot, not an outage.
  HermesPriceStale: { severity: 'critical', for: '2m' },
  HermesPriceMissing: { severity: 'warning', for: '10m' },
  HermesPricesUnavailable: { severity: 'warning', for: '10m' },
  Watchdog: { severity: 'info', for: undefined },
};

const rule = resources(synthesizedStacks()['prod-monitors'], 'kubernetes_manifest')
  .map((resource) => resource.config.manifest)
  .find((manifest) => manifest.kind === 'PrometheusRule' && manifest.metadata.name === 'pyth-price-feeds');
const alerts: Array<{ group: string; interval?: string; alert: string; severity: string; for?: string; keepFiringFor?: string; team: string; assetType?: string; expr: string }> = rule.spec.groups.flatMap(
  (group: { name: string; interval?: string; rules: Array<Record<string, any>> }) =>
    group.rules
      .filter((candidate) => candidate.alert)
      .map((candidate) => ({
        group: group.name,
        interval: group.interval,
        alert: candidate.alert,
        severity: candidate.labels.severity,
        for: candidate.for,
        keepFiringFor: candidate.keep_firing_for,
        team: candidate.labels.team,
        assetType: candidate.labels.asset_type,
        expr: candidate.expr,
      })),
);
const shippedOf = (alert: { severity: string; for?: string; keepFiringFor?: string }) => ({
  severity: alert.severity,
  for: alert.for,
  ...(alert.keepFiringFor ? { keepFiringFor: alert.keepFiringFor } : {}),
});

test('prod ships exactly these price-feed alerts, with these severities and pending times', () => {
  expect(alerts.length).toBeGreaterThan(20);
  const shipped = Object.fromEntries(alerts.map((alert) => [alert.alert, shippedOf(alert)]));
  expect(shipped).toEqual(SHIPPED);
  // The same alert in every asset-type group has the same severity and pending time.
  for (const alert of alerts) expect({ alert: alert.alert, ...shippedOf(alert) }).toEqual({ alert: alert.alert, ...SHIPPED[alert.alert] });
});

test('the feeds team owns every price-feed alert', () => {
  expect([...new Set(alerts.map((alert) => alert.team))]).toEqual(['feeds']);
});

test('prod watches crypto, equity and FX feeds, each in its own groups labelled with its asset type; the stale alert alone, every 5s', () => {
  expect([...new Set(alerts.filter((alert) => alert.group.startsWith('pyth-price-feeds-')).map((alert) => `${alert.group} ${alert.assetType} every ${alert.interval ?? 'default'}`))].sort()).toEqual([
    'pyth-price-feeds-crypto Crypto every default',
    'pyth-price-feeds-crypto-stale Crypto every 5s',
    'pyth-price-feeds-equity Equity every default',
    'pyth-price-feeds-equity-stale Equity every 5s',
    'pyth-price-feeds-fx FX every default',
    'pyth-price-feeds-fx-stale FX every 5s',
  ]);
  expect(alerts.filter((alert) => alert.group.endsWith('-stale')).map((alert) => alert.alert)).toEqual(Array(3).fill('PythPriceFeedStale'));
});

test('prod\'s thresholds are the ones its environment file sets: 120 slots, 5 publishers on crypto, USDC within 1 %', () => {
  const crypto = (name: string) => alerts.find((alert) => alert.group.startsWith('pyth-price-feeds-crypto') && alert.alert === name)!.expr;
  expect(crypto('PythPriceFeedStale')).toMatch(/\) > 120$/);
  expect(crypto('PythPriceFeedPermissionedPublishersLow')).toMatch(/\) < 5$/);
  expect(crypto('PythPriceFeedQuorumIntermittent')).toMatch(/\[10m\]\)\) >= 6$/);
  expect(crypto('PythPriceDeviationFromCoinGeckoHigh')).toContain('symbol="Crypto.USDC/USD"}) > 1');
});
