import type { FeedClass } from '../constructs/alerting/price-feeds/feed-class';
import { FEED_CLASS_ASSET_TYPE } from '../constructs/alerting/price-feeds/feed-class';
import type { FeedClassOptions, PriceFeedRuleOptions } from '../constructs/alerting/price-feeds/options';
import { renderPriceFeedRules } from '../constructs/alerting/price-feeds/price-feed-rules';
import type { RenderedRules } from '../constructs/alerting/rules/render-rules';
import { assetTypeOf, DEFAULT_OBSERVER_THRESHOLDS, ObserverConfigModel } from '../constructs/monitors/observer-config';
import { OBSERVER_NAME } from '../constructs/monitors/observer-manifests';
import type { EnvironmentConfig } from '../environments/schema';

/** The team whose Slack channels get the price-feed alerts (`alerting.routing.byTeam.feeds`). */
export const PRICE_FEED_TEAM = 'feeds';

/** The environment's feeds as the observer's configuration: one source for what is checked and what alerts. */
export function observerConfigModel(env: EnvironmentConfig): ObserverConfigModel {
  const { priceFeeds } = env;
  return {
    network: priceFeeds.network,
    feeds: Object.fromEntries(
      Object.entries(priceFeeds.feeds).map(([symbol, feed]) => [symbol, { coingeckoId: feed.coingeckoId, thresholds: feed.thresholds }]),
    ),
    publishers: priceFeeds.publishers,
    thresholds: priceFeeds.thresholds,
  };
}

/** Feed class of a symbol from its asset type (`Crypto.BTC/USD` -> crypto). */
export function feedClassOf(symbol: string): FeedClass {
  const assetType = assetTypeOf(symbol);
  const entry = Object.entries(FEED_CLASS_ASSET_TYPE).find(([, type]) => type === assetType);
  if (!entry) throw new Error(`price feed ${symbol}: asset type "${assetType}" has no alert rules (allowed: ${Object.values(FEED_CLASS_ASSET_TYPE).join(', ')})`);
  return entry[0] as FeedClass;
}

/** The price-feed rule options of an environment: per feed, the same thresholds the observer uses. */
export function priceFeedRuleOptions(env: EnvironmentConfig, namespace: string): PriceFeedRuleOptions {
  const global = { ...DEFAULT_OBSERVER_THRESHOLDS, ...env.priceFeeds.thresholds };
  const feedClasses: Partial<Record<FeedClass, { feeds: Record<string, FeedClassOptions['feeds'][string]> }>> = {};
  for (const [symbol, feed] of Object.entries(env.priceFeeds.feeds)) {
    const thresholds = { ...global, ...feed.thresholds };
    const feedClass = (feedClasses[feedClassOf(symbol)] ??= { feeds: {} });
    feedClass.feeds[symbol] = {
      minPublishers: feed.minPublishers,
      maxStalenessSlots: thresholds.feedOfflineSlots,
      maxDeviationPercent: thresholds.coingeckoMaxDeviationPercent,
      ...(feed.maxConfidenceIntervalWidening ? { maxConfidenceIntervalWidening: feed.maxConfidenceIntervalWidening } : {}),
    };
  }
  return {
    environment: env.name,
    team: PRICE_FEED_TEAM,
    runbookBaseUrl: env.alerting.runbookBaseUrl,
    feedClasses,
    observer: { job: OBSERVER_NAME },
    namespace,
  };
}

export function priceFeedRules(env: EnvironmentConfig, namespace: string): RenderedRules {
  return renderPriceFeedRules(priceFeedRuleOptions(env, namespace));
}
