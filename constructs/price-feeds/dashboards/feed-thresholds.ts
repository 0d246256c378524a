import { anyOf, groupByLimit } from '../../alerting/rules/promql';
import type { Thresholds } from '../../dashboards/dashboard-model';
import type { ResolvedFeed } from '../resolve';
import { DEFAULT_PRICE_FEED_THRESHOLDS, type PriceFeedThresholds } from '../thresholds';

type ThresholdName = keyof PriceFeedThresholds;

/**
 * A panel's colour boundaries from the feeds' own limits: the panel's thresholds use the limit most feeds share,
 * and every feed with another limit gets its own (matched by its symbol, the panel's legend).
 */
export function perFeedThresholds(feeds: readonly ResolvedFeed[], name: ThresholdName, thresholdsAt: (limit: number) => Thresholds) {
  const groups = groupByLimit(feeds, (feed) => feed.thresholds[name]);
  const common = groups.reduce((best, group) => (group.items.length > best.items.length ? group : best), groups[0] ?? { limit: DEFAULT_PRICE_FEED_THRESHOLDS[name], items: [] });
  const seriesThresholds = Object.fromEntries(
    groups.filter((group) => group.limit !== common.limit).flatMap((group) => group.items.map((feed) => [feed.symbol, thresholdsAt(group.limit)])),
  );
  return {
    panel: { thresholds: thresholdsAt(common.limit), ...(Object.keys(seriesThresholds).length > 0 ? { seriesThresholds } : {}) },
    /** The limit in words: "120 slots", or "120 slots, Crypto.SOL/USD 200 slots" when feeds differ. */
    describe(unit: string): string {
      const others = groups.filter((group) => group.limit !== common.limit).map((group) => `${group.items.map((feed) => feed.symbol).join(', ')} ${group.limit} ${unit}`);
      return [`${common.limit} ${unit}`, ...others].join('; ');
    },
  };
}

/** The strictest limit among the feeds (`min` for upper limits, `max` for minimums); the default when there are none. */
export function strictest(feeds: readonly ResolvedFeed[], name: ThresholdName, direction: 'min' | 'max'): number {
  if (feeds.length === 0) return DEFAULT_PRICE_FEED_THRESHOLDS[name];
  const limits = feeds.map((feed) => feed.thresholds[name]);
  return direction === 'min' ? Math.min(...limits) : Math.max(...limits);
}

/** One PromQL expression of the feeds past their own limit: a term per distinct limit, joined with `or`. */
export function feedsOverOwnLimit(feeds: readonly ResolvedFeed[], name: ThresholdName, term: (symbols: readonly string[], limit: number) => string): string {
  return anyOf(groupByLimit(feeds, (feed) => feed.thresholds[name]).map(({ limit, items }) => term(items.map((feed) => feed.symbol), limit))).replace(/\n/g, ' ');
}
