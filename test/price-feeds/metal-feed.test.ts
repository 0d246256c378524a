import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { ENVIRONMENTS } from '../../environments';
import { synthWithSavings } from '../../constructs/core/cdktf-savings';
import { buildApp } from '../../stacks/app';
import { readStacks } from '../support/synth';

// An environment that watches gold: the asset-type table covers every Pyth asset class, so a Metal feed needs no code.
function synthWith(feeds: Record<string, object>) {
  const dev = ENVIRONMENTS.dev as { priceFeeds: { feeds: Record<string, object> } };
  // dev alone (with the bootstrap stack): the other environments' stacks do not change and are not read here.
  const environments = { dev: { ...dev, priceFeeds: { ...dev.priceFeeds, feeds: { ...dev.priceFeeds.feeds, ...feeds } } } };
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-metal-'));
  try {
    synthWithSavings(() => buildApp({ outdir, environments }).app);
    return readStacks(outdir);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

// Gold is quiet between fixings on some venues: it gets more slots before it counts as stale.
// Its Pyth price id (Price Feed IDs list at docs.pyth.network): dev checks Hermes, which is asked by id.
const stacks = synthWith({ 'Metal.XAU/USD': { minPublishers: 4, staleAfterSlots: 300, priceId: '765d2ba906dbc32ca17cc11f5310a89e9ee1f6420508c63861f2f8ba4ee34bb2' } });
const manifests = Object.values(stacks['dev-monitors'].resource?.kubernetes_manifest ?? {}).map((resource) => resource.manifest);
const byKindName = (kind: string, name: string) => {
  const found = manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name} in dev-monitors`);
  return found;
};

test('a Metal.XAU/USD feed gets its own rule groups with the Metal asset type', () => {
  const group = byKindName('PrometheusRule', 'pyth-price-feeds').spec.groups.find((candidate: { name: string }) => candidate.name === 'pyth-price-feeds-metal-stale');
  expect(group).toBeDefined();
  const stale = group.rules.find((rule: { alert?: string }) => rule.alert === 'PythPriceFeedStale');
  expect(stale.expr).toContain('pyth_observer_price_feed_staleness_slots{job="pyth-observer",symbol="Metal.XAU/USD"}) > 300');
  expect(stale.labels.asset_type).toBe('Metal');
});

test('the observer checks the Metal feed with its own limit, and the alert reads the same limit', () => {
  const config = parse(byKindName('ConfigMap', 'pyth-observer-config').data['config.yaml']);
  expect(config.checks['Metal.XAU/USD']).toEqual({ PriceFeedOfflineCheck: { max_slot_distance: 300 } });
  const permissionedPublishersLow = byKindName('PrometheusRule', 'pyth-price-feeds').spec.groups
    .find((candidate: { name: string }) => candidate.name === 'pyth-price-feeds-metal')
    .rules.find((rule: { alert?: string }) => rule.alert === 'PythPriceFeedPermissionedPublishersLow');
  expect(permissionedPublishersLow.expr).toContain('symbol="Metal.XAU/USD"}) < 4');
});

test('the dashboards colour the Metal feed by its own publisher minimum', () => {
  const dashboard = JSON.parse(byKindName('ConfigMap', 'grafana-dashboard-feedops-price-feeds').data['feedops-price-feeds.json']);
  const panel = dashboard.panels.find((candidate: { title: string }) => candidate.title === 'Permissioned publishers per feed');
  const override = panel.fieldConfig.overrides.find((candidate: { matcher: { options: string } }) => candidate.matcher.options === 'Metal.XAU/USD');
  expect(override.properties[0].value.steps).toEqual([
    { color: 'red', value: null },
    { color: 'green', value: 4 },
  ]);
});

test('Alertmanager mutes Metal alerts while CME Globex is closed', () => {
  const releases = Object.values(stacks['dev-platform'].resource!.helm_release).map((release) => parse(release.values[0]));
  const config = releases.find((values) => values.alertmanager?.config)!.alertmanager.config;
  expect(config.time_intervals.map((interval: { name: string }) => interval.name)).toContain('metal-market-closed');
});
