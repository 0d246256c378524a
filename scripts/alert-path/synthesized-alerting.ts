import { parse } from 'yaml';
import { ALERT_LATENCY_BUDGET } from '../../constructs/alerting/alert-latency-budget';
import { PRICE_FEED_ALERTS } from '../../constructs/price-feeds/rules/alert-names';
import { longestObserverLoopSeconds } from '../../constructs/price-feeds/observer/observer-loop';
import { PYTHNET_SLOT_SECONDS } from '../../constructs/price-feeds/thresholds';
import type { RenderedAlertingRule, RulesFile } from '../../constructs/alerting/rules/render-rules';
import { prometheusSeconds } from './shorten-rules';

/**
 * What decides how soon a stale feed pages, read from the synthesized Terraform JSON of one environment (what is
 * deployed), not from the TypeScript constants that produced it: the observer's scrape interval (its
 * ServiceMonitor), Prometheus' evaluation interval (kube-prometheus-stack values), the stale rule's threshold and
 * `for` (the PrometheusRule), and the group_wait of the route its page takes (the Alertmanager config in the values).
 */
export interface StaleFeedAlerting {
  readonly environment: string;
  readonly rulesFile: RulesFile;
  /** The Alertmanager configuration exactly as the chart is given it. */
  readonly alertmanagerConfig: Record<string, any>;
  readonly scrapeInterval: string;
  readonly evaluationInterval: string;
  /** The stale rule for crypto feeds (the feed class every environment has). */
  readonly staleRule: RenderedAlertingRule;
  /** How often the stale rule is evaluated: its group's `interval`, or Prometheus' evaluation interval. */
  readonly staleRuleEvaluationInterval: string;
  readonly staleThresholdSlots: number;
  /** The group_wait of the route a crypto stale-feed page takes. */
  readonly groupWait: string;
  /** Its group_interval and repeat_interval (a re-page waits for them). */
  readonly groupInterval: string;
  readonly repeatInterval: string;
  readonly receiver: string;
}

/** Seconds from the moment a feed stops updating to its page, at worst, and what they are made of. */
export interface StaleFeedBudget {
  readonly thresholdSeconds: number;
  /** The observer publishes its staleness once per loop: the crossing shows up to one loop late. */
  readonly observerLoopSeconds: number;
  readonly scrapeSeconds: number;
  readonly evaluationSeconds: number;
  readonly forSeconds: number;
  readonly groupWaitSeconds: number;
  readonly worstCaseSeconds: number;
}

/**
 * The most seconds a stale feed may take to page, counted from the feed's last update, at worst: the budget the
 * synthesized configuration is checked against on every test run (test/alerting/stale-feed-budget.test.ts). The
 * target of the alert-latency budget (constructs/alerting/alert-latency-budget.ts), so there is one number: the
 * design chosen from the alert-quality benchmark (120 slots, no `for`, 5 s stale-group evaluation, 5 s scrape,
 * 1 s group_wait) spends 68 s of it with the observer's loop (up to 9 s) counted.
 */
export const STALE_FEED_PAGE_BUDGET_SECONDS = ALERT_LATENCY_BUDGET.target.toSeconds();

interface StackJson {
  resource?: Record<string, Record<string, Record<string, any>>>;
}

const OBSERVER_SERVICE_MONITOR = 'pyth-observer';
const STALE_ALERT = PRICE_FEED_ALERTS.priceFeedStale;
const CRYPTO = 'Crypto';

