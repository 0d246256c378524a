import type { Duration } from '../core/duration';
import { formatPath, parseOrThrow } from '../core/schema-problems';
import { ProblemCollector } from '../core/validation-error';
import { ASSET_TYPE_NAMES, assetTypeOfSymbol, type AssetType } from './asset-types';
import { DEFAULT_CONFIDENCE_BASELINE, DEFAULT_PENDING_FOR, type PriceFeedPendingDurations } from './pending-for';
import { priceFeedsSchema, type PriceFeedsConfig } from './schema';
import { DEFAULT_PRICE_FEED_THRESHOLDS, THRESHOLD_NAMES, type PriceFeedThresholds } from './thresholds';

/** The `team` label of price-feed alerts when the config names none. */
export const DEFAULT_PRICE_FEED_TEAM = 'feeds';
/** The observer's Service name, which a ServiceMonitor makes the `job` label of its series. */
export const OBSERVER_JOB = 'pyth-observer';
/**
 * The label that holds the observer's own `service` label ("pyth" or "coingecko") after scraping: a ServiceMonitor
 * adds a `service` target label, so Prometheus renames the observer's to `exported_service`.
 */
export const OBSERVER_API_SERVICE_LABEL = 'exported_service';
/** Likewise the observer's own `endpoint` label ("products", "prices"): a ServiceMonitor adds an `endpoint` target label. */
export const OBSERVER_API_ENDPOINT_LABEL = 'exported_endpoint';
export const DEFAULT_PRICE_FEED_NAMESPACE = 'monitors';

/** Where the resolved feed set is deployed and who owns its alerts. */
export interface PriceFeedContext {
  /** The `environment` label of every alert and the dashboards' environment. */
  readonly environment: string;
  /** https base URL of the runbooks; an alert links `<runbookBaseUrl>/<AlertName>.md`. */
  readonly runbookBaseUrl: string;
  /** @default DEFAULT_PRICE_FEED_NAMESPACE */
  readonly namespace?: string;
  /** Scope named in validation messages. @default - the environment */
  readonly scope?: string;
  /** Prefix of field paths in validation messages (`priceFeeds` inside an environment). @default '' */
  readonly pathPrefix?: string;
}

export interface ResolvedFeed {
  readonly symbol: string;
  readonly assetType: AssetType;
  /** Set when the feed is compared with CoinGecko. */
  readonly coingeckoId?: string;
  /** The Pyth price id, 64 lower-case hex digits without `0x`; set when the config gives it. */
  readonly priceId?: string;
  /** Global, asset-type and feed values merged, in that order. */
  readonly thresholds: Readonly<PriceFeedThresholds>;
}

export interface ResolvedAssetType {
  readonly assetType: AssetType;
  /** Sorted by symbol, so every output is independent of key order. */
  readonly feeds: readonly ResolvedFeed[];
  readonly pendingFor: Readonly<PriceFeedPendingDurations>;
  readonly confidenceBaseline: Duration;
}

/** The one object every price-feed renderer reads: observer config, rules, dashboards. */
export interface ResolvedPriceFeeds {
  readonly environment: string;
  readonly team: string;
  readonly runbookBaseUrl: string;
  readonly namespace: string;
  readonly network: PriceFeedsConfig['network'];
  readonly publishers: Readonly<Record<string, string>>;
  readonly observer: { readonly job: string; readonly apiServiceLabel: string; readonly apiEndpointLabel: string; readonly replicas: number };
  /** The global thresholds (defaults merged with the config's): the observer's `global` checks. */
  readonly thresholds: Readonly<PriceFeedThresholds>;
  /** Asset types that have feeds, in ASSET_TYPES order. */
  readonly assetTypes: readonly ResolvedAssetType[];
  /** Every feed, sorted by symbol. */
  readonly feeds: readonly ResolvedFeed[];
  /** Hermes, when its latest prices are checked (every feed then has a `priceId`). */
  readonly hermes?: { readonly url: string; readonly exporterReplicas: number };
}

/** json_exporter replicas reading Hermes when the config names none: one pod may restart without a gap. */
export const DEFAULT_HERMES_EXPORTER_REPLICAS = 2;

/**
 * The Pyth price ids the feed set declares: public identifiers the secret scan and the guardrails accept in output,
 * exactly these (a 64-hex value that is not one of them is still reported).
 */
export function declaredPriceIds(feeds: Pick<ResolvedPriceFeeds, 'feeds'>): string[] {
  return feeds.feeds.flatMap((feed) => (feed.priceId ? [feed.priceId] : []));
}

const RUNBOOK_BASE = /^https:\/\/\S+[^/]$/;
const ENVIRONMENT = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * Validates a feed set (with the same schema the environment uses) and applies every default and override once:
 * defaults -> `thresholds` -> `assetTypes.<type>.thresholds` -> the feed. Throws one ValidationError with every problem.
 */
