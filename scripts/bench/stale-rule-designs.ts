import { DEFAULT_SLACK_WEBHOOK_SECRET_NAME } from '../../constructs/alerting/alertmanager/defaults';
import type { RulesFile } from '../../constructs/alerting/rules/render-rules';
import { OBSERVER_METRIC_NAMES } from '../../constructs/price-feeds/rules/alert-names';
import type { StaleFeedAlerting } from '../alert-path/synthesized-alerting';

/**
 * One way to write the stale-feed alert, run beside the shipped rule in the alert-quality benchmark. Each design is
 * its own copy of the synthesized crypto PythPriceFeedStale rule (same name, selector, labels and annotations) with
 * a `design` label, in its own rule group, routed by a route of its own to a Slack stand-in of its own that has the
 * shipped critical route's group_by, group_interval and repeat_interval.
 */
export interface StaleRuleDesign {
  readonly name: string;
  /** The rule fires above this many slots of staleness (~400 ms a slot). */
  readonly thresholdSlots: number;
  /** @default - none: fires at the first evaluation that sees the threshold crossed */
  readonly for?: string;
  /** @default - none: resolves at the first evaluation without a result */
  readonly keepFiringFor?: string;
  /** The rule group's `interval`. @default - the synthesized evaluation interval */
  readonly evaluationInterval?: string;
  /** Scrape interval of the observer series the rule reads. @default - the synthesized ServiceMonitor interval */
  readonly scrapeInterval?: string;
  /** The design's route `group_wait`. @default - the shipped critical route's */
  readonly groupWait?: string;
  /** Read the staleness through `max_over_time` over this window: a gap in the series (a restart) keeps it true. */
  readonly maxOverTime?: string;
  /** What the design is there to show. */
  readonly question: string;
}

/** The candidates, from the design shipped before issue 13 to the one chosen (docs/performance.md). */
export const STALE_RULE_DESIGNS: readonly StaleRuleDesign[] = [
  { name: 'before', thresholdSlots: 120, for: '1m', evaluationInterval: '15s', scrapeInterval: '10s', groupWait: '5s', question: 'the design shipped before issue 13: 120 slots, for 1m, 15 s evaluation, 10 s scrape, group_wait 5s' },
  { name: 'for0', thresholdSlots: 120, evaluationInterval: '15s', scrapeInterval: '10s', groupWait: '5s', question: 'what the `for: 1m` buys: the same without it' },
  { name: 'for0-e5', thresholdSlots: 120, evaluationInterval: '5s', scrapeInterval: '10s', groupWait: '5s', question: 'the stale rule in a group of its own evaluated every 5 s' },
  { name: 'for0-e5-s5', thresholdSlots: 120, evaluationInterval: '5s', scrapeInterval: '5s', groupWait: '5s', question: 'and the observer scraped every 5 s' },
  { name: 'for0-e5-s5-gw0', thresholdSlots: 120, evaluationInterval: '5s', scrapeInterval: '5s', groupWait: '0s', question: 'and no group_wait' },
  { name: 'kff2m', thresholdSlots: 120, evaluationInterval: '5s', scrapeInterval: '5s', groupWait: '5s', keepFiringFor: '2m', question: 'for0-e5-s5 held firing 2m across observer restarts' },
  { name: 'kff2m-gw1', thresholdSlots: 120, evaluationInterval: '5s', scrapeInterval: '5s', groupWait: '1s', keepFiringFor: '2m', question: 'the same with a 1 s group_wait (still one message for the alerts of one evaluation)' },
  { name: 'kff2m-gw0', thresholdSlots: 120, evaluationInterval: '5s', scrapeInterval: '5s', groupWait: '0s', keepFiringFor: '2m', question: 'the same without group_wait' },
  { name: 'max2m', thresholdSlots: 120, evaluationInterval: '5s', scrapeInterval: '5s', groupWait: '5s', maxOverTime: '2m', question: 'a range function (max_over_time 2m) instead of keep_firing_for' },
  { name: 't110', thresholdSlots: 110, evaluationInterval: '5s', scrapeInterval: '10s', groupWait: '5s', question: 'a lower threshold (44 s) instead of the faster scrape' },
  { name: 't110-kff2m', thresholdSlots: 110, evaluationInterval: '5s', scrapeInterval: '10s', groupWait: '5s', keepFiringFor: '2m', question: 'and held firing 2m' },
  { name: 't100-for15', thresholdSlots: 100, for: '15s', evaluationInterval: '5s', scrapeInterval: '10s', groupWait: '5s', question: 'part of the wait as `for`: 100 slots (40 s) held 15 s' },
  { name: 't90', thresholdSlots: 90, evaluationInterval: '5s', scrapeInterval: '10s', groupWait: '5s', question: 'a threshold inside the flapping stretches (36 s)' },
  { name: 't90-kff3m', thresholdSlots: 90, evaluationInterval: '5s', scrapeInterval: '10s', groupWait: '5s', keepFiringFor: '3m', question: 'the same, held firing across the flaps' },
];