export function staleFeedAlerting(stacks: Readonly<Record<string, StackJson>>, environment: string): StaleFeedAlerting {
  const monitors = stack(stacks, `${environment}-monitors`);
  const platform = stack(stacks, `${environment}-platform`);
  const manifests = Object.values(monitors.resource?.kubernetes_manifest ?? {}).map((resource) => resource.manifest);
  const serviceMonitor = manifests.find((m) => m.kind === 'ServiceMonitor' && m.metadata.name === OBSERVER_SERVICE_MONITOR);
  const rules = manifests.filter((m) => m.kind === 'PrometheusRule');
  const rulesFile: RulesFile = { groups: rules.flatMap((rule) => rule.spec.groups) };
  const isStaleRule = (rule: RulesFile['groups'][number]['rules'][number]): rule is RenderedAlertingRule =>
    'alert' in rule && rule.alert === STALE_ALERT && rule.labels.asset_type === CRYPTO;
  const staleGroup = rulesFile.groups.find((group) => group.rules.some(isStaleRule));
  const staleRule = staleGroup?.rules.find(isStaleRule);
  const releases = Object.values(platform.resource?.helm_release ?? {}).filter((release) => release.chart === 'kube-prometheus-stack');
  if (!serviceMonitor || !staleGroup || !staleRule || releases.length !== 1) {
    throw new Error(`${environment}: the synthesized stacks lack the observer ServiceMonitor, the crypto ${STALE_ALERT} rule or kube-prometheus-stack`);
  }
  const values = Object.assign({}, ...(releases[0].values as string[]).map((document) => parse(document)));
  const threshold = /> (\d+)$/.exec(staleRule.expr);
  if (!threshold) throw new Error(`${environment}: ${STALE_ALERT} expression does not end in "> <slots>": ${staleRule.expr}`);
  const alertmanagerConfig = values.alertmanager.config;
  const labels = { alertname: STALE_ALERT, symbol: 'Crypto.BTC/USD', ...staleRule.labels, environment };
  const route = routeOf(alertmanagerConfig.route, labels);
  return {
    environment,
    rulesFile,
    alertmanagerConfig,
    scrapeInterval: serviceMonitor.spec.endpoints[0].interval,
    evaluationInterval: values.prometheus.prometheusSpec.evaluationInterval,
    staleRule,
    staleRuleEvaluationInterval: staleGroup.interval ?? values.prometheus.prometheusSpec.evaluationInterval,
    staleThresholdSlots: Number(threshold[1]),
    groupWait: route.groupWait,
    groupInterval: route.groupInterval,
    repeatInterval: route.repeatInterval,
    receiver: route.receiver,
  };
}

/**
 * The worst case from the last update to the page: the staleness count must pass the threshold, the observer's
 * next loop must publish it, a scrape must see it, an evaluation of the stale rule's group must run, the alert
 * stays pending for `for` (evaluated on the group's grid), and Alertmanager waits group_wait before the first
 * notification of a new group.
 */
export function staleFeedBudget(alerting: StaleFeedAlerting): StaleFeedBudget {
  const evaluationSeconds = prometheusSeconds(alerting.staleRuleEvaluationInterval);
  const parts = {
    thresholdSeconds: alerting.staleThresholdSlots * PYTHNET_SLOT_SECONDS,
    observerLoopSeconds: longestObserverLoopSeconds(),
    scrapeSeconds: prometheusSeconds(alerting.scrapeInterval),
    evaluationSeconds,
    forSeconds: Math.ceil(prometheusSeconds(alerting.staleRule.for ?? '0s') / evaluationSeconds) * evaluationSeconds,
    groupWaitSeconds: prometheusSeconds(alerting.groupWait),
  };
  return { ...parts, worstCaseSeconds: Object.values(parts).reduce((sum, seconds) => sum + seconds, 0) };
}

function stack(stacks: Readonly<Record<string, StackJson>>, name: string): StackJson {
  const found = stacks[name];
  if (!found) throw new Error(`no synthesized stack ${name} (stacks: ${Object.keys(stacks).join(', ')})`);
  return found;
}

interface Route {
  receiver?: string;
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  matchers?: string[];
  routes?: Route[];
}

/** The route Alertmanager picks for these labels (first matching child, depth first), with inherited settings. */
function routeOf(root: Route, labels: Readonly<Record<string, string>>): { receiver: string; groupWait: string; groupInterval: string; repeatInterval: string } {
  let route = root;
  // Alertmanager's defaults for a root route that leaves them out.
  let picked = { receiver: root.receiver ?? '', groupWait: root.group_wait ?? '30s', groupInterval: root.group_interval ?? '5m', repeatInterval: root.repeat_interval ?? '4h' };
  for (;;) {
    const child = (route.routes ?? []).find((candidate) => (candidate.matchers ?? []).every((matcher) => matches(matcher, labels)));
    if (!child) return picked;
    route = child;
    picked = {
      receiver: child.receiver ?? picked.receiver,
      groupWait: child.group_wait ?? picked.groupWait,
      groupInterval: child.group_interval ?? picked.groupInterval,
      repeatInterval: child.repeat_interval ?? picked.repeatInterval,
    };
  }
}

function matches(matcher: string, labels: Readonly<Record<string, string>>): boolean {
  const parsed = /^(\w+)(=~|!~|!=|=)"(.*)"$/.exec(matcher);
  if (!parsed) throw new Error(`unsupported Alertmanager matcher ${matcher}`);
  const [, name, operator, value] = parsed;
  const actual = labels[name] ?? '';
  switch (operator) {
    case '=':
      return actual === value;
    case '!=':
      return actual !== value;
    case '=~':
      return new RegExp(`^(?:${value})$`).test(actual);
    default:
      return !new RegExp(`^(?:${value})$`).test(actual);
  }
}
