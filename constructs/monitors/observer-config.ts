import { stringify } from 'yaml';

/**
 * pyth-observer's three configuration files (pyth-network/pyth-observer v3.0.x: sample.config.yaml,
 * sample.publishers.yaml, sample.coingecko.yaml), rendered from typed data by one pure function.
 * feedops runs the observer metrics-only: LogEvent is its only notifier; alerting is Prometheus + Alertmanager.
 */

/** Check thresholds, in the units people think in; each default is the upstream sample's. */
export interface ObserverThresholds {
  /** Feed offline after this many slots without a trading update (~400 ms a slot). @default 120 */
  readonly feedOfflineSlots?: number;
  /** Feed considered abandoned (check skipped) after this many slots. @default 100000 */
  readonly feedAbandonedSlots?: number;
  /** Maximum deviation of the aggregate from CoinGecko, percent. @default 5 */
  readonly coingeckoMaxDeviationPercent?: number;
  /** CoinGecko prices older than this are not compared, seconds. @default 60 */
  readonly coingeckoMaxStalenessSeconds?: number;
  /** Maximum distance of a publisher's price from the aggregate, percent. @default 5 */
  readonly publisherMaxDeviationPercent?: number;
  /** Publisher quotes older than this many slots are ignored by publisher checks. @default 25 */
  readonly publisherMaxSlotDistance?: number;
  /** A publisher whose price has not moved for this long is stalled, seconds. @default 120 */
  readonly publisherStallSeconds?: number;
  /** A publisher stalled this long is considered abandoned, seconds. @default 300 */
  readonly publisherAbandonedSeconds?: number;
}

export const DEFAULT_OBSERVER_THRESHOLDS: Required<ObserverThresholds> = {
  feedOfflineSlots: 120,
  feedAbandonedSlots: 100_000,
  coingeckoMaxDeviationPercent: 5,
  coingeckoMaxStalenessSeconds: 60,
  publisherMaxDeviationPercent: 5,
  publisherMaxSlotDistance: 25,
  publisherStallSeconds: 120,
  publisherAbandonedSeconds: 300,
};

export interface ObserverNetwork {
  /** e.g. `pythnet`. */
  readonly name: string;
  readonly httpEndpoint: string;
  readonly wsEndpoint: string;
  /** Address of the first mapping account of the network. */
  readonly firstMapping: string;
  /** @default 10 */
  readonly requestRateLimit?: number;
  /** Seconds. @default 1 */
  readonly requestRatePeriod?: number;
}

export interface ObservedFeed {
  /** CoinGecko coin id for the reference-price check. @default - no reference price */
  readonly coingeckoId?: string;
  /** Per-feed threshold overrides. @default - the global thresholds */
  readonly thresholds?: ObserverThresholds;
}

export interface ObserverConfigModel {
  readonly network: ObserverNetwork;
  /** Feeds keyed by Pyth symbol, e.g. `Crypto.BTC/USD`. */
  readonly feeds: Readonly<Record<string, ObservedFeed>>;
  /** Publishers keyed by name; the value is the publisher's public key (base58). */
  readonly publishers: Readonly<Record<string, string>>;
  /** @default DEFAULT_OBSERVER_THRESHOLDS */
  readonly thresholds?: ObserverThresholds;
}

/** File names inside the observer's config volume. */
export const OBSERVER_CONFIG_FILES = {
  config: 'config.yaml',
  publishers: 'publishers.yaml',
  coingecko: 'coingecko.json',
} as const;

const BASE58_KEY = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;
const SYMBOL = /^[A-Za-z]+(\.[A-Za-z0-9]+)*\.[A-Z0-9._-]+\/[A-Z0-9]+$/;

/** Checks whose thresholds feedops sets, in the observer's own vocabulary. */
function renderChecks(t: Required<ObserverThresholds>): Record<string, Record<string, unknown>> {
  return {
    PriceFeedOfflineCheck: { enable: true, max_slot_distance: t.feedOfflineSlots, abandoned_slot_distance: t.feedAbandonedSlots },
    PriceFeedCoinGeckoCheck: {
      enable: true,
      // The check compares a fraction (|price - coingecko| / coingecko) with max_deviation although its comment says
      // "percentage" (pyth_observer/check/price_feed.py), so 5 % must be written as 0.05.
      max_deviation: t.coingeckoMaxDeviationPercent / 100,
      max_staleness: t.coingeckoMaxStalenessSeconds,
    },
    PriceFeedConfidenceIntervalCheck: { enable: false },
    PublisherWithinAggregateConfidenceCheck: { enable: false },
    PublisherConfidenceIntervalCheck: { enable: false },
    PublisherOfflineCheck: { enable: false },
    PublisherPriceCheck: {
      enable: true,
      max_slot_distance: t.publisherMaxSlotDistance,
      max_aggregate_distance: t.publisherMaxDeviationPercent,
    },
    PublisherStalledCheck: {
      enable: true,
      stall_time_limit: t.publisherStallSeconds,
      abandoned_time_limit: t.publisherAbandonedSeconds,
      max_slot_distance: t.publisherMaxSlotDistance,
      noise_threshold: 0.0001,
      min_noise_samples: 10,
    },
  };
}