/** The name the shipped rule is reported under. */
export const SHIPPED_DESIGN = 'shipped';

/** The receiver a design pages (a Slack stand-in of its own). */
export function designReceiver(design: StaleRuleDesign): string {
  return `alert-quality-${design.name}`;
}

/** The scrape job a design reads: the observer's own, or a copy of it at the design's scrape interval. */
export function designJob(design: StaleRuleDesign, alerting: StaleFeedAlerting, job: string): string {
  return design.scrapeInterval === undefined || design.scrapeInterval === alerting.scrapeInterval ? job : `${job}-every-${design.scrapeInterval}`;
}

/** The staleness selector of the synthesized crypto rule (it must have exactly one: one threshold for the class). */
export function shippedStalenessSelector(alerting: StaleFeedAlerting): string {
  const selectors = alerting.staleRule.expr.match(new RegExp(`${OBSERVER_METRIC_NAMES.staleness}\\{[^}]*\\}`, 'g')) ?? [];
  if (selectors.length !== 1) {
    throw new Error(`the alert-quality benchmark expects one staleness selector in the crypto stale rule, found ${selectors.length}: ${alerting.staleRule.expr}`);
  }
  return selectors[0];
}

/** The rule groups of the designs, to add to the synthesized rules file. */
export function designRuleGroups(designs: readonly StaleRuleDesign[], alerting: StaleFeedAlerting, job: string): RulesFile['groups'] {
  const selector = shippedStalenessSelector(alerting);
  const shipped = { ...alerting.staleRule };
  delete shipped.for;
  delete shipped.keep_firing_for;
  return designs.map((design) => {
    const series = selector.replace(`job="${job}"`, `job="${designJob(design, alerting, job)}"`);
    const read = design.maxOverTime ? `max_over_time(${series}[${design.maxOverTime}])` : series;
    return {
      name: `alert-quality-${design.name}`,
      ...(design.evaluationInterval ? { interval: design.evaluationInterval } : {}),
      rules: [
        {
          ...shipped,
          expr: `max by (symbol) (${read}) > ${design.thresholdSlots}`,
          ...(design.for ? { for: design.for } : {}),
          ...(design.keepFiringFor ? { keep_firing_for: design.keepFiringFor } : {}),
          labels: { ...shipped.labels, design: design.name },
        },
      ],
    };
  });
}

/** Scrape jobs the designs read beside the observer's own: the same targets at another interval. */
export function designScrapeConfigs(designs: readonly StaleRuleDesign[], alerting: StaleFeedAlerting, job: string, targetsFile: string): unknown[] {
  const jobs = new Map(designs.map((design) => [designJob(design, alerting, job), design.scrapeInterval]));
  jobs.delete(job);
  return [...jobs].map(([name, interval]) => ({ job_name: name, scrape_interval: interval, file_sd_configs: [{ files: [targetsFile] }] }));
}

/**
 * The synthesized Alertmanager configuration with a route and a receiver per design ahead of every other route.
 * Each receiver is a copy of the shipped stale page's Slack receiver whose webhook URL comes from a file of its own.
 */
export function withDesignRoutes(alertmanagerConfig: Record<string, any>, designs: readonly StaleRuleDesign[], alerting: StaleFeedAlerting, secretsDirectory: string): Record<string, any> {
  const shippedReceiver = (alertmanagerConfig.receivers as Array<Record<string, any>>).find((receiver) => receiver.name === alerting.receiver);
  if (!shippedReceiver?.slack_configs?.[0]) throw new Error(`the stale page's receiver ${alerting.receiver} has no Slack configuration`);
  const routes = designs.map((design) => ({
    receiver: designReceiver(design),
    matchers: [`design="${design.name}"`],
    group_wait: design.groupWait ?? alerting.groupWait,
    group_interval: alerting.groupInterval,
    repeat_interval: alerting.repeatInterval,
    continue: false,
  }));
  const receivers = designs.map((design) => ({
    name: designReceiver(design),
    slack_configs: [{ ...shippedReceiver.slack_configs[0], api_url_file: `${secretsDirectory.replace(/\/+$/, '')}/${DEFAULT_SLACK_WEBHOOK_SECRET_NAME}/${designReceiver(design)}` }],
  }));
  return {
    ...alertmanagerConfig,
    route: { ...alertmanagerConfig.route, routes: [...routes, ...(alertmanagerConfig.route.routes ?? [])] },
    receivers: [...alertmanagerConfig.receivers, ...receivers],
  };
}
