import { invalid } from '../../core/validation-error';
import { HISTOGRAM_SERIES_SUFFIXES, HistogramSeriesSuffix, ObserverMetricFamily } from '../observer/observer-metrics';

export type MatchOperator = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  readonly operator: MatchOperator;
  readonly value: string;
}

export const equals = (value: string): LabelMatcher => ({ operator: '=', value });
export const matchesRegex = (value: string): LabelMatcher => ({ operator: '=~', value });

/** Matchers per label; a list puts several matchers on one label (all must hold). */
export type LabelMatchers<F extends ObserverMetricFamily> = { readonly [L in F['labels'][number]]?: LabelMatcher | readonly LabelMatcher[] };

/**
 * A PromQL selector for an observer metric, e.g. `pyth_observer_price_feed_status{symbol=~"$symbol"}`. It accepts
 * only labels the family has: a matcher on a missing label compares with "" and would silently drop every series.
 * A histogram needs the suffix of the series to select (`_bucket`, `_sum` or `_count`); other families take none.
 */
export function observerSeries<F extends ObserverMetricFamily>(family: F, matchers: LabelMatchers<F> = {}, suffix?: HistogramSeriesSuffix): string {
  const isHistogram = family.type === 'histogram';
  if (isHistogram !== (suffix !== undefined)) {
    invalid(
      `Observer series selector ${family.name}`,
      'suffix',
      `${JSON.stringify(suffix ?? null)} (allowed: ` + (isHistogram ? `one of ${HISTOGRAM_SERIES_SUFFIXES.join(', ')}; a ${family.type})` : `none; a ${family.type})`),
    );
  }
  const entries = Object.entries(matchers as Record<string, LabelMatcher | readonly LabelMatcher[] | undefined>).flatMap(([label, matcher]) =>
    matcher === undefined ? [] : (Array.isArray(matcher) ? matcher : [matcher]).map((one: LabelMatcher): [string, LabelMatcher] => [label, one]),
  );
  for (const [label] of entries) {
    if (!family.labels.includes(label)) {
      invalid(`Observer series selector ${family.name}`, 'label', `${JSON.stringify(label)} (allowed: one of its labels: ${family.labels.join(', ') || 'none'})`);
    }
  }
  const rendered = entries.map(([label, matcher]) => `${label}${matcher.operator}${JSON.stringify(matcher.value)}`).join(', ');
  return `${family.name}${suffix ?? ''}${rendered ? `{${rendered}}` : ''}`;
}