/** Only the checks whose settings differ from the global ones, as the observer's per-symbol overrides expect. */
function overridesOf(global: Record<string, Record<string, unknown>>, feed: Record<string, Record<string, unknown>>) {
  const overrides: Record<string, Record<string, unknown>> = {};
  for (const [check, settings] of Object.entries(feed)) {
    const changed = Object.fromEntries(Object.entries(settings).filter(([key, value]) => global[check][key] !== value));
    if (Object.keys(changed).length > 0) overrides[check] = changed;
  }
  return overrides;
}

export function renderObserverConfig(model: ObserverConfigModel): Record<(typeof OBSERVER_CONFIG_FILES)[keyof typeof OBSERVER_CONFIG_FILES], string> {
  const problems: string[] = [];
  if (!/^https:\/\//.test(model.network.httpEndpoint)) problems.push(`network.httpEndpoint "${model.network.httpEndpoint}" (allowed: an https:// URL)`);
  if (!/^wss:\/\//.test(model.network.wsEndpoint)) problems.push(`network.wsEndpoint "${model.network.wsEndpoint}" (allowed: a wss:// URL)`);
  if (!BASE58_KEY.test(model.network.firstMapping)) problems.push(`network.firstMapping "${model.network.firstMapping}" (allowed: a base58 account address)`);
  if (Object.keys(model.feeds).length === 0) problems.push('feeds is empty (allowed: at least one feed)');
  for (const symbol of Object.keys(model.feeds)) {
    if (!SYMBOL.test(symbol)) problems.push(`feeds.${symbol}: not a Pyth symbol (allowed: e.g. "Crypto.BTC/USD", "Equity.US.AAPL/USD")`);
  }
  for (const [name, key] of Object.entries(model.publishers)) {
    if (!BASE58_KEY.test(key)) problems.push(`publishers.${name}: "${key}" (allowed: a base58 public key)`);
  }
  if (problems.length > 0) throw new Error(`pyth-observer config: ${problems.join('; ')}`);

  const globalThresholds = { ...DEFAULT_OBSERVER_THRESHOLDS, ...model.thresholds };
  const globalChecks = renderChecks(globalThresholds);
  const checks: Record<string, unknown> = { global: globalChecks };
  for (const [symbol, feed] of Object.entries(model.feeds)) {
    if (!feed.thresholds) continue;
    const overrides = overridesOf(globalChecks, renderChecks({ ...globalThresholds, ...feed.thresholds }));
    if (Object.keys(overrides).length > 0) checks[symbol] = overrides;
  }

  const config = {
    network: {
      name: model.network.name,
      http_endpoint: model.network.httpEndpoint,
      ws_endpoint: model.network.wsEndpoint,
      first_mapping: model.network.firstMapping,
      request_rate_limit: model.network.requestRateLimit ?? 10,
      request_rate_period: model.network.requestRatePeriod ?? 1,
    },
    events: ['LogEvent'],
    checks,
  };
  // No contact_info: feedops does not use the observer's own notifiers (an empty one is rejected upstream).
  const publishers = Object.entries(model.publishers).map(([name, key]) => ({ name, key }));
  const coingecko = Object.fromEntries(
    Object.entries(model.feeds).flatMap(([symbol, feed]) => (feed.coingeckoId ? [[symbol, feed.coingeckoId]] : [])),
  );
  return {
    [OBSERVER_CONFIG_FILES.config]: stringify(config, { lineWidth: 0 }),
    [OBSERVER_CONFIG_FILES.publishers]: stringify(publishers, { lineWidth: 0 }),
    [OBSERVER_CONFIG_FILES.coingecko]: `${JSON.stringify(coingecko, null, 2)}\n`,
  } as Record<(typeof OBSERVER_CONFIG_FILES)[keyof typeof OBSERVER_CONFIG_FILES], string>;
}

/** The asset class of a Pyth symbol, as the observer's `asset_type` label carries it (e.g. "Crypto", "Equity", "FX"). */
export function assetTypeOf(symbol: string): string {
  return symbol.split('.')[0];
}
