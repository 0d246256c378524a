import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import type { RulesFile } from '../../../constructs/alerting/rules/render-rules';
import { renderRuleTests } from './render-rule-tests';
import type { AlertRuleCase } from './rule-test-case';

/**
 * promtool evaluates every rule of a rules file at every step of every case, so a file of all rules costs
 * cases x rules x steps. An alerting rule's result does not depend on the other alerting rules, and promtool checks
 * a case by alert name, so each alert's cases run against a rules file with only that alert: every group that has
 * it, each keeping the alert's rules and every recording rule (an expression may read one). The cases, their
 * series, eval times and expected alerts are exactly those of the full file, and so is what promtool compares.
 */
export interface AlertRuleTests {
  readonly alert: string;
  readonly rulesFile: RulesFile;
  readonly cases: readonly AlertRuleCase[];
}

/** Series only the rule evaluator writes: a rule reading them depends on other alerting rules. */
const ALERT_STATE_SERIES = /\bALERTS(_FOR_STATE)?\b/;

export function ruleTestsPerAlert(rulesFile: RulesFile, cases: readonly AlertRuleCase[]): AlertRuleTests[] {
  const readingAlertState = rulesFile.groups.flatMap((group) => group.rules).filter((rule) => ALERT_STATE_SERIES.test(rule.expr));
  if (readingAlertState.length > 0) {
    const names = readingAlertState.map((rule) => ('alert' in rule ? rule.alert : rule.record));
    throw new Error(`rules ${names.join(', ')} read ALERTS: their alerts depend on other alerts (allowed: run them with the whole rules file)`);
  }
  const alerts = [...new Set(cases.map((testCase) => testCase.alert))];
  return alerts.map((alert) => {
    const hasAlert = (rule: RulesFile['groups'][number]['rules'][number]) => 'alert' in rule && rule.alert === alert;
    return {
      alert,
      cases: cases.filter((testCase) => testCase.alert === alert),
      rulesFile: {
        groups: rulesFile.groups
          .filter((group) => group.rules.some(hasAlert))
          .map((group) => ({ ...group, rules: group.rules.filter((rule) => !('alert' in rule) || hasAlert(rule)) })),
      },
    };
  });
}

/** Writes one alert's rules and promtool test file into `directory`; returns the test file's name. */
export function writeAlertRuleTests(directory: string, tests: AlertRuleTests): string {
  const rulesName = `${tests.alert}.rules.yaml`;
  const testsName = `${tests.alert}.test.yaml`;
  fs.writeFileSync(path.join(directory, rulesName), stringify(tests.rulesFile, { lineWidth: 0 }));
  fs.writeFileSync(path.join(directory, testsName), stringify(renderRuleTests(tests.rulesFile, rulesName, tests.cases), { lineWidth: 0 }));
  return testsName;
}
