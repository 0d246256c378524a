import { ALERT_LATENCY_BUDGET } from '../../alerting/alert-latency-budget';
import type { AlertRule } from '../../alerting/rules/alert-rule';
import { Duration } from '../../core/duration';
import { DEFAULT_MARKET_OPENING_HOLD } from '../../alerting/alertmanager/defaults';
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

/** The window in which a feed's aggregate status is watched for repeated losses of its publisher quorum. */
export const QUORUM_WINDOW = Duration.minutes(10);
/**
 * Changes between trading and not trading in QUORUM_WINDOW from which the quorum is unstable: three losses and
 * recoveries. A market open or close is one change, a stray loss two; two stray losses in 10m (a passing Pythnet
 * hiccup hits every feed at once) stay below it.
 */
export const QUORUM_MIN_FLIPS = 6;

/**
 * A feed's series unchanged for this long, on a replica whose slot advances while its loop keeps failing, are frozen.
 * The observer loops every 5 s plus the loop's own time, so this spans a dozen loops or more.
 */
export const FEED_METRICS_FROZEN_WINDOW = Duration.minutes(3);
export const FEED_METRICS_FROZEN_FOR = Duration.minutes(1);
/**
 * Share of a replica's loops (one products request each) that ended in a loop error, above which it "keeps failing".
 * A frozen feed needs every loop to fail; half leaves room for the loops cut by the window's edges.
 */
