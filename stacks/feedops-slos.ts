import type { RecordingRule } from '../constructs/alerting/rules/recording-rule';
import type { RuleGroup } from '../constructs/alerting/rules/rule-group';
import { Runbook } from '../constructs/alerting/rules/runbook';
import { OBSERVER_NAME } from '../constructs/price-feeds/observer/observer-manifests';
import { OBSERVER_METRICS } from '../constructs/price-feeds/observer/observer-metrics';
import { ASSET_TYPES, type AssetTypeDefinition } from '../constructs/price-feeds/asset-types';
import type { ServiceLevelObjectiveSpec } from '../constructs/slo/slo-spec';
import type { EnvironmentConfig } from '../environments/schema';
import { environmentPriceFeeds } from './monitors-stack';

/**
 * feedops' own service level objectives (besides each endpoint's availability SLO, rendered by the endpoint pack):
 * the observer is up, and each 24/7 feed is fresh. Objectives are feedops' promise, the same in every environment.
 */
export const OBSERVER_AVAILABILITY_OBJECTIVE_PERCENT = 99.9;
export const PRICE_FEED_FRESHNESS_OBJECTIVE_PERCENT = 99.5;
/** Feeds that trade around the clock (no market closure); the others go stale by design while their markets are closed. */
function tradesAroundTheClock(assetType: keyof typeof ASSET_TYPES): boolean {
  const definition: AssetTypeDefinition = ASSET_TYPES[assetType];
  return definition.marketClosure === undefined;
}

/** Recorded inputs of the SLIs: 1 while good, 0 while bad, one series per feed. */
export const SLO_INPUTS = {
  observerUp: 'feedops:pyth_observer_up:max',
  feedFresh: 'feedops:pyth_price_feed_fresh:bool',
} as const;

/** Feeds with a freshness SLO, each with the staleness limit its PythPriceFeedStale alert uses (the resolved model). */
export function freshnessFeeds(env: EnvironmentConfig): Array<{ symbol: string; limitSlots: number; slug: string }> {
  return environmentPriceFeeds(env)
    .feeds.filter((feed) => tradesAroundTheClock(feed.assetType))
    .map((feed) => ({ symbol: feed.symbol, limitSlots: feed.thresholds.staleAfterSlots, slug: feed.symbol.toLowerCase().replace(/[^a-z0-9]+/g, '-') }));
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
      team: environmentPriceFeeds(env).team,
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
      team: environmentPriceFeeds(env).team,
      runbook: runbook('PythPriceFeedFreshnessSlo'),
      labels: { symbol },
      noData: 'alert' as const,
    })),
  ];
}
