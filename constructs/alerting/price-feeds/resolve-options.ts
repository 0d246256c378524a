import { Duration } from '../../core/duration';
import { MIN_ALERT_FOR } from '../rules/rule-limits';
import { FEED_CLASSES, FEED_CLASS_ASSET_TYPE, symbolPrefix, type FeedClass } from './feed-class';
import {
  DEFAULT_COMPARE_WITH_COINGECKO,
  DEFAULT_CONFIDENCE_BASELINE,
  DEFAULT_MAX_COINGECKO_PRICE_AGE,
  DEFAULT_MAX_CONFIDENCE_INTERVAL_WIDENING,
  DEFAULT_MAX_DEVIATION_PERCENT,
  DEFAULT_MAX_STALENESS_SLOTS,
  DEFAULT_OBSERVER_API_SERVICE_LABEL,
  DEFAULT_OBSERVER_JOB,
  DEFAULT_PENDING_FOR,
  DEFAULT_PROMETHEUS_RULE_NAME,
  DEFAULT_PROMETHEUS_RULE_NAMESPACE,
  MIN_CONFIDENCE_BASELINE,
  type FeedClassOptions,
  type PriceFeedLimits,
  type PriceFeedPendingDurations,
  type PriceFeedRuleOptions,
} from './options';

export interface ResolvedFeed extends Required<PriceFeedLimits> {
  readonly symbol: string;
  readonly minPublishers: number;
}

export interface ResolvedFeedClass {
  readonly feedClass: FeedClass;
  readonly assetType: string;
  /** Sorted by symbol, so the rendered rules do not depend on key order. */
  readonly feeds: readonly ResolvedFeed[];
  readonly compareWithCoinGecko: boolean;
  readonly maxCoinGeckoPriceAge: Duration;
  readonly confidenceBaseline: Duration;
  readonly pendingFor: Required<PriceFeedPendingDurations>;
}

