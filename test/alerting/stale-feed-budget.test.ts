// The time a stale feed takes to page, checked statically on every synth against the budget, from what the
// stacks deploy (the synthesized ServiceMonitor, PrometheusRule and kube-prometheus-stack values). The end-to-end
// test proves the wiring; `npm run bench` measures the real latency with the same synthesized configuration.
import { delivery, ENVIRONMENTS, validateEnvironments } from '../../environments';
import { staleFeedAlerting, staleFeedBudget, STALE_FEED_PAGE_BUDGET_SECONDS } from '../../scripts/alert-path/synthesized-alerting';
import { DEFAULT_PRICE_FEED_TEAM } from '../../constructs/price-feeds/resolve';
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

test('the budget is made of the synthesized values, so a longer `for` breaks it', () => {
  const alerting = staleFeedAlerting(stacks, 'prod');
  const longer = { ...alerting, staleRule: { ...alerting.staleRule, for: '3m' } };
  const added = staleFeedBudget(longer).worstCaseSeconds - staleFeedBudget(alerting).worstCaseSeconds;
  expect(added).toBe(180 - staleFeedBudget(alerting).forSeconds);
  expect(staleFeedBudget(longer).worstCaseSeconds).toBeGreaterThan(STALE_FEED_PAGE_BUDGET_SECONDS);
});

test('fails when a stack it reads is missing', () => {
  expect(() => staleFeedAlerting({}, 'prod')).toThrow('no synthesized stack prod-monitors');
});
