// The time a stale feed takes to page, checked statically on every synth against the budget, from what the
// stacks deploy (the synthesized ServiceMonitor, PrometheusRule and kube-prometheus-stack values). The end-to-end
// test proves the wiring; `npm run bench` measures the real latency with the same synthesized configuration.
import { delivery, ENVIRONMENTS, validateEnvironments } from '../../environments';
import { staleFeedAlerting, staleFeedBudget, STALE_FEED_PAGE_BUDGET_SECONDS } from '../../scripts/alert-path/synthesized-alerting';
import { DEFAULT_PRICE_FEED_TEAM } from '../../constructs/price-feeds/resolve';
import { longestObserverLoopSeconds, OBSERVER_LOOP } from '../../constructs/price-feeds/observer/observer-loop';
import { synthesizedStacks } from '../support/synth';

const stacks = synthesizedStacks();
const ENVIRONMENT_NAMES = Object.keys(ENVIRONMENTS);
const environments = validateEnvironments(ENVIRONMENTS, delivery).environments;

test.each(ENVIRONMENT_NAMES)('%s: a stopped feed pages within the budget, at worst', (environment) => {
  const budget = staleFeedBudget(staleFeedAlerting(stacks, environment));
  expect({ environment, ...budget, withinBudget: budget.worstCaseSeconds <= STALE_FEED_PAGE_BUDGET_SECONDS }).toEqual(
    expect.objectContaining({ withinBudget: true }),
  );
});

test.each(ENVIRONMENT_NAMES)("%s: the budget is read on the route the page takes, the feeds team's critical receiver", (environment) => {
  const routing = environments.find((env) => env.name === environment)!.alerting.routing;
  expect(staleFeedAlerting(stacks, environment).receiver).toBe(routing.byTeam![DEFAULT_PRICE_FEED_TEAM]!.critical);
});

test('prod deploys the design chosen from the alert-quality benchmark: 68 s at worst', () => {
  const alerting = staleFeedAlerting(stacks, 'prod');
  expect({
    threshold: alerting.staleThresholdSlots,
    for: alerting.staleRule.for,
    keepFiringFor: alerting.staleRule.keep_firing_for,
    evaluation: alerting.staleRuleEvaluationInterval,
    scrape: alerting.scrapeInterval,
    groupWait: alerting.groupWait,
  }).toEqual({ threshold: 120, for: '0s', keepFiringFor: '2m', evaluation: '5s', scrape: '5s', groupWait: '1s' });
  expect(staleFeedBudget(alerting).worstCaseSeconds).toBe(48 + 9 + 5 + 5 + 0 + 1);
});

test('the budget is made of the synthesized values, so a longer `for` breaks it', () => {
  const alerting = staleFeedAlerting(stacks, 'prod');
  const longer = { ...alerting, staleRule: { ...alerting.staleRule, for: '3m' } };
  const added = staleFeedBudget(longer).worstCaseSeconds - staleFeedBudget(alerting).worstCaseSeconds;
  expect(added).toBe(180 - staleFeedBudget(alerting).forSeconds);
  expect(staleFeedBudget(longer).worstCaseSeconds).toBeGreaterThan(STALE_FEED_PAGE_BUDGET_SECONDS);
});

test("the evaluation part is the stale rule's own group interval when its group sets one", () => {
  const alerting = staleFeedAlerting(stacks, 'prod');
  const group = alerting.rulesFile.groups.find((candidate) => candidate.rules.includes(alerting.staleRule))!;
  expect(alerting.staleRuleEvaluationInterval).toBe(group.interval ?? alerting.evaluationInterval);
  const every5s = staleFeedBudget({ ...alerting, staleRuleEvaluationInterval: '5s', staleRule: { ...alerting.staleRule, for: '12s' } });
  expect({ evaluation: every5s.evaluationSeconds, for: every5s.forSeconds }).toEqual({ evaluation: 5, for: 15 });
});

test("the observer's loop is part of the worst case: a crossing shows in its metrics up to one loop later", () => {
  expect(staleFeedBudget(staleFeedAlerting(stacks, 'prod')).observerLoopSeconds).toBe(longestObserverLoopSeconds());
  expect(longestObserverLoopSeconds()).toBe(OBSERVER_LOOP.sleep.toSeconds() + OBSERVER_LOOP.work.atMost.toSeconds());
});

test('fails when a stack it reads is missing', () => {
  expect(() => staleFeedAlerting({}, 'prod')).toThrow('no synthesized stack prod-monitors');
});
