import type { StaleFeedAlerting } from '../alert-path/synthesized-alerting';
import type { AlertQualityRun } from './alert-quality';
import { median } from './measure';
import { SHIPPED_DESIGN, type StaleRuleDesign } from './stale-rule-designs';

/** A design's settings as the table shows them; the shipped rule's are read from the synthesized stacks. */
function settings(design: string, designs: readonly StaleRuleDesign[], alerting: StaleFeedAlerting): string[] {
  if (design === SHIPPED_DESIGN) {
    const threshold = /> (\d+)$/.exec(alerting.staleRule.expr)?.[1] ?? '?';
    const range = /(\w+_over_time)\(.*\[(\w+)\]\)/.exec(alerting.staleRule.expr);
    return [
      threshold,
      alerting.staleRule.for ?? '0s',
      alerting.staleRule.keep_firing_for ?? '-',
      range ? `${range[1]} ${range[2]}` : '-',
      alerting.staleRuleEvaluationInterval,
      alerting.scrapeInterval,
      alerting.groupWait,
    ];
  }
  const d = designs.find((candidate) => candidate.name === design)!;
  return [
    String(d.thresholdSlots),
    d.for ?? '0s',
    d.keepFiringFor ?? '-',
    d.maxOverTime ? `max_over_time ${d.maxOverTime}` : '-',
    d.evaluationInterval ?? alerting.evaluationInterval,
    d.scrapeInterval ?? alerting.scrapeInterval,
    d.groupWait ?? alerting.groupWait,
  ];
}

const seconds = (values: readonly number[]) =>
  values.length === 0 ? '-' : `${median(values).toFixed(1)} (${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)}, n=${values.length})`;

/** The alert-quality table over every run: one row per design, latencies pooled, page counts summed. */
export function alertQualityTable(runs: readonly AlertQualityRun[], designs: readonly StaleRuleDesign[], alerting: StaleFeedAlerting): string[][] {
  const traceNames = Object.keys(runs[0].scores);
  const designNames = [SHIPPED_DESIGN, ...designs.map((design) => design.name)];
  const all = (design: string, trace?: string) =>
    runs.flatMap((run) => (trace ? [run.scores[trace][design]] : traceNames.map((name) => run.scores[name][design])));
  return [
    [
      'design',
      'slots',
      'for',
      'keep_firing_for',
      'range',
      'eval',
      'scrape',
      'group_wait',
      'stop -> page s, median (min-max, n)',
      ...traceNames.map((trace) => `false: ${trace}`),
      'missed',
      'recovered -> resolved s',
    ],
    ...designNames.map((design) => [
      design,
      ...settings(design, designs, alerting),
      seconds(all(design).flatMap((score) => score.latencies)),
      ...traceNames.map((trace) => String(all(design, trace).reduce((sum, score) => sum + score.falsePages, 0))),
      String(all(design).reduce((sum, score) => sum + score.missed, 0)),
      seconds(all(design).flatMap((score) => score.resolveDelays)),
    ]),
  ];
}
