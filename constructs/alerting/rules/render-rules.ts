import { ValidationError } from '../../core/validation-error';
import type { AlertRule } from './alert-rule';
import type { RecordingRule } from './recording-rule';
import { isAlertRule, type RuleGroup } from './rule-group';
import { validateRuleGroups } from './validate-rule-groups';

/** What the rendered rules are for: the environment label and the PrometheusRule's metadata. */
export interface RenderRulesOptions {
  /** Value of the `environment` label set on every alert (e.g. `prod`); Alertmanager groups and routes on it. */
  readonly environment: string;
  /** `metadata.name` of the PrometheusRule (a DNS subdomain, e.g. `pyth-price-feeds`). */
  readonly name: string;
  /** `metadata.namespace` of the PrometheusRule. */
  readonly namespace: string;
  /**
   * Extra `metadata.labels`; they win over the defaults.
   * @default - only DEFAULT_PROMETHEUS_RULE_LABELS
   */
  readonly labels?: Readonly<Record<string, string>>;
}

export const DEFAULT_PROMETHEUS_RULE_LABELS: Readonly<Record<string, string>> = { 'app.kubernetes.io/managed-by': 'feedops' };

export interface RenderedAlertingRule {
  alert: string;
  expr: string;
  for?: string;
  keep_firing_for?: string;
  labels: Record<string, string>;
  annotations: { summary: string; description: string; runbook_url: string };
}

export interface RenderedRecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

export interface RenderedRuleGroup {
  name: string;
  interval?: string;
  rules: Array<RenderedAlertingRule | RenderedRecordingRule>;
}

/** Prometheus' rule file format, as `promtool check rules` and `promtool test rules` read it. */
export interface RulesFile {
  groups: RenderedRuleGroup[];
}

export interface PrometheusRuleManifest {
  apiVersion: 'monitoring.coreos.com/v1';
  kind: 'PrometheusRule';
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: RulesFile;
}

export interface RenderedRules {
  /** The plain rules file for promtool. */
  rulesFile: RulesFile;
  /** The prometheus-operator object; its `spec` deep-equals `rulesFile`. */
  prometheusRule: PrometheusRuleManifest;
}

const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const KUBERNETES_LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const KUBERNETES_LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

/**
 * Renders rule groups once into an intermediate rules file, then derives both outputs from it, so what
 * promtool checks is exactly what the PrometheusRule carries. Validates first; throws on any problem.
 */
export function renderRules(groups: readonly RuleGroup[], options: RenderRulesOptions): RenderedRules {
  validateRenderOptions(options);
  validateRuleGroups(groups);
  const rulesFile: RulesFile = { groups: groups.map((group) => renderGroup(group, options.environment)) };
  return {
    rulesFile: structuredClone(rulesFile),
    prometheusRule: {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: {
        name: options.name,
        namespace: options.namespace,
        labels: { ...DEFAULT_PROMETHEUS_RULE_LABELS, ...options.labels },
      },
      spec: structuredClone(rulesFile),
    },
  };
}

function renderGroup(group: RuleGroup, environment: string): RenderedRuleGroup {
  return {
    name: group.name,
    ...(group.interval ? { interval: group.interval.toPrometheus() } : {}),
    rules: group.rules.map((rule) => (isAlertRule(rule) ? renderAlert(rule, environment) : renderRecording(rule))),
  };
}

function renderAlert(rule: AlertRule, environment: string): RenderedAlertingRule {
  return {
    alert: rule.alert,
    expr: rule.expr.trim(),
    ...(rule.for ? { for: rule.for.toPrometheus() } : {}),
    ...(rule.keepFiringFor ? { keep_firing_for: rule.keepFiringFor.toPrometheus() } : {}),
    labels: { severity: rule.severity.value, team: rule.team, environment, ...rule.labels },
    annotations: { summary: rule.summary.trim(), description: rule.description.trim(), runbook_url: rule.runbook.url },
  };
}

function renderRecording(rule: RecordingRule): RenderedRecordingRule {
  return {
    record: rule.record,
    expr: rule.expr.trim(),
    ...(rule.labels && Object.keys(rule.labels).length > 0 ? { labels: { ...rule.labels } } : {}),
  };
}

function validateRenderOptions(options: RenderRulesOptions): void {
  const problems: string[] = [];
  if (typeof options?.environment !== 'string' || !KUBERNETES_LABEL_VALUE.test(options.environment) || options.environment === '') {
    problems.push(`field "environment" is ${JSON.stringify(options?.environment)} (allowed: a non-empty label value of letters, digits, "-", "_" and ".", e.g. "prod")`);
  }
  if (typeof options?.name !== 'string' || !DNS_SUBDOMAIN.test(options.name)) {
    problems.push(`field "name" is ${JSON.stringify(options?.name)} (allowed: a DNS subdomain, lower-case letters, digits, "-" and ".", e.g. "pyth-price-feeds")`);
  }
  if (typeof options?.namespace !== 'string' || !DNS_LABEL.test(options.namespace)) {
    problems.push(`field "namespace" is ${JSON.stringify(options?.namespace)} (allowed: a DNS label, lower-case letters, digits and "-", e.g. "monitoring")`);
  }
  for (const [key, value] of Object.entries(options?.labels ?? {})) {
    if (!KUBERNETES_LABEL_KEY.test(key) || typeof value !== 'string' || !KUBERNETES_LABEL_VALUE.test(value)) {
      problems.push(`field "labels" has ${key}=${JSON.stringify(value)} (allowed: Kubernetes label keys and values of at most 63 characters)`);
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(problems.map((message) => ({ scope: `PrometheusRule ${JSON.stringify(options?.name)}`, path: message.match(/^field "([^"]+)"/)?.[1] ?? '', message })), 'PrometheusRule options');
  }
}
