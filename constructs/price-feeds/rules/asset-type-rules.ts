import { ALERT_LATENCY_BUDGET } from '../../alerting/alert-latency-budget';
import type { AlertRule } from '../../alerting/rules/alert-rule';
import { Duration } from '../../core/duration';
import { anyOf, groupByLimit, indent, matchAny, quote, selector } from '../../alerting/rules/promql';
import type { RuleGroup } from '../../alerting/rules/rule-group';
import { Runbook } from '../../alerting/rules/runbook';
import { Severity } from '../../alerting/rules/severity';
import { ASSET_TYPES, type AssetTypeDefinition } from '../asset-types';
import { STALE_FOR_BELOW_MINIMUM_BECAUSE, STALE_KEEP_FIRING_FOR } from '../pending-for';
import type { ResolvedAssetType, ResolvedFeed, ResolvedPriceFeeds } from '../resolve';
import { PYTHNET_SLOT_SECONDS, type PriceFeedThresholds } from '../thresholds';
import { OBSERVER_METRIC_NAMES, PRICE_FEED_ALERTS } from './alert-names';

/**
 * Metric families the class's critical alerts read. Each gets an absent() companion per feed, because a
 * missing series silences a critical alert instead of firing it.
 */
export const CRITICAL_FEED_METRICS = [OBSERVER_METRIC_NAMES.staleness, OBSERVER_METRIC_NAMES.status] as const;

/** The rule group name of an asset type's feeds, e.g. `pyth-price-feeds-crypto`. */
export function assetTypeRuleGroupName(assetType: string): string {
  return `pyth-price-feeds-${assetType.toLowerCase()}`;
}

/** The rule group of an asset type's stale alert, e.g. `pyth-price-feeds-crypto-stale`. */
export function assetTypeStaleRuleGroupName(assetType: string): string {
  return `${assetTypeRuleGroupName(assetType)}-stale`;
}

/**
 * The per-feed alerts of one asset type: the stale alert in a group of its own, evaluated every
 * ALERT_LATENCY_BUDGET.staleEvaluationInterval (part of its page latency), and every other alert at Prometheus'
 * evaluation interval (the confidence rule's 6-hour median is too costly to evaluate that often).
 */
export function assetTypeRuleGroups(assetType: ResolvedAssetType, feeds: ResolvedPriceFeeds): RuleGroup[] {
  const rules = new AssetTypeRules(assetType, feeds);
  const comparedWithCoinGecko = assetType.feeds.some((feed) => feed.coingeckoId !== undefined);
  return [
    {
      name: assetTypeRuleGroupName(assetType.assetType),
      rules: [
        rules.notTrading(),
        rules.publishersLow(),
        rules.confidenceIntervalWide(),
        ...(comparedWithCoinGecko ? [rules.deviationFromCoinGeckoHigh(), rules.coinGeckoPriceStale(), rules.coinGeckoPriceMissing()] : []),
        rules.metricAbsent(),
      ],
    },
    { name: assetTypeStaleRuleGroupName(assetType.assetType), interval: ALERT_LATENCY_BUDGET.staleEvaluationInterval, rules: [rules.stale()] },
  ];
}

/*
 * Aggregation across observer replicas: `by (symbol)` drops pod and instance labels, so one feed gives one
 * alert. Each rule takes the pessimistic view (any replica seeing the problem fires): a frozen replica
 * reports old, healthy-looking values, so an optimistic view would hide a real problem behind it. A
 * replica's own faults have the observer alerts.
 */
class AssetTypeRules {
  private readonly feeds: readonly ResolvedFeed[];
  /** The feeds compared with CoinGecko (those with a CoinGecko id). */
  private readonly coinGeckoFeeds: readonly ResolvedFeed[];

  constructor(
    private readonly assetType: ResolvedAssetType,
    private readonly options: ResolvedPriceFeeds,
  ) {
    this.feeds = assetType.feeds;
    this.coinGeckoFeeds = assetType.feeds.filter((feed) => feed.coingeckoId !== undefined);
  }

