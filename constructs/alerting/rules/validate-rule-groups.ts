import { ValidationError, type ValidationProblem } from '../../core/validation-error';
import { Duration } from '../../core/duration';
import type { AlertRule } from './alert-rule';
import type { RecordingRule } from './recording-rule';
import { isAlertRule, type Rule, type RuleGroup } from './rule-group';
import {
  ALERT_NAME_PATTERN,
  LABEL_NAME_PATTERN,
  METRIC_NAME_PATTERN,
  MIN_ALERT_FOR,
  RESERVED_ALERT_LABELS,
  WATCHDOG_ALERT_NAME,
} from './rule-limits';
import { Runbook } from './runbook';
import { SEVERITY_VALUES, Severity } from './severity';
import { compareText } from '../../core/text-order';

/**
 * Checks rule groups before they are rendered. Every problem is reported (not just the first), each naming
 * the group, the rule, the field, the bad value and what is allowed. Throws when there is any.
 */
export function validateRuleGroups(groups: readonly RuleGroup[]): void {
  const problems: ValidationProblem[] = [];
  if (!Array.isArray(groups) || groups.length === 0) {
    problems.push(problem('rule groups', 'groups', groups, 'nothing to render', 'at least one rule group'));
  } else {
    const groupNames = new Set<string>();
    groups.forEach((group, index) => {
      const where = `rule group ${typeof group?.name === 'string' && group.name !== '' ? `"${group.name}"` : `#${index}`}`;
      if (typeof group?.name !== 'string' || group.name.trim() === '') {
        problems.push(problem(where, 'name', group?.name, 'not a name', 'a non-empty string'));
      } else if (groupNames.has(group.name)) {
        problems.push(problem(where, 'name', group.name, 'used by another group', 'a name unique among the groups rendered together'));
      }
      groupNames.add(group?.name);
      if (group?.interval !== undefined && !isPositiveDuration(group.interval)) {
        problems.push(problem(where, 'interval', group.interval, 'not a positive Duration', 'a Duration above zero, e.g. Duration.minutes(1)'));
      }
      if (!Array.isArray(group?.rules) || group.rules.length === 0) {
        problems.push(problem(where, 'rules', group?.rules, 'no rules', 'at least one rule'));
      } else {
        problems.push(...validateRules(where, group.rules));
      }
    });
  }
  if (problems.length > 0) {
    throw new ValidationError(problems, 'alert rules');
  }
}

function validateRules(where: string, rules: readonly Rule[]): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const alertNames = new Set<string>();
  const recordedSeries = new Set<string>();
  rules.forEach((rule, index) => {
    if (rule && isAlertRule(rule)) {
      const alertWhere = `${where}, alert "${rule.alert}"`;
      problems.push(...validateAlert(alertWhere, rule));
      if (alertNames.has(rule.alert)) {
        problems.push(problem(alertWhere, 'alert', rule.alert, 'a duplicate name in this group', 'an alert name unique within its group'));
      }
      alertNames.add(rule.alert);
    } else if (rule && 'record' in rule) {
      const recordWhere = `${where}, recording rule "${rule.record}"`;
      problems.push(...validateRecording(recordWhere, rule));
      const series = `${rule.record}${JSON.stringify(Object.entries(rule.labels ?? {}).sort(([a], [b]) => compareText(a, b)))}`;
      if (recordedSeries.has(series)) {
        problems.push(problem(recordWhere, 'record', rule.record, 'recorded twice with the same labels in this group', 'a record name unique within its group, or distinct labels'));
      }
      recordedSeries.add(series);
    } else {
      problems.push(problem(`${where}, rule #${index}`, 'alert/record', rule, 'neither an alert nor a recording rule', 'an object with "alert" or "record"'));
    }
  });
  return problems;
}

