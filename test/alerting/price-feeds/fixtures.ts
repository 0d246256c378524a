import { Duration } from '../../../constructs/core/duration';
import type { PriceFeedRuleOptions } from '../../../constructs/alerting/price-feeds/options';

export const RUNBOOK_BASE_URL = 'https://github.com/example/feedops/blob/main/docs/runbooks';

/** Development: crypto feeds only, every default. */
export const DEV_OPTIONS: PriceFeedRuleOptions = {
  environment: 'dev',
  team: 'price-feeds',
  runbookBaseUrl: RUNBOOK_BASE_URL,
  feedClasses: {
    crypto: { feeds: { 'Crypto.BTC/USD': { minPublishers: 3 }, 'Crypto.ETH/USD': { minPublishers: 3 } } },
  },
};

/** Staging: crypto and equities, scraped by a PodMonitor (so the observer's `service` label stays), tuned waits. */
export const STAGING_OPTIONS: PriceFeedRuleOptions = {
  environment: 'staging',
  team: 'price-feeds',
  runbookBaseUrl: RUNBOOK_BASE_URL,
  observer: { job: 'monitors/pyth-observer', apiServiceLabel: 'service' },
  feedClasses: {
    crypto: {
      maxStalenessSlots: 150,
      pendingFor: { stale: Duration.minutes(3) },
      feeds: { 'Crypto.BTC/USD': { minPublishers: 3 } },
    },
    equity: { feeds: { 'Equity.US.AAPL/USD': { minPublishers: 2 }, 'Equity.US.MSFT/USD': { minPublishers: 2 } } },
  },
};

/** Production: every class, per-feed overrides (a long-tail crypto feed, an illiquid FX pair). */
export const PROD_OPTIONS: PriceFeedRuleOptions = {
  environment: 'prod',
  team: 'price-feeds',
  runbookBaseUrl: RUNBOOK_BASE_URL,
  feedClasses: {
    crypto: {
      feeds: {
        'Crypto.BTC/USD': { minPublishers: 5 },
        'Crypto.ETH/USD': { minPublishers: 5 },
        'Crypto.SOL/USD': { minPublishers: 4, maxStalenessSlots: 200, maxDeviationPercent: 3 },
      },
    },
    equity: { feeds: { 'Equity.US.AAPL/USD': { minPublishers: 3 } } },
    fx: {
      feeds: {
        'FX.EUR/USD': { minPublishers: 3 },
        // The observer's own sample allows this pair 10000 slots.
        'FX.USD/HKD': { minPublishers: 3, maxStalenessSlots: 10000 },
      },
    },
  },
};

export const OPTION_SETS: Readonly<Record<string, PriceFeedRuleOptions>> = { dev: DEV_OPTIONS, staging: STAGING_OPTIONS, prod: PROD_OPTIONS };
