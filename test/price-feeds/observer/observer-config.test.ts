import { parse } from 'yaml';
import { renderObserverConfig } from '../../../constructs/price-feeds/observer/observer-config';
import { feedSetConfig, resolveFeedSet } from '../fixtures';

const CONFIG = feedSetConfig({ 'Crypto.BTC/USD': { coingeckoId: 'bitcoin' }, 'FX.EUR/USD': { staleAfterSlots: 10_000 } });
const render = (config: Record<string, unknown> = CONFIG) => {
  const files = renderObserverConfig(resolveFeedSet('dev', config));
  return { config: parse(files['config.yaml']), publishers: parse(files['publishers.yaml']), coingecko: JSON.parse(files['coingecko.json']) };
};

test('only the log notifier is enabled: alerts go through Prometheus and Alertmanager', () => {
  expect(render().config.events).toEqual(['LogEvent']);
});

test('network settings use the observer\'s keys, with the upstream request rate by default', () => {
  expect(render().config.network).toEqual({
    name: 'pythnet', http_endpoint: 'https://api2.pythnet.pyth.network', ws_endpoint: 'wss://api2.pythnet.pyth.network',
    first_mapping: 'AHtgzX45WTKfkPG53L6WYhGEXwQkN1BVknET3sVsLL8J', request_rate_limit: 10, request_rate_period: 1,
  });
});

test('every check class appears under checks.global with enable (the observer crashes otherwise)', () => {
  const global = render().config.checks.global;
  expect(Object.keys(global).sort()).toEqual([
    'PriceFeedCoinGeckoCheck', 'PriceFeedConfidenceIntervalCheck', 'PriceFeedOfflineCheck', 'PublisherConfidenceIntervalCheck',
    'PublisherOfflineCheck', 'PublisherPriceCheck', 'PublisherStalledCheck', 'PublisherWithinAggregateConfidenceCheck',
  ]);
  for (const settings of Object.values<any>(global)) expect(typeof settings.enable).toBe('boolean');
});

test('defaults follow the upstream sample: offline after 120 slots, publishers within 5 % over 25 slots', () => {
  const global = render().config.checks.global;
  expect(global.PriceFeedOfflineCheck).toEqual({ enable: true, max_slot_distance: 120, abandoned_slot_distance: 100000 });
  expect(global.PublisherPriceCheck).toEqual({ enable: true, max_slot_distance: 25, max_aggregate_distance: 5 });
  expect(global.PublisherStalledCheck).toEqual(expect.objectContaining({ enable: true, stall_time_limit: 120, abandoned_time_limit: 300 }));
});

test('the CoinGecko deviation is written as the fraction the check compares against (5 % -> 0.05), with the 10m age limit the alerts use', () => {
  expect(render().config.checks.global.PriceFeedCoinGeckoCheck).toEqual({ enable: true, max_deviation: 0.05, max_staleness: 600 });
  const custom = render({ ...CONFIG, thresholds: { maxCoinGeckoDeviationPercent: 2 } });
  expect(custom.config.checks.global.PriceFeedCoinGeckoCheck.max_deviation).toBe(0.02);
});

test('per-feed thresholds become per-symbol overrides holding only what differs', () => {
  const { checks } = render().config;
  expect(checks['FX.EUR/USD']).toEqual({ PriceFeedOfflineCheck: { max_slot_distance: 10000 } });
  expect(checks['Crypto.BTC/USD']).toBeUndefined();
});

test('global thresholds override the defaults', () => {
  const global = render({ ...CONFIG, thresholds: { staleAfterSlots: 60 } }).config.checks.global;
  expect(global.PriceFeedOfflineCheck.max_slot_distance).toBe(60);
});

test('asset-type thresholds become per-symbol overrides of that type\'s feeds', () => {
  const { checks } = render({ ...CONFIG, assetTypes: { Crypto: { thresholds: { publisherStallSeconds: 60 } } } }).config;
  expect(checks['Crypto.BTC/USD']).toEqual({ PublisherStalledCheck: { stall_time_limit: 60 } });
});

test('publishers and the CoinGecko mapping come from the feeds and publishers given', () => {
  const { publishers, coingecko } = render();
  expect(publishers).toEqual([{ name: 'publisher1', key: 'FR19oB2ePko2haah8yP4fhTycxitxkVQTxk3tssxX1Ce' }]);
  expect(coingecko).toEqual({ 'Crypto.BTC/USD': 'bitcoin' });
});

test('fails when endpoints, symbols or keys are malformed, listing every problem with its path', () => {
  const bad = {
    ...CONFIG,
    network: { ...(CONFIG.network as object), httpEndpoint: 'http://insecure', wsEndpoint: 'ws://insecure' },
    feeds: { BTCUSD: {} },
    publishers: { broken: 'not-a-key!' },
  };
  expect(() => render(bad)).toThrow(
    /\(4 problems\):\ndev: network\.httpEndpoint: "http:\/\/insecure" \(allowed: an https URL\)\ndev: network\.wsEndpoint: .*\ndev: feeds\.BTCUSD: "BTCUSD" has asset type "BTCUSD".*\ndev: publishers\.broken: "not-a-key!" \(allowed: a base58 public key\)/,
  );
});

test('fails when no feed is given', () => {
  expect(() => render({ ...CONFIG, feeds: {} })).toThrow('dev: feeds: an object (allowed: at least one feed, keyed by Pyth symbol)');
});
