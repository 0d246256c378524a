export { OBSERVER_ALERTS, OBSERVER_METRIC_NAMES, PRICE_FEED_ALERTS } from './alert-names';
export { FEED_CLASSES, FEED_CLASS_ASSET_TYPE, type FeedClass } from './feed-class';
export { CRITICAL_FEED_METRICS } from './feed-class-rules';
export * from './options';
export { PRICE_FEED_RULE_LABELS, priceFeedRuleGroups, renderPriceFeedRules } from './price-feed-rules';
