import type { RecordingRule } from '../constructs/alerting/rules/recording-rule';
import type { RuleGroup } from '../constructs/alerting/rules/rule-group';
import { Runbook } from '../constructs/alerting/rules/runbook';
import { OBSERVER_NAME } from '../constructs/price-feeds/observer/observer-manifests';
import { OBSERVER_METRICS } from '../constructs/price-feeds/observer/observer-metrics';
import type { MarketClosure } from '../constructs/alerting/alertmanager/routing-model';
import { localClockRule, MARKET_OPEN_SERIES, marketOpenExpr, timeZoneOf } from '../constructs/alerting/rules/market-clock';
import { ASSET_TYPES, type AssetType, type AssetTypeDefinition } from '../constructs/price-feeds/asset-types';
import { PRICE_FEED_ALERTS } from '../constructs/price-feeds/rules/alert-names';
import { PYTHNET_SLOT_SECONDS } from '../constructs/price-feeds/thresholds';
import type { ServiceLevelObjectiveSpec } from '../constructs/slo/slo-spec';
import type { EnvironmentConfig } from '../environments/schema';
import { environmentPriceFeeds } from './environment-monitors';

/**
 * feedops' own service level objectives (besides each endpoint's availability SLO, rendered by the endpoint pack):
 * the observer is up, and each feed is fresh while it is expected to trade. Objectives are feedops' promise, the
 * same in every environment.
 */
export const OBSERVER_AVAILABILITY_OBJECTIVE_PERCENT = 99.9;
export const PRICE_FEED_FRESHNESS_OBJECTIVE_PERCENT = 99.5;

/** Recorded inputs of the SLIs: 1 while good, 0 while bad, one series per feed (none while its market is closed). */
export const SLO_INPUTS = {
  observerUp: 'feedops:pyth_observer_up:max',
  feedFresh: 'feedops:pyth_price_feed_fresh:bool',
} as const;

/**
 * When a feed whose market closes counts for its freshness SLI. pyth-observer cannot tell a closed market from a
 * broken feed (v3.0.2 exports status 0 and a growing staleness for both: its own offline check reads the product's
 * market schedule, which it does not export), so the SLI reads feedops' market clock (`ASSET_TYPES`, the closures
 * Alertmanager mutes with) and skips closed time.
 */
export interface FreshnessTradingHours {
  readonly assetType: AssetType;
  readonly closure: MarketClosure;
  /**
   * Seconds after the open before samples count: the feed's staleness limit plus PythPriceFeedStale's pending time,
   * the slack that alert already gives a feed whose first update after the open is slow.
   */
  readonly graceSeconds: number;
}

export interface FreshnessFeed {
  readonly symbol: string;
  /** The staleness limit of the feed's PythPriceFeedStale alert (the resolved model). */
  readonly limitSlots: number;
  readonly slug: string;
  /** @default - trades around the clock: every sample counts */
  readonly tradingHours?: FreshnessTradingHours;
}

/** Every feed of the environment gets a freshness SLO. */
export function freshnessFeeds(env: EnvironmentConfig): FreshnessFeed[] {
  const feeds = environmentPriceFeeds(env);
  return feeds.feeds.map((feed) => {
    const definition: AssetTypeDefinition = ASSET_TYPES[feed.assetType];
    const pendingStale = feeds.assetTypes.find((type) => type.assetType === feed.assetType)!.pendingFor.stale;
    const graceSeconds = Math.ceil(feed.thresholds.staleAfterSlots * PYTHNET_SLOT_SECONDS + pendingStale.toSeconds());
    return {
      symbol: feed.symbol,
      limitSlots: feed.thresholds.staleAfterSlots,
      slug: feed.symbol.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      ...(definition.marketClosure ? { tradingHours: { assetType: feed.assetType, closure: definition.marketClosure, graceSeconds } } : {}),
    };
  });
}

/** Recording rules that turn the observer's metrics (and the market clock) into the boolean SLIs; one group, evaluated in order. */
export function sloInputRuleGroups(env: EnvironmentConfig): RuleGroup[] {
  const job = `job="${OBSERVER_NAME}"`;
  const feeds = freshnessFeeds(env);
  const closures = new Map(feeds.flatMap((feed) => (feed.tradingHours ? [[feed.tradingHours.assetType, feed.tradingHours.closure] as const] : [])));
  const zones = [...new Set([...closures.values()].flatMap((closure) => closure.closed.map(timeZoneOf)))];
  const marketRules: RecordingRule[] = [
    ...zones.map(localClockRule),
    ...[...closures].map(([assetType, closure]) => ({
      record: MARKET_OPEN_SERIES,
      expr: marketOpenExpr(closure, `ASSET_TYPES.${assetType}.marketClosure`),
      labels: { asset_type: assetType },
    })),
  ];
  const feedRules: RecordingRule[] = feeds.map(({ symbol, limitSlots, tradingHours }) => {
    // The freshest replica counts: a feed is fresh when any observer sees it within its staleness limit.
    const fresh = `min by (symbol) (${OBSERVER_METRICS.priceFeedStalenessSlots.name}{${job},symbol="${symbol}"}) <= bool ${limitSlots}`;
    const trading = tradingHours && `min_over_time(${MARKET_OPEN_SERIES}{asset_type="${tradingHours.assetType}"}[${tradingHours.graceSeconds}s]) == 1`;
    return { record: SLO_INPUTS.feedFresh, expr: trading ? `(${fresh})\nand on ()\n(${trading})` : fresh, labels: { symbol } };
  });
  return [
    {
      name: 'feedops-slo-inputs',
      rules: [{ record: SLO_INPUTS.observerUp, expr: `max(up{${job}})` }, ...marketRules, ...feedRules],
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
    ...freshnessFeeds(env).map(({ symbol, limitSlots, slug, tradingHours }) => ({
      namespace,
      service: 'price-feeds',
      name: `freshness-${slug}`,
      description: `${symbol} has a trading update within ${limitSlots} slots${tradingHours ? ` while its market is open (${tradingHours.assetType} hours)` : ''}.`,
      objectivePercent: PRICE_FEED_FRESHNESS_OBJECTIVE_PERCENT,
      sli: { kind: 'bool-gauge' as const, selector: `${SLO_INPUTS.feedFresh}{symbol="${symbol}"}` },
      alertName: 'PythPriceFeedFreshness',
      team: environmentPriceFeeds(env).team,
      runbook: runbook('PythPriceFeedFreshnessSlo'),
      labels: { symbol },
      // A feed that stays stale pages as PythPriceFeedStale within a minute; its budget burn is the same incident.
      pageSupersededBy: { alert: PRICE_FEED_ALERTS.priceFeedStale, on: ['symbol'] },
      // The SLI of a feed whose market closes has no samples while it is closed, by design; a feed the observer stops
      // reporting raises PythPriceFeedMetricAbsent either way.
      noData: tradingHours ? ('ignore' as const) : ('alert' as const),
    })),
  ];
}
