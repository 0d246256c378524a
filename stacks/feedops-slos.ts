import { DEFAULT_MAX_STALENESS_SLOTS } from '../constructs/alerting/price-feeds/options';
import type { RecordingRule } from '../constructs/alerting/rules/recording-rule';
import type { RuleGroup } from '../constructs/alerting/rules/rule-group';
import { Runbook } from '../constructs/alerting/rules/runbook';
import { OBSERVER_NAME } from '../constructs/monitors/observer-manifests';
import { OBSERVER_METRICS } from '../constructs/monitors/observer-metrics';
import type { ServiceLevelObjectiveSpec } from '../constructs/slo/slo-spec';
import type { EnvironmentConfig } from '../environments/schema';
import { priceFeedRuleOptions, PRICE_FEED_TEAM } from './price-feed-monitoring';

/**
 * feedops' own service level objectives (besides each endpoint's availability SLO, rendered by the endpoint pack):
 * the observer is up, and each 24/7 feed is fresh. Objectives are feedops' promise, the same in every environment.
 */
export const OBSERVER_AVAILABILITY_OBJECTIVE_PERCENT = 99.9;
export const PRICE_FEED_FRESHNESS_OBJECTIVE_PERCENT = 99.5;
/** Feeds that trade around the clock; equity and FX feeds go stale by design while their markets are closed. */
export const ALWAYS_TRADING_ASSET_TYPE = 'Crypto';

/** Recorded inputs of the SLIs: 1 while good, 0 while bad, one series per feed. */
export const SLO_INPUTS = {
  observerUp: 'feedops:pyth_observer_up:max',
  feedFresh: 'feedops:pyth_price_feed_fresh:bool',
} as const;

/**
 * The staleness limit (slots) of each feed, exactly as the price-feed alerts use it. The one place this module
 * reads the price-feed model: point it at the new model when that lands.
 */
export function feedStalenessLimits(env: EnvironmentConfig): Record<string, number> {
  const options = priceFeedRuleOptions(env, 'unused');
  const limits: Record<string, number> = {};
  for (const feedClass of Object.values(options.feedClasses)) {
    for (const [symbol, feed] of Object.entries(feedClass?.feeds ?? {})) {
      limits[symbol] = feed.maxStalenessSlots ?? feedClass?.maxStalenessSlots ?? DEFAULT_MAX_STALENESS_SLOTS;
    }
  }
  return limits;
}

/** Feeds with a freshness SLO: the 24/7 ones. */
export function freshnessFeeds(env: EnvironmentConfig): Array<{ symbol: string; limitSlots: number; slug: string }> {
  return Object.entries(feedStalenessLimits(env))
    .filter(([symbol]) => symbol.startsWith(`${ALWAYS_TRADING_ASSET_TYPE}.`))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([symbol, limitSlots]) => ({ symbol, limitSlots, slug: symbol.toLowerCase().replace(/[^a-z0-9]+/g, '-') }));
}

/** Recording rules that turn the observer's metrics into the boolean SLIs. */
export function sloInputRuleGroups(env: EnvironmentConfig): RuleGroup[] {
  const job = `job="${OBSERVER_NAME}"`;
  const feedRules: RecordingRule[] = freshnessFeeds(env).map(({ symbol, limitSlots }) => ({
    record: SLO_INPUTS.feedFresh,
    // The freshest replica counts: a feed is fresh when any observer sees it within its staleness limit.
    expr: `min by (symbol) (${OBSERVER_METRICS.priceFeedStalenessSlots.name}{${job},symbol="${symbol}"}) <= bool ${limitSlots}`,
    labels: { symbol },
  }));
  return [
    {
      name: 'feedops-slo-inputs',
      rules: [{ record: SLO_INPUTS.observerUp, expr: `max(up{${job}})` }, ...feedRules],
    },
  ];
}

export function feedopsSloSpecs(env: EnvironmentConfig, namespace: string): ServiceLevelObjectiveSpec[] {
  const runbook = (page: string) => Runbook.at(env.alerting.runbookBaseUrl, page);
  return [
    {
      namespace,
      service: OBSERVER_NAME,
      name: 'availability',
      description: 'At least one pyth-observer replica is scraped successfully.',
      objectivePercent: OBSERVER_AVAILABILITY_OBJECTIVE_PERCENT,
      sli: { kind: 'bool-gauge', selector: SLO_INPUTS.observerUp },
      alertName: 'PythObserverAvailability',
      team: PRICE_FEED_TEAM,
      runbook: runbook('PythObserverAvailabilitySlo'),
      // PythObserverAbsent already pages when no observer series exists.
      noData: 'ignore',
    },
    ...freshnessFeeds(env).map(({ symbol, limitSlots, slug }) => ({
      namespace,
      service: 'price-feeds',
      name: `freshness-${slug}`,
      description: `${symbol} has a trading update within ${limitSlots} slots.`,
      objectivePercent: PRICE_FEED_FRESHNESS_OBJECTIVE_PERCENT,
      sli: { kind: 'bool-gauge' as const, selector: `${SLO_INPUTS.feedFresh}{symbol="${symbol}"}` },
      alertName: 'PythPriceFeedFreshness',
      team: PRICE_FEED_TEAM,
      runbook: runbook('PythPriceFeedFreshnessSlo'),
      labels: { symbol },
      noData: 'alert' as const,
    })),
  ];
}
