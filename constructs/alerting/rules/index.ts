export type { AlertRule } from './alert-rule';
export type { RecordingRule } from './recording-rule';
export { isAlertRule, type Rule, type RuleGroup } from './rule-group';
export { Runbook } from './runbook';
export { Severity, SEVERITY_VALUES, type SeverityValue } from './severity';
export { ALERT_NAME_PATTERN, MIN_ALERT_FOR, RESERVED_ALERT_LABELS, WATCHDOG_ALERT_NAME } from './rule-limits';
export { validateRuleGroups } from './validate-rule-groups';
export {
  DEFAULT_PROMETHEUS_RULE_LABELS,
  renderRules,
  type PrometheusRuleManifest,
  type RenderedAlertingRule,
  type RenderedRecordingRule,
  type RenderedRuleGroup,
  type RenderedRules,
  type RenderRulesOptions,
  type RulesFile,
} from './render-rules';
export { watchdogRule, WATCHDOG_LABELS, type WatchdogRuleOptions } from './watchdog';
