import type { AlertRule } from '../rules/alert-rule';
import type { RuleGroup } from '../rules/rule-group';
import { Runbook } from '../rules/runbook';
import { Severity } from '../rules/severity';
import { OBSERVER_METRIC_NAMES, PRICE_FEED_ALERTS } from './alert-names';
import { PYTHNET_SLOT_SECONDS } from './options';
import { anyOf, groupByLimit, indent, matchAny, quote, selector } from './promql';
import type { ResolvedFeed, ResolvedFeedClass, ResolvedPriceFeedRuleOptions } from './resolve-options';

/**
 * Metric families the class's critical alerts read. Each gets an absent() companion per feed, because a
 * missing series silences a critical alert instead of firing it.
 */
export const CRITICAL_FEED_METRICS = [OBSERVER_METRIC_NAMES.staleness, OBSERVER_METRIC_NAMES.status] as const;

/** `pyth-price-feeds-<class>`: the per-feed alerts of one feed class. */
export function feedClassRuleGroup(feedClass: ResolvedFeedClass, options: ResolvedPriceFeedRuleOptions): RuleGroup {
  const rules = new FeedClassRules(feedClass, options);
  return {
    name: `pyth-price-feeds-${feedClass.feedClass}`,
    rules: [
      rules.stale(),
      rules.notTrading(),
      rules.publishersLow(),
      rules.confidenceIntervalWide(),
      ...(feedClass.compareWithCoinGecko ? [rules.deviationFromCoinGeckoHigh(), rules.coinGeckoPriceStale()] : []),
      rules.metricAbsent(),
    ],
  };
}

/*
 * Aggregation across observer replicas: `by (symbol)` drops pod and instance labels, so one feed gives one
 * alert. Each rule takes the pessimistic view (any replica seeing the problem fires): a frozen replica
 * reports old, healthy-looking values, so an optimistic view would hide a real problem behind it. A
 * replica's own faults have the observer alerts.
 */
class FeedClassRules {
  private readonly symbols: string[];

  constructor(
    private readonly feedClass: ResolvedFeedClass,
    private readonly options: ResolvedPriceFeedRuleOptions,
  ) {
    this.symbols = feedClass.feeds.map((feed) => feed.symbol);
  }

  public stale(): AlertRule {
    const terms = groupByLimit(this.feedClass.feeds, (feed) => feed.maxStalenessSlots).map(
      ({ limit, items }) => `max by (symbol) (${this.select(OBSERVER_METRIC_NAMES.staleness, items)}) > ${limit}`,
    );
    return this.alert(PRICE_FEED_ALERTS.priceFeedStale, {
      expr: anyOf(terms),
      for: this.feedClass.pendingFor.stale,
      severity: Severity.CRITICAL,
      summary: 'Pyth {{ $labels.symbol }} price is stale: {{ printf "%.0f" $value }} slots without a trading update',
      description:
        `pyth-observer reports that ${this.name()} feed {{ $labels.symbol }} has had no trading update for {{ printf "%.0f" $value }} slots ` +
        `(a Pythnet slot is about ${PYTHNET_SLOT_SECONDS * 1000} ms; ${this.limits((feed) => feed.maxStalenessSlots, (slots) => `${slots} slots (about ${Math.round(slots * PYTHNET_SLOT_SECONDS)} s)`)}). ` +
        'Consumers that check the publish time reject the price and their transactions fail; consumers that do not act on an old price.' +
        this.marketHoursNote(),
    });
  }

  public notTrading(): AlertRule {
    return this.alert(PRICE_FEED_ALERTS.priceFeedNotTrading, {
      expr: `min by (symbol) (${this.select(OBSERVER_METRIC_NAMES.status)}) == 0`,
      for: this.feedClass.pendingFor.notTrading,
      severity: Severity.CRITICAL,
      summary: 'Pyth {{ $labels.symbol }} is not trading',
      description:
        `The aggregate status of ${this.name()} feed {{ $labels.symbol }} is not "trading": fewer publishers than the feed's on-chain min_pub ` +
        'quoted in the last 25 slots, or the feed is halted. The aggregate price is unknown, so consumers get no fresh price.' +
        this.marketHoursNote(),
    });
  }