function validateAlert(where: string, rule: AlertRule): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (typeof rule.alert !== 'string' || !ALERT_NAME_PATTERN.test(rule.alert)) {
    problems.push(problem(where, 'alert', rule.alert, 'not CamelCase', `${ALERT_NAME_PATTERN}, e.g. "PythPriceFeedStale"`));
  }
  problems.push(...validateExpr(where, rule.expr));
  if (!Severity.isSeverity(rule.severity)) {
    problems.push(problem(where, 'severity', rule.severity, 'unknown', `Severity.CRITICAL, Severity.WARNING or Severity.INFO (rendered ${SEVERITY_VALUES.join(', ')})`));
  }
  for (const field of ['team', 'summary', 'description'] as const) {
    if (typeof rule[field] !== 'string' || rule[field].trim() === '') {
      problems.push(problem(where, field, rule[field], 'missing', 'a non-empty string'));
    }
  }
  if (!isRunbook(rule.runbook)) {
    problems.push(problem(where, 'runbook', rule.runbook, 'missing', 'Runbook.at(<https base URL>, <page>)'));
  }
  if (rule.alert === WATCHDOG_ALERT_NAME) {
    if (rule.for !== undefined && !isDuration(rule.for)) {
      problems.push(problem(where, 'for', rule.for, 'not a Duration', 'a Duration, or nothing'));
    }
  } else if (rule.forBelowMinimumBecause !== undefined) {
    if (typeof rule.forBelowMinimumBecause !== 'string' || rule.forBelowMinimumBecause.trim().length < MIN_REASON_LENGTH) {
      problems.push(problem(where, 'forBelowMinimumBecause', rule.forBelowMinimumBecause, 'too short', `a reason of at least ${MIN_REASON_LENGTH} characters a reviewer can judge`));
    }
    if (!isDuration(rule.for)) {
      problems.push(problem(where, 'for', rule.for, 'not a Duration', 'a Duration, Duration.ZERO to fire at the first evaluation'));
    }
  } else if (!isDuration(rule.for) || rule.for.toSeconds() < MIN_ALERT_FOR.toSeconds()) {
    problems.push(
      problem(
        where,
        'for',
        rule.for,
        `under ${MIN_ALERT_FOR.toPrometheus()}`,
        `a Duration of at least ${MIN_ALERT_FOR.toPrometheus()}; only the ${WATCHDOG_ALERT_NAME} may fire at once, or an alert whose forBelowMinimumBecause says why its expression already waits`,
      ),
    );
  }
  if (rule.keepFiringFor !== undefined && !isPositiveDuration(rule.keepFiringFor)) {
    problems.push(problem(where, 'keepFiringFor', rule.keepFiringFor, 'not a positive Duration', 'a Duration above zero, or nothing'));
  }
  problems.push(...validateLabels(where, rule.labels, RESERVED_ALERT_LABELS));
  return problems;
}

/** The shortest reason accepted for a `for` under MIN_ALERT_FOR. */
const MIN_REASON_LENGTH = 20;

function validateRecording(where: string, rule: RecordingRule): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (typeof rule.record !== 'string' || !METRIC_NAME_PATTERN.test(rule.record)) {
    problems.push(problem(where, 'record', rule.record, 'not a metric name', `${METRIC_NAME_PATTERN}, e.g. "job:up:sum"`));
  }
  problems.push(...validateExpr(where, rule.expr));
  problems.push(...validateLabels(where, rule.labels, []));
  return problems;
}

function validateExpr(where: string, expr: unknown): ValidationProblem[] {
  return typeof expr === 'string' && expr.trim() !== '' ? [] : [problem(where, 'expr', expr, 'empty', 'a non-empty PromQL expression')];
}

function validateLabels(where: string, labels: unknown, reserved: readonly string[]): ValidationProblem[] {
  if (labels === undefined) return [];
  if (typeof labels !== 'object' || labels === null) {
    return [problem(where, 'labels', labels, 'not an object', 'an object of label name to string value')];
  }
  const problems: ValidationProblem[] = [];
  for (const [name, value] of Object.entries(labels)) {
    if (!LABEL_NAME_PATTERN.test(name) || name.startsWith('__')) {
      problems.push(problem(where, `labels.${name}`, name, 'not a label name', `${LABEL_NAME_PATTERN}, not starting with "__"`));
    } else if (reserved.includes(name)) {
      problems.push(problem(where, `labels.${name}`, value, 'a reserved label', `any label but ${reserved.join(', ')}, which come from typed fields and render options`));
    }
    if (typeof value !== 'string' || value === '') {
      problems.push(problem(where, `labels.${name}`, value, 'not a label value', 'a non-empty string'));
    }
  }
  return problems;
}

function problem(where: string, field: string, value: unknown, issue: string, allowed: string): ValidationProblem {
  return { scope: where, path: field, message: `${show(value)}: ${issue} (allowed: ${allowed})` };
}

function isDuration(value: unknown): value is Duration {
  return Duration.isDuration(value);
}

function isPositiveDuration(value: unknown): value is Duration {
  return isDuration(value) && value.toSeconds() > 0;
}

/** Accepts a Runbook from another copy of this library too (after `npm pack` there can be two). */
function isRunbook(value: unknown): value is Runbook {
  return Runbook.isRunbook(value);
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return `"${value}"`;
  if (isDuration(value)) return `"${value.toPrometheus()}"`;
  if (Severity.isSeverity(value)) return `"${value.value}"`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
