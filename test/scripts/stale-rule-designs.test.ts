// The alert-quality benchmark runs each candidate design as a copy of the synthesized stale rule with its own route
// and Slack stand-in: the copies must load in Prometheus, differ from the shipped rule only where the design says,
// and route to their own receivers while the shipped rule keeps its production route.
import type { AlertmanagerConfig } from '../../constructs/alerting/alertmanager';
import { staleFeedAlerting } from '../../scripts/alert-path/synthesized-alerting';
import { designJob, designReceiver, designRuleGroups, designScrapeConfigs, STALE_RULE_DESIGNS, withDesignRoutes } from '../../scripts/bench/stale-rule-designs';
import { AmtoolConfigFile } from '../alerting/alertmanager/support/amtool-config-file';
import { writeRulesFile } from '../alerting/promtool/rules-file';
import { synthesizedStacks } from '../support/synth';
import { runTool } from '../support/tools';

const alerting = staleFeedAlerting(synthesizedStacks(), 'prod');
const JOB = 'pyth-observer';
const groups = designRuleGroups(STALE_RULE_DESIGNS, alerting, JOB);
const design = (name: string) => STALE_RULE_DESIGNS.find((d) => d.name === name)!;
const ruleOf = (name: string) => groups.find((group) => group.name === `alert-quality-${name}`)!.rules[0] as typeof alerting.staleRule;

test('the synthesized rules with every design copy pass promtool check rules', () => {
  expect(runTool('promtool', ['check', 'rules', writeRulesFile({ groups: [...alerting.rulesFile.groups, ...groups] })])).toMatchObject({ status: 0 });
});

test("a copy keeps the shipped rule's name, selector, labels and annotations, and adds its design label", () => {
  const copy = ruleOf('t110');
  expect(copy.alert).toBe(alerting.staleRule.alert);
  expect(copy.annotations).toEqual(alerting.staleRule.annotations);
  expect(copy.labels).toEqual({ ...alerting.staleRule.labels, design: 't110' });
  const job = designJob(design('t110'), alerting, JOB);
  expect(copy.expr).toBe(alerting.staleRule.expr.replace(/> \d+$/, '> 110').replace(`job="${JOB}"`, `job="${job}"`));
  expect(copy.for).toBeUndefined();
});

test('a design sets its own for, keep_firing_for, group interval, range function and scrape job', () => {
  expect(ruleOf('before').for).toBe('1m');
  expect(ruleOf('kff2m').keep_firing_for).toBe('2m');
  expect(groups.find((group) => group.name === 'alert-quality-for0-e5')!.interval).toBe('5s');
  expect(ruleOf('max2m').expr).toMatch(new RegExp(`^max by \\(symbol\\) \\(max_over_time\\(pyth_observer_price_feed_staleness_slots\\{job="${designJob(design('max2m'), alerting, JOB)}",.*\\}\\[2m\\]\\)\\) > 120$`));
  // Designs at another scrape interval than the synthesized ServiceMonitor's read a copy of the job at theirs.
  const other = STALE_RULE_DESIGNS.find((d) => d.scrapeInterval !== alerting.scrapeInterval)!;
  expect(designJob(other, alerting, JOB)).toBe(`${JOB}-every-${other.scrapeInterval}`);
  expect(designScrapeConfigs(STALE_RULE_DESIGNS, alerting, JOB, '/targets.json')).toEqual([
    { job_name: `${JOB}-every-${other.scrapeInterval}`, scrape_interval: other.scrapeInterval, file_sd_configs: [{ files: ['/targets.json'] }] },
  ]);
});

describe('routing with the design routes (amtool)', () => {
  const config = withDesignRoutes(alerting.alertmanagerConfig, STALE_RULE_DESIGNS, alerting, '/etc/alertmanager/secrets') as AlertmanagerConfig;
  const file = AmtoolConfigFile.write(config);
  afterAll(() => file.remove());
  const stale = { alertname: alerting.staleRule.alert, ...alerting.staleRule.labels, symbol: 'Crypto.BTC/USD' };

  test('the configuration passes amtool check-config', () => {
    expect(file.checkConfig()).toMatchObject({ status: 0 });
  });

  test.each(STALE_RULE_DESIGNS.map((d) => d.name))('the %s copy pages its own receiver only', (name) => {
    expect(file.routesTest([designReceiver(design(name))], { ...stale, design: name }).status).toBe(0);
  });

  test("the shipped rule still takes its production route to the feeds team's critical channel", () => {
    expect(file.routesTest([alerting.receiver], stale).status).toBe(0);
  });

  test("each design route has its own group_wait and the shipped route's group_interval and repeat_interval", () => {
    const route = config.route.routes!.find((r) => r.receiver === designReceiver(design('for0-e5-s5-gw0')))!;
    expect(route).toMatchObject({ group_wait: '0s', group_interval: alerting.groupInterval, repeat_interval: alerting.repeatInterval });
  });
});
