import type { AlertRule } from '../../alerting/rules/alert-rule';
import { anyOf, groupByLimit, indent, matchAny, quote, selector } from '../../alerting/rules/promql';
import type { RuleGroup } from '../../alerting/rules/rule-group';
import { Runbook } from '../../alerting/rules/runbook';
import { Severity } from '../../alerting/rules/severity';
import { Duration } from '../../core/duration';
import type { ResolvedPriceFeeds } from '../resolve';
import { OBSERVER_METRIC_NAMES } from '../rules/alert-names';
import { HERMES_PRICE_LABELS, HERMES_PRICE_METRICS, HERMES_PRICE_PROBE_JOB } from './hermes-exporter';

/** The Hermes alerts; names are public API (routes, silences, runbooks `docs/runbooks/<name>.md`). */
export const HERMES_ALERTS = {
  priceStale: 'HermesPriceStale',
  priceMissing: 'HermesPriceMissing',
  pricesUnavailable: 'HermesPricesUnavailable',
} as const;

/**
 * A Hermes price older than this is one a consumer following Pyth's EVM guide rejects: the guide reads prices with
 * `getPriceNoOlderThan(priceFeedId, 60)` (docs.pyth.network, "How to Use Real-Time Data in EVM Contracts"). The
 * measured age includes up to one scrape interval, so a Hermes 30 s behind never reaches it.
 */
export const HERMES_PRICE_MAX_AGE_SECONDS = 60;
/**
 * Four scrapes: right after a market opens the last scrape still holds the previous close until the next one, and
 * Hermes itself reports not ready only after 30 s without an aggregation (its `/ready`).
 */
export const HERMES_PRICE_STALE_FOR = Duration.minutes(2);
/** As PythPriceFeedMetricAbsent: long enough for an exporter restart and a few failed scrapes. */
export const HERMES_PRICE_MISSING_FOR = Duration.minutes(10);
export const HERMES_RULE_GROUP = 'pyth-hermes-prices';

/**
 * The age of Hermes' latest price per feed (recorded), and the alerts: Hermes serves a stale price for a feed while
 * Pythnet trades it (a Hermes problem: pyth-observer sees the feed fresh and trading, so a closed market or a stale
 * feed never fires it), a configured feed Hermes gives no price for, and no Hermes price at all.
 */
export function hermesRuleGroup(feeds: ResolvedPriceFeeds): RuleGroup | undefined {
  if (!feeds.hermes) return undefined;
  const observer = (metric: string, symbols: readonly string[]) => selector(metric, [`job=${quote(feeds.observer.job)}`, matchAny('symbol', symbols)]);
  const all = feeds.feeds.map((feed) => feed.symbol);
  // Pessimistic about Pythnet: every observer replica must see the feed fresh (within its own limit) and trading.
  const pythnetFresh = anyOf(
    groupByLimit(feeds.feeds, (feed) => feed.thresholds.staleAfterSlots).map(
      ({ limit, items }) => `max by (symbol) (${observer(OBSERVER_METRIC_NAMES.staleness, items.map((feed) => feed.symbol))}) <= ${limit}`,
    ),
  );
  const trading = `min by (symbol) (${observer(OBSERVER_METRIC_NAMES.status, all)}) == 1`;
  const age = HERMES_PRICE_METRICS.age;
  const common = (name: string) => ({ alert: name, team: feeds.team, runbook: Runbook.at(feeds.runbookBaseUrl, name) });
  const absentOf = (feed: ResolvedPriceFeeds['feeds'][number]) =>
    `absent(${selector(age, [`${HERMES_PRICE_LABELS.symbol}=${quote(feed.symbol)}`, `${HERMES_PRICE_LABELS.assetType}=${quote(feed.assetType)}`])})`;

  const stale: AlertRule = {
    ...common(HERMES_ALERTS.priceStale),
    expr: `${age} > ${HERMES_PRICE_MAX_AGE_SECONDS}\nand on (symbol)\n(\n${indent(pythnetFresh)}\n)\nand on (symbol)\n${trading}`,
    for: HERMES_PRICE_STALE_FOR,
    severity: Severity.CRITICAL,
    summary: 'Hermes serves a {{ printf "%.0f" $value }} s old price for {{ $labels.symbol }} while Pythnet trades it',
    description:
      `The latest {{ $labels.symbol }} price Hermes (${feeds.hermes.url}) serves was published {{ printf "%.0f" $value }} s ago, more than ` +
      `${HERMES_PRICE_MAX_AGE_SECONDS} s, while pyth-observer sees the feed fresh and trading on Pythnet: Hermes is not keeping up. ` +
      `Consumers that pull updates from Hermes post prices their contracts reject as too old (getPriceNoOlderThan(id, ${HERMES_PRICE_MAX_AGE_SECONDS})), or act on old prices.`,
  };
  const missing: AlertRule = {
    ...common(HERMES_ALERTS.priceMissing),
    expr: `(\n${indent(anyOf(feeds.feeds.map(absentOf)))}\n)\nand on ()\ncount(${age}) > 0`,
    for: HERMES_PRICE_MISSING_FOR,
    severity: Severity.WARNING,
    summary: 'Hermes gives no price for {{ $labels.symbol }}',
    description:
      `Hermes answers for other feeds but not for {{ $labels.symbol }}: its price request fails (a wrong priceId, or a feed Hermes does not serve), ` +
      `so ${HERMES_ALERTS.priceStale} cannot fire for it. Probe job ${HERMES_PRICE_PROBE_JOB}, target of symbol {{ $labels.symbol }}.`,
  };
  const unavailable: AlertRule = {
    ...common(HERMES_ALERTS.pricesUnavailable),
    expr: `absent(${age})`,
    for: HERMES_PRICE_MISSING_FOR,
    severity: Severity.WARNING,
    summary: 'No Hermes price for any feed',
    description:
      `No feed has a Hermes price: the json_exporter pods are down, Hermes (${feeds.hermes.url}) does not answer, or its price API fails. ` +
      `Hermes freshness is not watched meanwhile (${HERMES_ALERTS.priceStale} cannot fire); EndpointDown tells whether Hermes itself is down.`,
  };
  return {
    name: HERMES_RULE_GROUP,
    rules: [
      {
        record: age,
        // The freshest answer counts (several Prometheus or exporter replicas see the same Hermes).
        expr: `time() - max by (${HERMES_PRICE_LABELS.symbol}, ${HERMES_PRICE_LABELS.assetType}) (${selector(HERMES_PRICE_METRICS.publishTime, [`job=${quote(HERMES_PRICE_PROBE_JOB)}`])})`,
      },
      stale,
      missing,
      unavailable,
    ],
  };
}
