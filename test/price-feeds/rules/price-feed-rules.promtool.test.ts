import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { renderPriceFeedRules } from '../../../constructs/price-feeds/rules/price-feed-rules';
import { runTool } from '../../support/tools';
import { SUPPORTED_TEMPLATE_ACTION, templateActions } from '../../alerting/promtool/annotation-templates';
import { alertsOf } from '../../alerting/promtool/rendered-alerts';
import { renderRuleTests } from '../../alerting/promtool/render-rule-tests';
import { writeRulesFile } from '../../alerting/promtool/rules-file';
import { FEED_SETS, PROD_FEEDS } from '../fixtures';
import { PRICE_FEED_RULE_CASES } from './price-feed-rules.cases';

/** vector(1) cannot be false: the heartbeat's "not firing" is what the external dead-man's switch detects. */
const ALWAYS_FIRING = ['Watchdog'];

describe('price-feed rules under promtool test rules', () => {
  test('every case passes', () => {
    const { rulesFile } = renderPriceFeedRules(PROD_FEEDS);
    const rulesPath = writeRulesFile(rulesFile);
    const testsPath = path.join(path.dirname(rulesPath), 'price-feed-rules.test.yaml');
    fs.writeFileSync(testsPath, stringify(renderRuleTests(rulesFile, path.basename(rulesPath), PRICE_FEED_RULE_CASES), { lineWidth: 0 }));
    const result = runTool('promtool', ['test', 'rules', path.basename(testsPath)], { cwd: path.dirname(testsPath) });
    expect(result).toMatchObject({ status: 0 });
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