  public publishersLow(): AlertRule {
    const terms = groupByLimit(this.feedClass.feeds, (feed) => feed.minPublishers).map(
      ({ limit, items }) => `min by (symbol) (${this.select(OBSERVER_METRIC_NAMES.publishers, items)}) < ${limit}`,
    );
    return this.alert(PRICE_FEED_ALERTS.publishersLow, {
      expr: anyOf(terms),
      for: this.feedClass.pendingFor.publishersLow,
      severity: Severity.WARNING,
      summary: 'Pyth {{ $labels.symbol }} has only {{ printf "%.0f" $value }} publishers',
      description:
        `${this.capitalName()} feed {{ $labels.symbol }} has {{ printf "%.0f" $value }} publishers, fewer than the minimum feedops expects ` +
        `(${this.limits((feed) => feed.minPublishers, (count) => `${count}`)}). pyth-observer counts the publishers on the price account, ` +
        'so this drops when publishers are removed from the feed. With fewer publishers the aggregate is easier to move and closer to ' +
        'going unknown below the on-chain min_pub.',
    });
  }

  public confidenceIntervalWide(): AlertRule {
    const baseline = this.feedClass.confidenceBaseline.toPrometheus();
    const terms = groupByLimit(this.feedClass.feeds, (feed) => feed.maxConfidenceIntervalWidening).map(({ limit, items }) => {
      const interval = this.select(OBSERVER_METRIC_NAMES.confidenceInterval, items);
      return `max by (symbol) (\n  ${interval}\n  /\n  (quantile_over_time(0.5, ${interval}[${baseline}]) > 0)\n) > ${limit}`;
    });
    const trading = `min by (symbol) (${this.select(OBSERVER_METRIC_NAMES.status)}) == 1`;
    return this.alert(PRICE_FEED_ALERTS.confidenceIntervalWide, {
      // The observer exports the interval in price units but not the price, so the yardstick is the feed's own
      // recent median; a non-trading feed has no meaningful interval and has its own alert.
      expr: `(\n${indent(anyOf(terms))}\n)\nand on (symbol)\n(${trading})`,
      for: this.feedClass.pendingFor.confidenceWide,
      severity: Severity.WARNING,
      summary: `Pyth {{ $labels.symbol }} confidence interval is {{ printf "%.1f" $value }} times its ${baseline} median`,
      description:
        `The aggregate confidence interval of ${this.name()} feed {{ $labels.symbol }} is {{ printf "%.1f" $value }} times its median over ` +
        `the last ${baseline} (${this.limits((feed) => feed.maxConfidenceIntervalWidening, (factor) => `${factor} times`)}). Publishers disagree ` +
        'or the market is dislocated. Consumers that use price ± confidence (lending, perps) value positions more conservatively or reject the price.',
    });
  }

  public deviationFromCoinGeckoHigh(): AlertRule {
    const terms = groupByLimit(this.feedClass.feeds, (feed) => feed.maxDeviationPercent).map(
      ({ limit, items }) => `max by (symbol) (${this.select(OBSERVER_METRIC_NAMES.deviationFromCoinGecko, items)}) > ${limit}`,
    );
    return this.alert(PRICE_FEED_ALERTS.deviationFromCoinGeckoHigh, {
      // Only while the reference is fresh and refreshing: the observer keeps the last CoinGecko values when
      // CoinGecko fails, so a frozen deviation must not fire for ever.
      expr: `(\n${indent(anyOf(terms))}\n)\nand on (symbol)\n(\n${indent(this.coinGeckoFresh())}\n)`,
      for: this.feedClass.pendingFor.deviation,
      severity: Severity.WARNING,
      summary: 'Pyth {{ $labels.symbol }} is {{ printf "%.2f" $value }}% away from CoinGecko',
      description:
        `The Pyth aggregate of ${this.name()} feed {{ $labels.symbol }} differs from CoinGecko's price by {{ printf "%.2f" $value }}% ` +
        `(${this.limits((feed) => feed.maxDeviationPercent, (percent) => `${percent}%`)}), with a CoinGecko price younger than ` +
        `${this.feedClass.maxCoinGeckoPriceAge.toPrometheus()}. Either the Pyth price is wrong (bad publisher sources) or CoinGecko lags a fast ` +
        'market. Consumers trade and liquidate at the Pyth price.',
    });
  }