export function resolvePriceFeeds(raw: unknown, context: PriceFeedContext): ResolvedPriceFeeds {
  const prefix = context.pathPrefix ? [context.pathPrefix] : [];
  const config = parseOrThrow(priceFeedsSchema, raw, context.scope ?? context.environment, { pathPrefix: prefix, what: 'price-feed configuration' });
  return resolveParsed(config, context);
}

/** Resolves a config that already passed priceFeedsSchema (the environment validator parsed it). */
export function resolveParsed(config: PriceFeedsConfig, context: PriceFeedContext): ResolvedPriceFeeds {
  const problems = new ProblemCollector(context.scope ?? context.environment);
  const at = (...path: PropertyKey[]) => formatPath([...(context.pathPrefix ? [context.pathPrefix] : []), ...path]);
  if (!ENVIRONMENT.test(context.environment)) problems.problem(at(), context.environment, 'an environment name: lower-case letters, digits and "-"');
  if (!RUNBOOK_BASE.test(context.runbookBaseUrl)) problems.problem('runbookBaseUrl', context.runbookBaseUrl, 'an https URL without a trailing "/"');

  const global: PriceFeedThresholds = { ...DEFAULT_PRICE_FEED_THRESHOLDS, ...definedOnly(config.thresholds) };
  const priceIdOwners = new Map<string, string>();
  const feeds: ResolvedFeed[] = Object.keys(config.feeds)
    .sort()
    .map((symbol) => {
      const assetType = assetTypeOfSymbol(symbol) as AssetType;
      const feed = config.feeds[symbol];
      const thresholds: PriceFeedThresholds = {
        ...global,
        ...definedOnly(config.assetTypes?.[assetType]?.thresholds),
        ...definedOnly(pickThresholds(feed)),
      };
      if (thresholds.abandonedAfterSlots <= thresholds.staleAfterSlots) {
        problems.problem(at('feeds', symbol, 'abandonedAfterSlots'), thresholds.abandonedAfterSlots, `more than staleAfterSlots (${thresholds.staleAfterSlots})`);
      }
      if (thresholds.publisherAbandonedSeconds <= thresholds.publisherStallSeconds) {
        problems.problem(at('feeds', symbol, 'publisherAbandonedSeconds'), thresholds.publisherAbandonedSeconds, `more than publisherStallSeconds (${thresholds.publisherStallSeconds})`);
      }
      const priceId = feed.priceId?.replace(/^0x/, '');
      if (config.hermes && !priceId) problems.problem(at('feeds', symbol, 'priceId'), undefined, 'a Pyth price feed id: required because priceFeeds.hermes is set (Hermes is asked by id)');
      const owner = priceId ? priceIdOwners.get(priceId) : undefined;
      if (priceId && owner) problems.problem(at('feeds', symbol, 'priceId'), feed.priceId, `an id of this feed only (it is also the price id of "${owner}")`);
      if (priceId && !owner) priceIdOwners.set(priceId, symbol);
      return { symbol, assetType, ...(feed.coingeckoId ? { coingeckoId: feed.coingeckoId } : {}), ...(priceId ? { priceId } : {}), thresholds };
    });
  for (const type of Object.keys(config.assetTypes ?? {})) {
    if (!feeds.some((feed) => feed.assetType === type)) problems.problem(at('assetTypes', type), type, `an asset type that has feeds (${distinct(feeds.map((f) => f.assetType)).join(', ')})`);
  }
  problems.throwIfAny('price-feed configuration');

  const assetTypes = ASSET_TYPE_NAMES.filter((type) => feeds.some((feed) => feed.assetType === type)).map((assetType): ResolvedAssetType => {
    const settings = config.assetTypes?.[assetType];
    return {
      assetType,
      feeds: feeds.filter((feed) => feed.assetType === assetType),
      pendingFor: { ...DEFAULT_PENDING_FOR, ...definedOnly(settings?.pendingFor) },
      confidenceBaseline: settings?.confidenceBaseline ?? DEFAULT_CONFIDENCE_BASELINE,
    };
  });
  return {
    environment: context.environment,
    team: config.team ?? DEFAULT_PRICE_FEED_TEAM,
    runbookBaseUrl: context.runbookBaseUrl,
    namespace: context.namespace ?? DEFAULT_PRICE_FEED_NAMESPACE,
    network: config.network,
    publishers: config.publishers,
    observer: { job: OBSERVER_JOB, apiServiceLabel: OBSERVER_API_SERVICE_LABEL, apiEndpointLabel: OBSERVER_API_ENDPOINT_LABEL, replicas: config.observer.replicas },
    thresholds: global,
    assetTypes,
    feeds,
    ...(config.hermes ? { hermes: { url: config.hermes.url, exporterReplicas: config.hermes.exporterReplicas ?? DEFAULT_HERMES_EXPORTER_REPLICAS } } : {}),
  };
}

function pickThresholds(feed: Record<string, unknown>): Partial<PriceFeedThresholds> {
  return Object.fromEntries(THRESHOLD_NAMES.filter((name) => feed[name] !== undefined).map((name) => [name, feed[name]]));
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