  public stale(): AlertRule {
    const terms = groupByLimit(this.feeds, limit('staleAfterSlots')).map(
      ({ limit, items }) => `max by (symbol) (${this.select(OBSERVER_METRIC_NAMES.staleness, items)}) > ${limit}`,
    );
    return this.alert(PRICE_FEED_ALERTS.priceFeedStale, {
      expr: anyOf(terms),
      for: this.assetType.pendingFor.stale,
      forBelowMinimumBecause: STALE_FOR_BELOW_MINIMUM_BECAUSE,
      keepFiringFor: STALE_KEEP_FIRING_FOR,
      severity: Severity.CRITICAL,
      summary: 'Pyth {{ $labels.symbol }} price is stale: {{ printf "%.0f" $value }} slots without a trading update',
      description:
        `pyth-observer reports that ${this.name()} feed {{ $labels.symbol }} has had no trading update for {{ printf "%.0f" $value }} slots ` +
        `(a Pythnet slot is about ${PYTHNET_SLOT_SECONDS * 1000} ms; ${this.limits(this.feeds, 'staleAfterSlots', (slots) => `${slots} slots (about ${Math.round(slots * PYTHNET_SLOT_SECONDS)} s)`)}). ` +
        'Consumers that check the publish time reject the price and their transactions fail; consumers that do not act on an old price.' +
        this.marketHoursNote(),
    });
  }

  public notTrading(): AlertRule {
    return this.alert(PRICE_FEED_ALERTS.priceFeedNotTrading, {
      expr: `min by (symbol) (${this.select(OBSERVER_METRIC_NAMES.status)}) == 0`,
      for: this.assetType.pendingFor.notTrading,
      severity: Severity.CRITICAL,
      summary: 'Pyth {{ $labels.symbol }} is not trading',
      description:
        `The aggregate status of ${this.name()} feed {{ $labels.symbol }} is not "trading": fewer publishers than the feed's on-chain min_pub ` +
        'quoted in the last 25 slots, or the feed is halted. The aggregate price is unknown, so consumers get no fresh price.' +
        this.marketHoursNote(),
    });
  }

  public publishersLow(): AlertRule {
    const terms = groupByLimit(this.feeds, limit('minPublishers')).map(
      ({ limit, items }) => `min by (symbol) (${this.select(OBSERVER_METRIC_NAMES.publishers, items)}) < ${limit}`,
    );
    return this.alert(PRICE_FEED_ALERTS.publishersLow, {
      expr: anyOf(terms),
      for: this.assetType.pendingFor.publishersLow,
      severity: Severity.WARNING,
      summary: 'Pyth {{ $labels.symbol }} has only {{ printf "%.0f" $value }} publishers',
      description:
        `${this.capitalName()} feed {{ $labels.symbol }} has {{ printf "%.0f" $value }} publishers, fewer than the minimum feedops expects ` +
        `(${this.limits(this.feeds, 'minPublishers', (count) => `${count}`)}). pyth-observer counts the publishers on the price account, ` +
        'so this drops when publishers are removed from the feed. With fewer publishers the aggregate is easier to move and closer to ' +
        'going unknown below the on-chain min_pub.',
    });
  }

  public confidenceIntervalWide(): AlertRule {
    const baseline = this.assetType.confidenceBaseline.toPrometheus();
    const terms = groupByLimit(this.feeds, limit('maxConfidenceIntervalWidening')).map(({ limit, items }) => {
      const interval = this.select(OBSERVER_METRIC_NAMES.confidenceInterval, items);
      return `max by (symbol) (\n  ${interval}\n  /\n  (quantile_over_time(0.5, ${interval}[${baseline}]) > 0)\n) > ${limit}`;
    });
    const trading = `min by (symbol) (${this.select(OBSERVER_METRIC_NAMES.status)}) == 1`;
    return this.alert(PRICE_FEED_ALERTS.confidenceIntervalWide, {
      // The observer exports the interval in price units but not the price, so the yardstick is the feed's own
      // recent median; a non-trading feed has no meaningful interval and has its own alert.
      expr: `(\n${indent(anyOf(terms))}\n)\nand on (symbol)\n(${trading})`,
      for: this.assetType.pendingFor.confidenceWide,
      severity: Severity.WARNING,
      summary: `Pyth {{ $labels.symbol }} confidence interval is {{ printf "%.1f" $value }} times its ${baseline} median`,
      description:
        `The aggregate confidence interval of ${this.name()} feed {{ $labels.symbol }} is {{ printf "%.1f" $value }} times its median over ` +
        `the last ${baseline} (${this.limits(this.feeds, 'maxConfidenceIntervalWidening', (factor) => `${factor} times`)}). Publishers disagree ` +
        'or the market is dislocated. Consumers that use price ± confidence (lending, perps) value positions more conservatively or reject the price.',
    });
  }