  public coinGeckoPriceStale(): AlertRule {
    const maxAge = this.feedClass.maxCoinGeckoPriceAge;
    const age = this.select(OBSERVER_METRIC_NAMES.coinGeckoPriceAge);
    return this.alert(PRICE_FEED_ALERTS.coinGeckoPriceStale, {
      expr: `max by (symbol) (${age}) > ${maxAge.toSeconds()}\nor\nmin by (symbol) (changes(${age}[${maxAge.toPrometheus()}])) == 0`,
      for: this.feedClass.pendingFor.coinGeckoStale,
      severity: Severity.WARNING,
      summary: 'CoinGecko reference price for {{ $labels.symbol }} is stale',
      description:
        `pyth-observer's CoinGecko price for {{ $labels.symbol }} is older than ${maxAge.toPrometheus()}, or has not been refreshed for ` +
        `${maxAge.toPrometheus()} (CoinGecko errors or rate limits: the observer then keeps its last values). ` +
        `${PRICE_FEED_ALERTS.deviationFromCoinGeckoHigh} cannot fire for this feed until it recovers; the Pyth feed itself is not affected.`,
    });
  }

  public metricAbsent(): AlertRule {
    const terms = this.feedClass.feeds.flatMap((feed) =>
      CRITICAL_FEED_METRICS.map(
        (metric) => `label_replace(absent(${this.select(metric, [feed])}), "metric", ${quote(metric)}, "", "")`,
      ),
    );
    return this.alert(PRICE_FEED_ALERTS.priceFeedMetricAbsent, {
      expr: anyOf(terms),
      for: this.feedClass.pendingFor.metricAbsent,
      severity: Severity.WARNING,
      summary: 'pyth-observer does not report {{ $labels.metric }} for {{ $labels.symbol }}',
      description:
        'Prometheus has no {{ $labels.metric }} series for {{ $labels.symbol }} from job {{ $labels.job }}, so ' +
        `${PRICE_FEED_ALERTS.priceFeedStale} and ${PRICE_FEED_ALERTS.priceFeedNotTrading} cannot fire for this feed. The observer skips feeds ` +
        'whose min_publishers is 10 or more ("coming soon") and symbols that do not exist on its network.',
    });
  }

  private alert(name: string, rule: Pick<AlertRule, 'expr' | 'for' | 'severity' | 'summary' | 'description'>): AlertRule {
    return {
      alert: name,
      ...rule,
      team: this.options.team,
      runbook: Runbook.at(this.options.runbookBaseUrl, name),
      labels: { asset_type: this.feedClass.assetType },
    };
  }

  private select(metric: string, feeds?: readonly ResolvedFeed[]): string {
    const symbols = feeds ? feeds.map((feed) => feed.symbol) : this.symbols;
    return selector(metric, [`job=${quote(this.options.job)}`, matchAny('symbol', symbols)]);
  }

  /** The reference is young enough in every replica, and still being refreshed. */
  private coinGeckoFresh(): string {
    const maxAge = this.feedClass.maxCoinGeckoPriceAge;
    const age = this.select(OBSERVER_METRIC_NAMES.coinGeckoPriceAge);
    return `max by (symbol) (${age}) < ${maxAge.toSeconds()}\nand on (symbol)\nmin by (symbol) (changes(${age}[${maxAge.toPrometheus()}])) > 0`;
  }

  /** Describes the limit: one value for the whole class, or the range when feeds override it. */
  private limits(limitOf: (feed: ResolvedFeed) => number, format: (limit: number) => string): string {
    const distinct = groupByLimit(this.feedClass.feeds, limitOf).map(({ limit }) => limit);
    if (distinct.length === 1) return `limit ${format(distinct[0])}`;
    return `limit set per feed, from ${format(distinct[0])} to ${format(distinct[distinct.length - 1])}`;
  }

  private marketHoursNote(): string {
    if (this.feedClass.feedClass === 'crypto') return '';
    return ` ${this.capitalName()} feeds do not update while their market is closed; Alertmanager mutes asset_type="${this.feedClass.assetType}" alerts outside market hours.`;
  }

  private name(): string {
    return this.feedClass.assetType === 'FX' ? 'FX' : this.feedClass.feedClass;
  }

  private capitalName(): string {
    return this.feedClass.assetType;
  }
}
