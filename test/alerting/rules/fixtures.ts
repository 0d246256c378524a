import { Duration } from '../../../constructs/core/duration';
import type { AlertRule } from '../../../constructs/alerting/rules/alert-rule';
import type { RuleGroup } from '../../../constructs/alerting/rules/rule-group';
import { Runbook } from '../../../constructs/alerting/rules/runbook';
import { Severity } from '../../../constructs/alerting/rules/severity';

export const RUNBOOK_BASE = 'https://github.com/example/feedops/blob/main/docs/runbooks';

/** A valid alert; tests override the one field they are about. */
export function anAlert(overrides: Partial<Record<keyof AlertRule, unknown>> = {}): AlertRule {
  return {
    alert: 'ExampleTargetDown',
    expr: 'up{job="example"} == 0',
    for: Duration.minutes(5),
    severity: Severity.WARNING,
    team: 'platform',
    summary: 'Example target {{ $labels.instance }} is down',
    description: 'Prometheus cannot scrape {{ $labels.instance }}.',
    runbook: Runbook.at(RUNBOOK_BASE, 'ExampleTargetDown'),
    ...overrides,
  } as AlertRule;
}

export function aGroup(rules: RuleGroup['rules'], overrides: Partial<RuleGroup> = {}): RuleGroup {
  return { name: 'example', rules, ...overrides };
}

export const RENDER_OPTIONS = { environment: 'dev', name: 'example-rules', namespace: 'monitoring' };
