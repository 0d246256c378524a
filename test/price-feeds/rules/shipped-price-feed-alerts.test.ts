import { resources, synthesizedStacks } from '../../support/synth';

/*
 * The price-feed alerts prod ships, written down by hand from the design (docs/runbooks, DOMAIN.md): which ones
 * page, how long each waits, who owns them. Read from the synthesized PrometheusRule, not from the rule code, so a
 * swapped severity or a longer `for` fails here even when every promtool case still passes.
 */
const SHIPPED: Readonly<Record<string, { severity: string; for: string | undefined }>> = {
  PythObserverDown: { severity: 'warning', for: '3m' },
  PythObserverAbsent: { severity: 'critical', for: '5m' },
  PythObserverStalled: { severity: 'critical', for: '2m' },
  PythObserverNotRefreshing: { severity: 'critical', for: '10m' },
  PythObserverReportsNoFeeds: { severity: 'critical', for: '5m' },
  PythObserverLoopErrors: { severity: 'warning', for: '10m' },
  PythObserverNetworkDown: { severity: 'warning', for: '5m' },
  PythPriceFeedStale: { severity: 'critical', for: '1m' },
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
const alerts: Array<{ group: string; alert: string; severity: string; for?: string; team: string; assetType?: string; expr: string }> = rule.spec.groups.flatMap(
  (group: { name: string; rules: Array<Record<string, any>> }) =>
    group.rules
      .filter((candidate) => candidate.alert)
      .map((candidate) => ({ group: group.name, alert: candidate.alert, severity: candidate.labels.severity, for: candidate.for, team: candidate.labels.team, assetType: candidate.labels.asset_type, expr: candidate.expr })),
);

test('prod ships exactly these price-feed alerts, with these severities and pending times', () => {
  expect(alerts.length).toBeGreaterThan(20);
  const shipped = Object.fromEntries(alerts.map((alert) => [alert.alert, { severity: alert.severity, for: alert.for }]));
  expect(shipped).toEqual(SHIPPED);
  // The same alert in every asset-type group has the same severity and pending time.
  for (const alert of alerts) expect({ alert: alert.alert, severity: alert.severity, for: alert.for }).toEqual({ alert: alert.alert, ...SHIPPED[alert.alert] });
});

test('the feeds team owns every price-feed alert', () => {
  expect([...new Set(alerts.map((alert) => alert.team))]).toEqual(['feeds']);
});

test('prod watches crypto, equity and FX feeds, each in its own group labelled with its asset type', () => {
  expect([...new Set(alerts.filter((alert) => alert.group.startsWith('pyth-price-feeds-')).map((alert) => `${alert.group} ${alert.assetType}`))].sort()).toEqual([
    'pyth-price-feeds-crypto Crypto',
    'pyth-price-feeds-equity Equity',
    'pyth-price-feeds-fx FX',
  ]);
});

test('prod\'s thresholds are the ones its environment file sets: 120 slots, 5 publishers on crypto, USDC within 1 %', () => {
  const crypto = (name: string) => alerts.find((alert) => alert.group === 'pyth-price-feeds-crypto' && alert.alert === name)!.expr;
  expect(crypto('PythPriceFeedStale')).toMatch(/\) > 120$/);
  expect(crypto('PythPriceFeedPermissionedPublishersLow')).toMatch(/\) < 5$/);
  expect(crypto('PythPriceFeedQuorumIntermittent')).toMatch(/\[10m\]\)\) >= 6$/);
  expect(crypto('PythPriceDeviationFromCoinGeckoHigh')).toContain('symbol="Crypto.USDC/USD"}) > 1');
});