export interface ResolvedPriceFeedRuleOptions {
  readonly environment: string;
  readonly team: string;
  readonly runbookBaseUrl: string;
  readonly job: string;
  readonly apiServiceLabel: string;
  readonly name: string;
  readonly namespace: string;
  /** In FEED_CLASSES order. */
  readonly classes: readonly ResolvedFeedClass[];
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
// Symbols and the job end up inside PromQL string literals; keep them free of quotes, backslashes and newlines.
const SAFE_LABEL_VALUE = /^[^"\\\n\r]+$/;

/** Applies the defaults and checks every option; throws one error listing each problem with its field path. */
export function resolvePriceFeedRuleOptions(options: PriceFeedRuleOptions): ResolvedPriceFeedRuleOptions {
  const problems: string[] = [];
  const report = (field: string, value: unknown, allowed: string) => problems.push(`field "${field}" is ${show(value)} (allowed: ${allowed})`);

  for (const field of ['environment', 'team'] as const) {
    if (typeof options?.[field] !== 'string' || options[field].trim() === '') report(field, options?.[field], 'a non-empty string');
  }
  if (typeof options?.runbookBaseUrl !== 'string' || !/^https:\/\/\S+[^/]$/.test(options.runbookBaseUrl)) {
    report('runbookBaseUrl', options?.runbookBaseUrl, 'an https URL without a trailing slash');
  }
  const job = options?.observer?.job ?? DEFAULT_OBSERVER_JOB;
  if (typeof job !== 'string' || !SAFE_LABEL_VALUE.test(job)) report('observer.job', job, 'a non-empty label value without quotes or backslashes');
  const apiServiceLabel = options?.observer?.apiServiceLabel ?? DEFAULT_OBSERVER_API_SERVICE_LABEL;
  if (typeof apiServiceLabel !== 'string' || !LABEL_NAME.test(apiServiceLabel)) {
    report('observer.apiServiceLabel', apiServiceLabel, 'a label name, "exported_service" or "service"');
  }

  const classes: ResolvedFeedClass[] = [];
  const given = Object.keys(options?.feedClasses ?? {});
  for (const key of given) {
    if (!(FEED_CLASSES as readonly string[]).includes(key)) report(`feedClasses.${key}`, key, `one of ${FEED_CLASSES.join(', ')}`);
  }
  for (const feedClass of FEED_CLASSES) {
    const classOptions = options?.feedClasses?.[feedClass];
    if (classOptions !== undefined) classes.push(resolveFeedClass(feedClass, classOptions, report));
  }
  if (classes.length === 0) report('feedClasses', options?.feedClasses, `at least one of ${FEED_CLASSES.join(', ')} with at least one feed`);

  if (problems.length > 0) {
    throw new Error(`Invalid price-feed rule options (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
  }
  return {
    environment: options.environment,
    team: options.team,
    runbookBaseUrl: options.runbookBaseUrl,
    job,
    apiServiceLabel,
    name: options.name ?? DEFAULT_PROMETHEUS_RULE_NAME,
    namespace: options.namespace ?? DEFAULT_PROMETHEUS_RULE_NAMESPACE,
    classes,
  };
}

type Report = (field: string, value: unknown, allowed: string) => void;

function resolveFeedClass(feedClass: FeedClass, options: FeedClassOptions, report: Report): ResolvedFeedClass {
  const path = `feedClasses.${feedClass}`;
  const classLimits = resolveLimits(path, options, DEFAULT_LIMITS, report);
  const feeds: ResolvedFeed[] = [];
  const symbols = Object.keys(options?.feeds ?? {}).sort();
  if (symbols.length === 0) report(`${path}.feeds`, options?.feeds, 'at least one feed, keyed by Pyth symbol');
  for (const symbol of symbols) {
    const feedPath = `${path}.feeds["${symbol}"]`;
    const feed = options.feeds[symbol];
    if (!symbol.startsWith(symbolPrefix(feedClass)) || symbol.length === symbolPrefix(feedClass).length || !SAFE_LABEL_VALUE.test(symbol)) {
      report(feedPath, symbol, `a Pyth symbol of asset type ${FEED_CLASS_ASSET_TYPE[feedClass]}, e.g. "${symbolPrefix(feedClass)}${EXAMPLE_BASE[feedClass]}"`);
    }
    if (!Number.isInteger(feed?.minPublishers) || feed.minPublishers < 1) {
      report(`${feedPath}.minPublishers`, feed?.minPublishers, 'an integer of at least 1');
    }
    feeds.push({ symbol, minPublishers: feed?.minPublishers, ...resolveLimits(feedPath, feed ?? {}, classLimits, report) });
  }

  const maxCoinGeckoPriceAge = options.maxCoinGeckoPriceAge ?? DEFAULT_MAX_COINGECKO_PRICE_AGE;
  checkDuration(`${path}.maxCoinGeckoPriceAge`, maxCoinGeckoPriceAge, MIN_ALERT_FOR, report);
  const confidenceBaseline = options.confidenceBaseline ?? DEFAULT_CONFIDENCE_BASELINE;
  checkDuration(`${path}.confidenceBaseline`, confidenceBaseline, MIN_CONFIDENCE_BASELINE, report);
  const pendingFor = { ...DEFAULT_PENDING_FOR, ...options.pendingFor };
  for (const [name, duration] of Object.entries(pendingFor)) checkDuration(`${path}.pendingFor.${name}`, duration, MIN_ALERT_FOR, report);
  const compareWithCoinGecko = options.compareWithCoinGecko ?? DEFAULT_COMPARE_WITH_COINGECKO[feedClass];
  if (typeof compareWithCoinGecko !== 'boolean') report(`${path}.compareWithCoinGecko`, compareWithCoinGecko, 'true or false');

  return {
    feedClass,
    assetType: FEED_CLASS_ASSET_TYPE[feedClass],
    feeds,
    compareWithCoinGecko,
    maxCoinGeckoPriceAge,
    confidenceBaseline,
    pendingFor,
  };
}

const DEFAULT_LIMITS: Required<PriceFeedLimits> = {
  maxStalenessSlots: DEFAULT_MAX_STALENESS_SLOTS,
  maxDeviationPercent: DEFAULT_MAX_DEVIATION_PERCENT,
  maxConfidenceIntervalWidening: DEFAULT_MAX_CONFIDENCE_INTERVAL_WIDENING,
};

const EXAMPLE_BASE: Readonly<Record<FeedClass, string>> = { crypto: 'BTC/USD', equity: 'US.AAPL/USD', fx: 'EUR/USD' };

function resolveLimits(path: string, given: PriceFeedLimits, fallback: Required<PriceFeedLimits>, report: Report): Required<PriceFeedLimits> {
  const limits = {
    maxStalenessSlots: given.maxStalenessSlots ?? fallback.maxStalenessSlots,
    maxDeviationPercent: given.maxDeviationPercent ?? fallback.maxDeviationPercent,
    maxConfidenceIntervalWidening: given.maxConfidenceIntervalWidening ?? fallback.maxConfidenceIntervalWidening,
  };
  if (!Number.isInteger(limits.maxStalenessSlots) || limits.maxStalenessSlots < 1) {
    report(`${path}.maxStalenessSlots`, limits.maxStalenessSlots, 'an integer of at least 1 (slots are about 400 ms)');
  }
  if (!(typeof limits.maxDeviationPercent === 'number' && limits.maxDeviationPercent > 0 && limits.maxDeviationPercent <= 100)) {
    report(`${path}.maxDeviationPercent`, limits.maxDeviationPercent, 'a percentage above 0 and at most 100, e.g. 5 for 5 %');
  }
  if (!(typeof limits.maxConfidenceIntervalWidening === 'number' && limits.maxConfidenceIntervalWidening > 1 && Number.isFinite(limits.maxConfidenceIntervalWidening))) {
    report(`${path}.maxConfidenceIntervalWidening`, limits.maxConfidenceIntervalWidening, 'a finite factor above 1, e.g. 10');
  }
  return limits;
}

function checkDuration(field: string, value: unknown, minimum: Duration, report: Report): void {
  if (!(value instanceof Duration) || value.toSeconds() < minimum.toSeconds()) {
    report(field, value instanceof Duration ? value.toPrometheus() : value, `a Duration of at least ${minimum.toPrometheus()}`);
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
