import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { renderPriceFeedRules } from '../../../constructs/price-feeds/rules/price-feed-rules';
import { runTool } from '../../support/tools';
import { SUPPORTED_TEMPLATE_ACTION, templateActions } from '../../alerting/promtool/annotation-templates';
import { alertsOf } from '../../alerting/promtool/rendered-alerts';
import { ruleTestsPerAlert, writeAlertRuleTests } from '../../alerting/promtool/per-alert-rule-tests';
import { FEED_SETS, PROD_FEEDS } from '../fixtures';
import { PRICE_FEED_RULE_CASES } from './price-feed-rules.cases';

/** vector(1) cannot be false: the heartbeat's "not firing" is what the external dead-man's switch detects. */
const ALWAYS_FIRING = ['Watchdog'];

describe('price-feed rules under promtool test rules', () => {
  // Each alert's cases run with only that alert's rules (see per-alert-rule-tests.ts): the same cases and
  // expectations as one file of all rules, several times faster.
  const perAlert = ruleTestsPerAlert(renderPriceFeedRules(PROD_FEEDS).rulesFile, PRICE_FEED_RULE_CASES);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-price-feed-rule-tests-'));
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  test.each(perAlert.map((tests) => [tests.alert, tests] as const))('every case of %s passes', (_alert, tests) => {
    const result = runTool('promtool', ['test', 'rules', writeAlertRuleTests(directory, tests)], { cwd: directory });
    expect(result).toMatchObject({ status: 0 });
  });

  test('every case runs in exactly one alert\'s file', () => {
    expect(perAlert.flatMap((tests) => tests.cases)).toHaveLength(PRICE_FEED_RULE_CASES.length);
  });

  test.each(Object.keys(FEED_SETS))('every alert rendered for %s has a firing case', (name) => {
    const alerts = new Set(alertsOf(renderPriceFeedRules(FEED_SETS[name]).rulesFile).map(({ rule }) => rule.alert));
    const withoutFiringCase = [...alerts].filter((alert) => !PRICE_FEED_RULE_CASES.some((testCase) => testCase.alert === alert && testCase.firing.length > 0));
    expect(withoutFiringCase).toEqual([]);
  });

  test.each(Object.keys(FEED_SETS))('every alert rendered for %s has a non-firing case', (name) => {
    const alerts = new Set(alertsOf(renderPriceFeedRules(FEED_SETS[name]).rulesFile).map(({ rule }) => rule.alert));
    const withoutSilentCase = [...alerts].filter(
      (alert) => !ALWAYS_FIRING.includes(alert) && !PRICE_FEED_RULE_CASES.some((testCase) => testCase.alert === alert && testCase.firing.length === 0),
    );
    expect(withoutSilentCase).toEqual([]);
  });

  test('case names are unique, so a promtool failure points at one case', () => {
    const names = PRICE_FEED_RULE_CASES.map((testCase) => testCase.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  test('eval times sit between evaluations, off every window edge', () => {
    expect(PRICE_FEED_RULE_CASES.filter((testCase) => testCase.at.toSeconds() % 60 === 0).map((testCase) => testCase.name)).toEqual([]);
  });

  test('annotations use only the template actions the cases can expand', () => {
    const annotations = alertsOf(renderPriceFeedRules(PROD_FEEDS).rulesFile).flatMap(({ rule }) => Object.values(rule.annotations));
    expect(annotations.flatMap(templateActions).filter((action) => !SUPPORTED_TEMPLATE_ACTION.test(action))).toEqual([]);
  });
});
