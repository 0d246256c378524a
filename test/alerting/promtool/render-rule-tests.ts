import type { RenderedAlertingRule, RulesFile } from '../../../constructs/alerting/rules/render-rules';
import { expandAnnotation } from './annotation-templates';
import type { AlertRuleCase } from './rule-test-case';

/** Evaluation step of every case; input series are one sample per minute. */
export const TEST_INTERVAL = '1m';

export interface PromtoolTestFile {
  rule_files: string[];
  evaluation_interval: string;
  tests: Array<{
    name: string;
    interval: string;
    input_series: Array<{ series: string; values: string }>;
    alert_rule_test: Array<{
      eval_time: string;
      alertname: string;
      exp_alerts: Array<{ exp_labels: Record<string, string>; exp_annotations: Record<string, string> }>;
    }>;
  }>;
}

/**
 * Renders typed cases into promtool's test file format. Expected labels are the expression's labels plus the
 * rule's own (as Prometheus builds them); expected annotations are the rule's templates expanded with the
 * expression's labels and the expected value.
 */
export function renderRuleTests(rulesFile: RulesFile, ruleFileName: string, cases: readonly AlertRuleCase[]): PromtoolTestFile {
  return {
    rule_files: [ruleFileName],
    evaluation_interval: TEST_INTERVAL,
    tests: cases.map((testCase) => {
      const rules = findRules(rulesFile, testCase);
      if (testCase.firing.length > 0 && rules.length !== 1) {
        const where = testCase.group ? `group "${testCase.group}"` : 'the rules';
        throw new Error(`test case "${testCase.name}": alert "${testCase.alert}" is found ${rules.length} times in ${where} (allowed: exactly once; set "group")`);
      }
      const rule = rules[0];
      return {
        name: testCase.name,
        interval: TEST_INTERVAL,
        input_series: testCase.series.map(({ series, values }) => ({ series, values })),
        alert_rule_test: [
          {
            eval_time: testCase.at.toPrometheus(),
            alertname: testCase.alert,
            exp_alerts: testCase.firing.map((expected) => ({
              exp_labels: { ...expected.labels, ...rule.labels },
              exp_annotations: Object.fromEntries(
                Object.entries(rule.annotations).map(([name, template]) => [name, expandAnnotation(template, expected.labels, expected.value ?? 0)]),
              ),
            })),
          },
        ],
      };
    }),
  };
}

/** The rules a case can be about; a case that expects firing alerts must name exactly one. */
function findRules(rulesFile: RulesFile, testCase: AlertRuleCase): RenderedAlertingRule[] {
  const rules = rulesFile.groups
    .filter((group) => testCase.group === undefined || group.name === testCase.group)
    .flatMap((group) => group.rules)
    .filter((rule): rule is RenderedAlertingRule => 'alert' in rule && rule.alert === testCase.alert);
  if (rules.length === 0) throw new Error(`test case "${testCase.name}": alert "${testCase.alert}" is not in the rendered rules`);
  return rules;
}
