import type { Inhibition } from '../../alerting/alertmanager/routing-model';
import { OBSERVER_ALERTS, PRICE_FEED_ALERTS } from './alert-names';

const anyOf = (names: readonly string[]) => `alertname=~"${names.join('|')}"`;

/**
 * Cause -> symptom inhibitions of the price-feed pack: while the cause fires, the symptoms it explains are not sent
 * (they stay visible in Alertmanager and Prometheus).
 * - A feed that is stale or not trading, or whose series the observer has stopped updating: its deviation, confidence,
 *   CoinGecko and quorum warnings follow from it (a frozen feed's CoinGecko age stops moving too; a feed that lost its
 *   quorum for good keeps its flips in the window for a while).
 * - The observer sees nothing (no replica up, no refresh completed, no feed reported): every per-feed absent alert
 *   and CoinGecko check follows from it.
 * - An observer replica stalled: its frozen CoinGecko values make CoinGeckoPriceStale fire.
 * Observer and feed alerts of one pack share `team` (feed alerts are aggregated across replicas and carry no `job`).
 */
export function priceFeedInhibitions(): Inhibition[] {
  const feedSymptoms = [
    PRICE_FEED_ALERTS.deviationFromCoinGeckoHigh,
    PRICE_FEED_ALERTS.confidenceIntervalWide,
    PRICE_FEED_ALERTS.coinGeckoPriceStale,
    PRICE_FEED_ALERTS.coinGeckoPriceMissing,
    PRICE_FEED_ALERTS.quorumIntermittent,
  ];
  const observerBlind = [OBSERVER_ALERTS.observerAbsent, OBSERVER_ALERTS.observerNotRefreshing, OBSERVER_ALERTS.observerReportsNoFeeds];
  return [
    {
      source: [anyOf([PRICE_FEED_ALERTS.priceFeedStale, PRICE_FEED_ALERTS.priceFeedNotTrading, PRICE_FEED_ALERTS.priceFeedMetricsFrozen])],
      target: [anyOf(feedSymptoms)],
      equal: ['environment', 'symbol'],
    },
    {
      source: [anyOf(observerBlind)],
      target: [anyOf([PRICE_FEED_ALERTS.priceFeedMetricAbsent, ...feedSymptoms])],
      equal: ['environment', 'team'],
    },
    {
      source: [`alertname="${OBSERVER_ALERTS.observerStalled}"`],
      target: [anyOf([PRICE_FEED_ALERTS.coinGeckoPriceStale, PRICE_FEED_ALERTS.deviationFromCoinGeckoHigh])],
      equal: ['environment', 'team'],
    },
  ];
}
