import { resolvePriceFeeds, type ResolvedPriceFeeds } from '../../constructs/price-feeds/resolve';

export const RUNBOOK_BASE_URL = 'https://github.com/example/feedops/blob/main/docs/runbooks';

const NETWORK = {
  name: 'pythnet',
  httpEndpoint: 'https://api2.pythnet.pyth.network',
  wsEndpoint: 'wss://api2.pythnet.pyth.network',
  firstMapping: 'AHtgzX45WTKfkPG53L6WYhGEXwQkN1BVknET3sVsLL8J',
};
const PUBLISHERS = { publisher1: 'FR19oB2ePko2haah8yP4fhTycxitxkVQTxk3tssxX1Ce' };

/** A feed-set config as an environment writes it (`priceFeeds`), with the network and publishers filled in. */
export function feedSetConfig(feeds: Record<string, object>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { network: NETWORK, publishers: PUBLISHERS, observer: { replicas: 2 }, team: 'price-feeds', feeds, ...extra };
}

export function resolveFeedSet(environment: string, config: unknown, namespace = 'monitoring'): ResolvedPriceFeeds {
  return resolvePriceFeeds(config, { environment, runbookBaseUrl: RUNBOOK_BASE_URL, namespace });
}

/** Development: crypto feeds only, every default. */
export const DEV_CONFIG = feedSetConfig({
  'Crypto.BTC/USD': { coingeckoId: 'bitcoin' },
  'Crypto.ETH/USD': { coingeckoId: 'ethereum' },
});

/** Staging: crypto and equities; crypto is allowed more slots and a longer pending time. */
export const STAGING_CONFIG = feedSetConfig(
  {
    'Crypto.BTC/USD': { coingeckoId: 'bitcoin' },
    'Equity.US.AAPL/USD': { minPublishers: 2 },
    'Equity.US.MSFT/USD': { minPublishers: 2 },
  },
  { assetTypes: { Crypto: { thresholds: { staleAfterSlots: 150 }, pendingFor: { stale: '3m' } } } },
);

/** Production: every market kind, per-feed overrides (a long-tail crypto feed, an illiquid FX pair, gold). */
export const PROD_CONFIG = feedSetConfig({
  'Crypto.BTC/USD': { coingeckoId: 'bitcoin', minPublishers: 5 },
  'Crypto.ETH/USD': { coingeckoId: 'ethereum', minPublishers: 5 },
  'Crypto.SOL/USD': { coingeckoId: 'solana', minPublishers: 4, staleAfterSlots: 200, maxCoinGeckoDeviationPercent: 3 },
  'Equity.US.AAPL/USD': {},
  'FX.EUR/USD': {},
  // The observer's own sample allows this pair 10000 slots.
  'FX.USD/HKD': { staleAfterSlots: 10000 },
  'Metal.XAU/USD': {},
});

export const DEV_FEEDS = resolveFeedSet('dev', DEV_CONFIG);
export const STAGING_FEEDS = resolveFeedSet('staging', STAGING_CONFIG);
export const PROD_FEEDS = resolveFeedSet('prod', PROD_CONFIG);

export const FEED_SETS: Readonly<Record<string, ResolvedPriceFeeds>> = { dev: DEV_FEEDS, staging: STAGING_FEEDS, prod: PROD_FEEDS };
