import { yamlText } from '../../core/yaml-text';
import type { ResolvedPriceFeeds } from '../resolve';
import type { PriceFeedThresholds } from '../thresholds';

/**
 * pyth-observer's three configuration files (pyth-network/pyth-observer v3.0.x: sample.config.yaml,
 * sample.publishers.yaml, sample.coingecko.yaml), rendered from the resolved feed set. The only place that speaks
 * the observer's vocabulary. feedops runs it metrics-only: LogEvent is its only notifier.
 */

/** File names inside the observer's config volume. */
export const OBSERVER_CONFIG_FILES = {
  config: 'config.yaml',
  publishers: 'publishers.yaml',
  coingecko: 'coingecko.json',
} as const;

export type ObserverConfigFiles = Record<(typeof OBSERVER_CONFIG_FILES)[keyof typeof OBSERVER_CONFIG_FILES], string>;

/** Requests per period the observer may send to its RPC node (the upstream sample's values). */
export const OBSERVER_REQUEST_RATE_LIMIT = 10;
export const OBSERVER_REQUEST_RATE_PERIOD_SECONDS = 1;

/** Checks whose thresholds feedops sets, in the observer's own vocabulary. */
function renderChecks(t: PriceFeedThresholds): Record<string, Record<string, unknown>> {
  return {
    PriceFeedOfflineCheck: { enable: true, max_slot_distance: t.staleAfterSlots, abandoned_slot_distance: t.abandonedAfterSlots },
    PriceFeedCoinGeckoCheck: {
      enable: true,
      // The check compares a fraction (|price - coingecko| / coingecko) with max_deviation although its comment says
      // "percentage" (pyth_observer/check/price_feed.py), so 5 % must be written as 0.05.
      max_deviation: t.maxCoinGeckoDeviationPercent / 100,
      max_staleness: t.maxCoinGeckoPriceAgeSeconds,
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

export function renderObserverConfig(feeds: ResolvedPriceFeeds): ObserverConfigFiles {
  const globalChecks = renderChecks(feeds.thresholds);
  const checks: Record<string, unknown> = { global: globalChecks };
  for (const feed of feeds.feeds) {
    const overrides = overridesOf(globalChecks, renderChecks(feed.thresholds));
    if (Object.keys(overrides).length > 0) checks[feed.symbol] = overrides;
  }

  const config = {
    network: {
      name: feeds.network.name,
      http_endpoint: feeds.network.httpEndpoint,
      ws_endpoint: feeds.network.wsEndpoint,
      first_mapping: feeds.network.firstMapping,
      request_rate_limit: OBSERVER_REQUEST_RATE_LIMIT,
      request_rate_period: OBSERVER_REQUEST_RATE_PERIOD_SECONDS,
    },
    events: ['LogEvent'],
    checks,
  };
  // No contact_info: feedops does not use the observer's own notifiers (an empty one is rejected upstream).
  const publishers = Object.entries(feeds.publishers).map(([name, key]) => ({ name, key }));
  const coingecko = Object.fromEntries(feeds.feeds.flatMap((feed) => (feed.coingeckoId ? [[feed.symbol, feed.coingeckoId]] : [])));
  return {
    [OBSERVER_CONFIG_FILES.config]: yamlText(config),
    [OBSERVER_CONFIG_FILES.publishers]: yamlText(publishers),
    [OBSERVER_CONFIG_FILES.coingecko]: `${JSON.stringify(coingecko, null, 2)}\n`,
  } as ObserverConfigFiles;
}
