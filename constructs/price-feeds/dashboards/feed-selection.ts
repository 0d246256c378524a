import { escapeRegex } from '../../alerting/rules/promql';
import type { Variable } from '../../dashboards/dashboard-model';
import type { ObserverMetricFamily } from '../observer/observer-metrics';
import { OBSERVER_METRICS } from '../observer/observer-metrics';
import { LabelMatcher, matchesRegex, observerSeries } from './series-selector';

export const ENVIRONMENT_VARIABLE = 'environment';
export const ASSET_TYPE_VARIABLE = 'asset_type';
export const SYMBOL_VARIABLE = 'symbol';

/**
 * The variables that choose which feeds a dashboard shows.
 *
 * `environment` is a one-value custom variable, not label_values: `environment` is a Prometheus external label, which
 * Prometheus adds only to alerts, federation and remote write, never to the results of local queries, so
 * `label_values(..., environment)` is empty on any series, `up` included. Each environment has its own Prometheus and
 * Grafana, so the value is known when the dashboard is built; the variable names the environment in the header and in
 * links, and queries need no environment matcher.
 *
 * `symbol` lists only the symbols of the selected asset types, and its "All" expands to those symbols (no
 * allValue), so metrics without an asset_type label (CoinGecko deviation, check success rate) follow the asset-type
 * choice too.
 */
export function feedVariables(environment: string): Variable[] {
  const status = OBSERVER_METRICS.priceFeedStatus;
  return [
    { kind: 'custom', name: ENVIRONMENT_VARIABLE, label: 'Environment', values: [environment] },
    {
      kind: 'label-values',
      name: ASSET_TYPE_VARIABLE,
      label: 'Asset type',
      selector: status.name,
      labelName: 'asset_type',
      multi: true,
      includeAll: true,
      allValue: '.*',
    },
    {
      kind: 'label-values',
      name: SYMBOL_VARIABLE,
      label: 'Symbol',
      selector: observerSeries(status, { asset_type: matchesRegex(`$${ASSET_TYPE_VARIABLE}`) }),
      labelName: 'symbol',
      multi: true,
      includeAll: true,
    },
  ];
}

/**
 * The series of an observer metric for the selected feeds: `symbol=~"$symbol"` and `asset_type=~"$asset_type"`,
 * each only if the family has that label, plus any extra matchers; `symbols` narrows it to those feeds (a query
 * that compares each feed with its own limit).
 */
export function selectedFeeds(family: ObserverMetricFamily, extra: Readonly<Record<string, LabelMatcher>> = {}, symbols?: readonly string[]): string {
  const feedMatchers: Record<string, LabelMatcher | LabelMatcher[]> = {};
  if (family.labels.includes('symbol')) {
    const selected = matchesRegex(`$${SYMBOL_VARIABLE}`);
    feedMatchers.symbol = symbols ? [selected, matchesRegex(symbols.map(escapeRegex).join('|'))] : selected;
  }
  if (family.labels.includes('asset_type')) feedMatchers.asset_type = matchesRegex(`$${ASSET_TYPE_VARIABLE}`);
  return observerSeries(family, { ...feedMatchers, ...extra });
}