  public deviationFromCoinGeckoHigh(): AlertRule {
    const terms = groupByLimit(this.coinGeckoFeeds, limit('maxCoinGeckoDeviationPercent')).map(
      ({ limit, items }) => `max by (symbol) (${this.select(OBSERVER_METRIC_NAMES.deviationFromCoinGecko, items)}) > ${limit}`,
    );
    return this.alert(PRICE_FEED_ALERTS.deviationFromCoinGeckoHigh, {
      // Only while the reference is fresh and refreshing (the observer keeps the last CoinGecko values when
      // CoinGecko fails, so a frozen deviation must not fire for ever), and only while the feed trades: a halted
      // or closed feed's last aggregate is expected to drift from the market (the observer's own check skips it).
      expr:
        `(\n${indent(anyOf(terms))}\n)\nand on (symbol)\n(\n${indent(this.coinGeckoFresh())}\n)\n` +
        `and on (symbol)\n(min by (symbol) (${this.select(OBSERVER_METRIC_NAMES.status, this.coinGeckoFeeds)}) == 1)`,
      for: this.assetType.pendingFor.deviation,
      severity: Severity.WARNING,
      summary: 'Pyth {{ $labels.symbol }} is {{ printf "%.2f" $value }}% away from CoinGecko',
      description:
        `The Pyth aggregate of ${this.name()} feed {{ $labels.symbol }} differs from CoinGecko's price by {{ printf "%.2f" $value }}% ` +
        `(${this.limits(this.coinGeckoFeeds, 'maxCoinGeckoDeviationPercent', (percent) => `${percent}%`)}), with a CoinGecko price younger than its ` +
        `${this.limits(this.coinGeckoFeeds, 'maxCoinGeckoPriceAgeSeconds', seconds)} and still refreshing. Either the Pyth price is wrong (bad publisher sources) or CoinGecko lags a fast ` +
        'market. Consumers trade and liquidate at the Pyth price.',
    });
  }

  public coinGeckoPriceStale(): AlertRule {
    const terms = groupByLimit(this.coinGeckoFeeds, limit('maxCoinGeckoPriceAgeSeconds')).map(({ limit: maxAge, items }) => {
      const age = this.select(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, items);
      return `max by (symbol) (${age}) > ${maxAge}\nor\nmin by (symbol) (changes(${age}[${seconds(maxAge)}])) == 0`;
    });
    return this.alert(PRICE_FEED_ALERTS.coinGeckoPriceStale, {
      expr: anyOf(terms),
      for: this.assetType.pendingFor.coinGeckoStale,
      severity: Severity.WARNING,
      summary: 'CoinGecko reference price for {{ $labels.symbol }} is stale',
      description:
        `pyth-observer's CoinGecko price for {{ $labels.symbol }} is older than its ${this.limits(this.coinGeckoFeeds, 'maxCoinGeckoPriceAgeSeconds', seconds)}, ` +
        'or has not been refreshed for as long (CoinGecko errors or rate limits: the observer then keeps its last values). ' +
        `${PRICE_FEED_ALERTS.deviationFromCoinGeckoHigh} cannot fire for this feed until it recovers; the Pyth feed itself is not affected.`,
    });
  }

  /**
   * A configured feed the observer does not report. One alert per feed whichever of its series is missing, and
   * only while the observer reports other feeds: when it reports none, PythObserverReportsNoFeeds is the one signal.
   */
  public metricAbsent(): AlertRule {
    const terms = this.feeds.map((feed) => anyOf(CRITICAL_FEED_METRICS.map((metric) => `absent(${this.select(metric, [feed])})`)).replace(/\n/g, ' '));
    return this.alert(PRICE_FEED_ALERTS.priceFeedMetricAbsent, {
      expr: `(\n${indent(anyOf(terms))}\n)\nand on ()\ncount(${this.observerFeeds()}) > 0`,
      for: this.assetType.pendingFor.metricAbsent,
      severity: Severity.WARNING,
      summary: 'pyth-observer does not report {{ $labels.symbol }}',
      description:
        'pyth-observer reports other feeds but has no staleness or status series for {{ $labels.symbol }} (job {{ $labels.job }}), so ' +
        `${PRICE_FEED_ALERTS.priceFeedStale} and ${PRICE_FEED_ALERTS.priceFeedNotTrading} cannot fire for this feed. The observer skips feeds ` +
        'whose min_publishers is 10 or more ("coming soon") and symbols that do not exist on its network.',
    });
  }

