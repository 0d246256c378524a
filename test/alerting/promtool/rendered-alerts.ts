import type { RenderedAlertingRule, RulesFile } from '../../../constructs/alerting/rules/render-rules';

export interface RenderedAlertInGroup {
  group: string;
  rule: RenderedAlertingRule;
}

/** Every alerting rule of a rules file, with its group. */
export function alertsOf(rulesFile: RulesFile): RenderedAlertInGroup[] {
  return rulesFile.groups.flatMap((group) =>
    group.rules.filter((rule): rule is RenderedAlertingRule => 'alert' in rule).map((rule) => ({ group: group.name, rule })),
  );
}

/** Metric names an expression reads: identifiers followed by `{` or `[` or standing alone, minus PromQL words. */
export function metricNamesIn(expr: string): string[] {
  const withoutStrings = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const withoutLabelLists = withoutStrings.replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const withoutMatchers = withoutLabelLists.replace(/{[^}]*}/g, '{}').replace(/\[[^\]]*\]/g, '[]');
  const names = [...withoutMatchers.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)].map((match) => match[1]);
  return [...new Set(names.filter((name) => !PROMQL_WORDS.has(name) && !/^\d/.test(name)))];
}

const PROMQL_WORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'inf', 'nan', 'Inf', 'NaN']);
