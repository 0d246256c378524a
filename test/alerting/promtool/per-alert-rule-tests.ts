import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import type { RulesFile } from '../../../constructs/alerting/rules/render-rules';
import { renderRuleTests } from './render-rule-tests';
import type { AlertRuleCase } from './rule-test-case';

/**
 * promtool evaluates every rule of a rules file at every step of every case, so a file of all rules costs
 * cases x rules x steps. An alerting rule's result does not depend on the other alerting rules, and promtool checks
 * a case by alert name, so each alert's cases run against a rules file with only that alert: its rules and the
 * recording rules they may read, transitively (rulesWithInputs). The cases, their series, eval times and expected
 * alerts are exactly those of the full file, and so is what promtool compares.
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
      rulesFile: rulesWithInputs(rulesFile, hasAlert),
    };
  });
}

type RenderedGroup = RulesFile['groups'][number];
type RenderedRule = RenderedGroup['rules'][number];

/**
 * The groups `keepGroup` selects, each with the rules `keepRule` selects. Refuses a subset in which a kept rule may
 * read a series recorded by a rule left out (its verdicts could differ from the whole file's): a selector of that
 * name is safe only when it pins one of the dropped rule's own labels to another value.
 */
export function subsetOfRules(rulesFile: RulesFile, keepGroup: (group: RenderedGroup) => boolean, keepRule: (rule: RenderedRule) => boolean): RulesFile {
  const groups = rulesFile.groups.filter(keepGroup).map((group) => ({ ...group, rules: group.rules.filter(keepRule) }));
  const kept = new Set(groups.flatMap((group) => group.rules));
  const dropped = rulesFile.groups.flatMap((group) => group.rules).filter((rule): rule is RenderedRecordingRule => 'record' in rule && !kept.has(rule));
  for (const rule of kept) {
    const read = dropped.find((record) => mayRead(rule.expr, record));
    if (read) throw new Error(`${'alert' in rule ? rule.alert : rule.record} may read ${read.record}${JSON.stringify(read.labels ?? {})}, recorded by a rule outside the subset`);
  }
  return { groups };
}

type RenderedRecordingRule = Extract<RenderedRule, { record: string }>;

/**
 * The rules `keepRule` selects and every recording rule they may read, transitively, in their groups and order
 * (groups left empty are dropped): what those rules need to evaluate as in the whole file.
 */
export function rulesWithInputs(rulesFile: RulesFile, keepRule: (rule: RenderedRule) => boolean): RulesFile {
  const all = rulesFile.groups.flatMap((group) => group.rules);
  const kept = new Set(all.filter(keepRule));
  for (let added = true; added; ) {
    added = false;
    for (const record of all.filter((rule): rule is RenderedRecordingRule => 'record' in rule && !kept.has(rule))) {
      if ([...kept].some((rule) => mayRead(rule.expr, record))) {
        kept.add(record);
        added = true;
      }
    }
  }
  return subsetOfRules(rulesFile, (group) => group.rules.some((rule) => kept.has(rule)), (rule) => kept.has(rule));
}

function mayRead(expr: string, recording: RenderedRecordingRule): boolean {
  const name = recording.record.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const labels: Record<string, string> = recording.labels ?? {};
  return [...expr.matchAll(new RegExp(`(?<![a-zA-Z0-9_:])${name}(?![a-zA-Z0-9_:])(\\{[^}]*\\})?`, 'g'))].some(([, matchers = '']) => {
    const excludes = [...matchers.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"([^"]*)"/g)].some(([, label, value]) => label in labels && labels[label] !== value);
    return !excludes;
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