  /**
   * A feed configured for the CoinGecko comparison that has no CoinGecko series (the observer sets them only when
   * CoinGecko returned a price for the mapped id): a wrong id, or CoinGecko unreachable since the observer started.
   */
  public coinGeckoPriceMissing(): AlertRule {
    const terms = this.coinGeckoFeeds.map((feed) =>
      `(${anyOf([OBSERVER_METRIC_NAMES.deviationFromCoinGecko, OBSERVER_METRIC_NAMES.coinGeckoPriceAge].map((metric) => `absent(${this.select(metric, [feed])})`)).replace(/\n/g, ' ')})` +
        ` and on (symbol) count by (symbol) (${this.select(OBSERVER_METRIC_NAMES.staleness, [feed])})`,
    );
    return this.alert(PRICE_FEED_ALERTS.coinGeckoPriceMissing, {
      expr: anyOf(terms),
      for: this.assetType.pendingFor.metricAbsent,
      severity: Severity.WARNING,
      summary: 'No CoinGecko reference price for {{ $labels.symbol }}',
      description:
        'pyth-observer reports {{ $labels.symbol }} but has no CoinGecko price for it: the CoinGecko id in the config is wrong, or CoinGecko ' +
        `has not answered since the observer started. ${PRICE_FEED_ALERTS.deviationFromCoinGeckoHigh} cannot fire for this feed meanwhile.`,
    });
  }

  /** Every feed series of the observer, of any feed: "the observer reports feeds". */
  private observerFeeds(): string {
    return selector(OBSERVER_METRIC_NAMES.staleness, [`job=${quote(this.options.observer.job)}`]);
  }

  private alert(name: string, rule: Pick<AlertRule, 'expr' | 'for' | 'forBelowMinimumBecause' | 'keepFiringFor' | 'severity' | 'summary' | 'description'>): AlertRule {
    return {
      alert: name,
      ...rule,
      team: this.options.team,
      runbook: Runbook.at(this.options.runbookBaseUrl, name),
      labels: { asset_type: this.assetType.assetType },
    };
  }

  private select(metric: string, feeds: readonly ResolvedFeed[] = this.feeds): string {
    return selector(metric, [`job=${quote(this.options.observer.job)}`, matchAny('symbol', feeds.map((feed) => feed.symbol))]);
  }

  /** The reference is young enough in every replica, and still being refreshed. */
  private coinGeckoFresh(): string {
    const terms = groupByLimit(this.coinGeckoFeeds, limit('maxCoinGeckoPriceAgeSeconds')).map(({ limit: maxAge, items }) => {
      const age = this.select(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, items);
      return `max by (symbol) (${age}) < ${maxAge}\nand on (symbol)\nmin by (symbol) (changes(${age}[${seconds(maxAge)}])) > 0`;
    });
    return terms.length === 1 ? terms[0] : anyOf(terms.map((term) => `(\n${indent(term)}\n)`));
  }

  /** Describes a limit: one value for all the feeds, or the range when feeds override it. */
  private limits(feeds: readonly ResolvedFeed[], name: keyof PriceFeedThresholds, format: (limit: number) => string): string {
    const distinct = groupByLimit(feeds, limit(name)).map((group) => group.limit);
    if (distinct.length === 1) return `limit ${format(distinct[0])}`;
    return `limit set per feed, from ${format(distinct[0])} to ${format(distinct[distinct.length - 1])}`;
  }

  private marketHoursNote(): string {
    const definition: AssetTypeDefinition = ASSET_TYPES[this.assetType.assetType];
    if (!definition.marketClosure) return '';
    return ` ${this.assetType.assetType} feeds do not update while their market is closed; Alertmanager mutes asset_type="${this.assetType.assetType}" alerts outside market hours.`;
  }

  /** How the asset type reads inside a sentence ("crypto feed", "FX feed"). */
  private name(): string {
    const type = this.assetType.assetType;
    return type.length <= 3 ? type : type.toLowerCase();
  }

  private capitalName(): string {
    return this.assetType.assetType;
  }
}

/** Reads one threshold of a feed. */
function limit(name: keyof PriceFeedThresholds): (feed: ResolvedFeed) => number {
  return (feed) => feed.thresholds[name];
}

/** Seconds as a Prometheus duration ("600" -> "10m"). */
function seconds(amount: number): string {
  return Duration.seconds(amount).toPrometheus();
}