export const FEED_METRICS_FROZEN_FAILED_LOOP_RATIO = 0.5;

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
        rules.permissionedPublishersLow(),
        rules.quorumIntermittent(),
        rules.confidenceIntervalWide(),
        ...(comparedWithCoinGecko ? [rules.deviationFromCoinGeckoHigh(), rules.coinGeckoPriceStale(), rules.coinGeckoPriceMissing()] : []),
        rules.metricAbsent(),
        rules.metricsFrozen(),
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

  /**
   * The publishers permissioned on the feed's price account. pyth-observer counts the account's price components
   * (pyth_observer/__init__.py: one per component, whether it quotes or not), so this sees publishers removed from the
   * feed, never a publisher that stops quoting: that one shows as quorumIntermittent, then notTrading.
   */
  public permissionedPublishersLow(): AlertRule {
    const terms = groupByLimit(this.feeds, limit('minPublishers')).map(
      ({ limit, items }) => `min by (symbol) (${this.select(OBSERVER_METRIC_NAMES.permissionedPublishers, items)}) < ${limit}`,
    );
    return this.alert(PRICE_FEED_ALERTS.permissionedPublishersLow, {
      expr: anyOf(terms),
      for: this.assetType.pendingFor.permissionedPublishersLow,
      severity: Severity.WARNING,
      summary: 'Pyth {{ $labels.symbol }} has only {{ printf "%.0f" $value }} publishers permissioned on its price account',
      description:
        `The price account of ${this.name()} feed {{ $labels.symbol }} lists {{ printf "%.0f" $value }} publishers (its price components: the ` +
        `publishers Pyth permissioned to quote it), fewer than the minimum feedops expects (${this.limits(this.feeds, 'minPublishers', (count) => `${count}`)}). ` +
        'Publishers were removed from the feed. With fewer publishers the aggregate is easier to move and closer to going unknown below the ' +
        `on-chain min_pub. This count does not drop when a publisher stops quoting (it stays on the account): that shows as ` +
        `${PRICE_FEED_ALERTS.quorumIntermittent} and ${PRICE_FEED_ALERTS.priceFeedNotTrading}.`,
    });
  }

  /**
   * Quoting publishers going silent, as far as the observer's metrics show it. The observer exports no count of
   * quoting publishers: its per-publisher checks end in check_success_rate{check_type="publisher"}, which it
   * overwrites for every publisher (dispatch.py), and the quoting count (num_qt) is not read. What does show is the
   * aggregate: the oracle marks it unknown when fewer than min_pub publishers quoted in the last 25 slots, so a feed
   * whose remaining publishers barely make its quorum flips between trading and not trading from one loop to the
   * next. NotTrading needs the quorum lost for its whole pending time, so it misses the flips; a market open or close
   * is one flip, a stray loss two.
   */
  public quorumIntermittent(): AlertRule {
    const status = this.select(OBSERVER_METRIC_NAMES.status);
    const window = QUORUM_WINDOW.toPrometheus();
    return this.alert(PRICE_FEED_ALERTS.quorumIntermittent, {
      expr: `max by (symbol) (changes(${status}[${window}])) >= ${QUORUM_MIN_FLIPS}`,
      for: this.assetType.pendingFor.quorumIntermittent,
      severity: Severity.WARNING,
      summary: `Pyth {{ $labels.symbol }} keeps losing its publisher quorum: {{ printf "%.0f" $value }} flips between trading and not trading in ${window}`,
      description:
        `The aggregate of ${this.name()} feed {{ $labels.symbol }} changed between trading and not trading {{ printf "%.0f" $value }} times in the ` +
        `observer's samples of the last ${window} (limit ${QUORUM_MIN_FLIPS}). Pyth marks the aggregate unknown when fewer publishers than the feed's ` +
        'on-chain min_pub quoted in the last 25 slots: publishers have stopped quoting and the ones left barely make the quorum. Consumers get ' +
        `an unknown price now and then. pyth-observer exports no count of quoting publishers, so this is the earliest sign its metrics give; ` +
        `${PRICE_FEED_ALERTS.priceFeedNotTrading} pages once the quorum stays lost for ${this.assetType.pendingFor.notTrading.toPrometheus()}.` +
        this.marketHoursNote(),
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
   * A configured feed whose series the observer has stopped updating while its slot still advances: pyth-observer
   * runs the whole product loop in one try (pyth_observer/__init__.py), so a loop that raises at one product leaves
   * every later product's gauges at their last values, and the slot gauge moves with the products before it. Unchanged
   * values alone prove nothing (a busy feed's staleness can hold at 0 or 1 slot, a quiet feed's interval can hold),
   * so a replica counts as frozen for a feed only while most of its loops fail; and the alert pages only when every
   * replica that reports the feed is frozen, because one replica still updating keeps the feed's alerts working.
   */
  public metricsFrozen(): AlertRule {
    const window = FEED_METRICS_FROZEN_WINDOW.toPrometheus();
    const replica = 'on (job, instance)';
    const feedOnReplica = 'on (job, instance, symbol)';
    const staleness = this.select(OBSERVER_METRIC_NAMES.staleness);
    const changed = (metric: string, feeds: readonly ResolvedFeed[]) => `changes(${this.select(metric, feeds)}[${window}]) > 0`;
    const otherSeries = [
      changed(OBSERVER_METRIC_NAMES.status, this.feeds),
      changed(OBSERVER_METRIC_NAMES.confidenceInterval, this.feeds),
      // The CoinGecko age is wall-clock time minus CoinGecko's timestamp: it changes every time the feed is updated.
      ...(this.coinGeckoFeeds.length > 0 ? [changed(OBSERVER_METRIC_NAMES.coinGeckoPriceAge, this.coinGeckoFeeds)] : []),
    ];
    const frozenOnReplica =
      `(
  ${staleness}
  and ${feedOnReplica}
  changes(${staleness}[${window}]) == 0
)
` +
      `unless ${feedOnReplica}
(
${indent(anyOf(otherSeries))}
)
` +
      `and ${replica}
changes(${selector(OBSERVER_METRIC_NAMES.latestBlockSlot, [this.job()])}[${window}]) > 0
` +
      `and ${replica}
(
${indent(this.failingLoops(window))}
) > ${FEED_METRICS_FROZEN_FAILED_LOOP_RATIO}`;
    return this.alert(PRICE_FEED_ALERTS.priceFeedMetricsFrozen, {
      expr: `count by (symbol) (
${indent(frozenOnReplica)}
)
== on (symbol)
count by (symbol) (${staleness})`,
      for: FEED_METRICS_FROZEN_FOR,
      severity: Severity.CRITICAL,
      summary: 'pyth-observer has stopped updating {{ $labels.symbol }} on all {{ printf "%.0f" $value }} replicas that report it',
      description:
        `Every pyth-observer replica that reports ${this.name()} feed {{ $labels.symbol }} has left its staleness, status and confidence series ` +
        `unchanged for ${window}${this.coinGeckoFeeds.length > 0 ? ' (and its CoinGecko age, for feeds compared with CoinGecko)' : ''}, ` +
        `while its Pythnet slot advances and more than ${FEED_METRICS_FROZEN_FAILED_LOOP_RATIO * 100}% of its loops end in a loop error: each loop ` +
        'raises at a product before this one, so this feed keeps its last values. ' +
        `${PRICE_FEED_ALERTS.priceFeedStale} and ${PRICE_FEED_ALERTS.priceFeedNotTrading} cannot fire for it: the feed may be stale right now ` +
        'and nobody would know. pyth_observer_loop_errors_total names the error.' +
        this.marketHoursNote(),
    });
  }

  /** Per replica, the share of loops started in the window that ended in a loop error (each loop requests the products once). */
  private failingLoops(window: string): string {
    const { job, apiServiceLabel, apiEndpointLabel } = this.options.observer;
    const loopsStarted = selector(OBSERVER_METRIC_NAMES.apiRequests, [`job=${quote(job)}`, `${apiServiceLabel}="pyth"`, `${apiEndpointLabel}="products"`]);
    return (
      `sum by (job, instance) (increase(${selector(OBSERVER_METRIC_NAMES.loopErrors, [this.job()])}[${window}]))
/
` +
      `sum by (job, instance) (increase(${loopsStarted}[${window}]))`
    );
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
    return selector(OBSERVER_METRIC_NAMES.staleness, [this.job()]);
  }

  private job(): string {
    return `job=${quote(this.options.observer.job)}`;
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
    return selector(metric, [this.job(), matchAny('symbol', feeds.map((feed) => feed.symbol))]);
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
    const hold = definition.marketClosure.openingHold ?? DEFAULT_MARKET_OPENING_HOLD;
    return (
      ` ${this.assetType.assetType} feeds do not update while their market is closed; Alertmanager mutes asset_type="${this.assetType.assetType}" alerts ` +
      `outside market hours and for ${hold} after each open: a page just after an open means the problem outlasted the first ${hold} of the session.`
    );
  }

  /** How the asset type reads inside a sentence ("crypto feed", "FX feed"). */
  private name(): string {
    const type = this.assetType.assetType;
    return type.length <= 3 ? type : type.toLowerCase();
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
