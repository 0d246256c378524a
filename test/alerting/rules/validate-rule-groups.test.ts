import { Duration } from '../../../constructs/core/duration';
import { validateRuleGroups } from '../../../constructs/alerting/rules/validate-rule-groups';
import { aGroup, anAlert } from './fixtures';

describe('validateRuleGroups', () => {
  test('a valid group passes', () => {
    expect(() => validateRuleGroups([aGroup([anAlert()])])).not.toThrow();
  });

  test('the Watchdog may fire without a for duration', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ alert: 'Watchdog', expr: 'vector(1)', for: undefined })])])).not.toThrow();
  });

  test('the same alert name may appear in two groups', () => {
    expect(() => validateRuleGroups([aGroup([anAlert()], { name: 'a' }), aGroup([anAlert()], { name: 'b' })])).not.toThrow();
  });

  test('a recording rule may be recorded twice with distinct labels', () => {
    const rules = [
      { record: 'feed:min_publishers:threshold', expr: 'vector(3)', labels: { symbol: 'Crypto.BTC/USD' } },
      { record: 'feed:min_publishers:threshold', expr: 'vector(5)', labels: { symbol: 'Crypto.ETH/USD' } },
    ];
    expect(() => validateRuleGroups([aGroup(rules)])).not.toThrow();
  });

  test('fails when the alert name is not CamelCase', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ alert: 'price_feed_stale' })])])).toThrow(
      /rule group "example", alert "price_feed_stale": alert: "price_feed_stale": not CamelCase \(allowed: .*e\.g\. "PythPriceFeedStale"\)/,
    );
  });

  test('fails when the severity is unknown', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ severity: 'page' })])])).toThrow(
      /alert "ExampleTargetDown": severity: "page": unknown \(allowed: Severity\.CRITICAL, Severity\.WARNING or Severity\.INFO \(rendered critical, warning, info\)\)/,
    );
  });

  test.each(['summary', 'description'])('fails when the %s is missing', (field) => {
    expect(() => validateRuleGroups([aGroup([anAlert({ [field]: undefined })])])).toThrow(
      new RegExp(`alert "ExampleTargetDown": ${field}: missing: missing \\(allowed: a non-empty string\\)`),
    );
  });

  test('fails when the summary is blank', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ summary: '  ' })])])).toThrow(/summary: " {2}": missing/);
  });

  test('fails when the team is missing', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ team: '' })])])).toThrow(/team: "": missing \(allowed: a non-empty string\)/);
  });

  test('fails when the runbook is missing', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ runbook: undefined })])])).toThrow(
      /alert "ExampleTargetDown": runbook: missing: missing \(allowed: Runbook\.at\(<https base URL>, <page>\)\)/,
    );
  });

  test('fails when the runbook is a plain string', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ runbook: 'ExampleTargetDown' })])])).toThrow(/runbook: "ExampleTargetDown": missing/);
  });

  test('fails when for is under one minute', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ for: Duration.seconds(30) })])])).toThrow(
      /alert "ExampleTargetDown": for: "30s": under 1m \(allowed: a Duration of at least 1m; only the Watchdog may fire at once, or an alert whose forBelowMinimumBecause says why its expression already waits\)/,
    );
  });

  test('accepts a for under one minute, down to zero, when the rule says why its expression already waits', () => {
    const because = 'the staleness count is itself a duration without an update';
    expect(() => validateRuleGroups([aGroup([anAlert({ for: Duration.ZERO, forBelowMinimumBecause: because }), anAlert({ alert: 'Other', for: Duration.seconds(15), forBelowMinimumBecause: because })])])).not.toThrow();
  });

  test('fails when the reason for a short for is too short to judge', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ for: Duration.ZERO, forBelowMinimumBecause: 'fast' })])])).toThrow(
      /alert "ExampleTargetDown": forBelowMinimumBecause: "fast": too short \(allowed: a reason of at least 20 characters a reviewer can judge\)/,
    );
  });

  test('fails when a rule with a reason for a short for has no Duration at all', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ for: undefined, forBelowMinimumBecause: 'the expression measures the hold itself' })])])).toThrow(
      /for: missing: not a Duration \(allowed: a Duration, Duration.ZERO to fire at the first evaluation\)/,
    );
  });

  test('fails when for is missing on an alert other than the Watchdog', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ for: undefined })])])).toThrow(/for: missing: under 1m/);
  });

  test('fails when for is a string instead of a Duration', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ for: '5m' })])])).toThrow(/for: "5m": under 1m/);
  });

  test('fails when two alerts in a group share a name', () => {
    expect(() => validateRuleGroups([aGroup([anAlert(), anAlert()])])).toThrow(
      /rule group "example", alert "ExampleTargetDown": alert: "ExampleTargetDown": a duplicate name in this group \(allowed: an alert name unique within its group\)/,
    );
  });

  test('fails when the expr is empty', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ expr: ' ' })])])).toThrow(
      /alert "ExampleTargetDown": expr: " ": empty \(allowed: a non-empty PromQL expression\)/,
    );
  });

  test('fails when a recording rule expr is empty', () => {
    expect(() => validateRuleGroups([aGroup([{ record: 'job:up:sum', expr: '' }])])).toThrow(/recording rule "job:up:sum": expr: "": empty/);
  });

  test('fails when a recording rule name is not a metric name', () => {
    expect(() => validateRuleGroups([aGroup([{ record: 'job-up-sum', expr: 'up' }])])).toThrow(/recording rule "job-up-sum": record: "job-up-sum": not a metric name/);
  });

  test('fails when the same series is recorded twice in a group', () => {
    expect(() => validateRuleGroups([aGroup([{ record: 'job:up:sum', expr: 'up' }, { record: 'job:up:sum', expr: 'up' }])])).toThrow(
      /record: "job:up:sum": recorded twice with the same labels/,
    );
  });

  test('fails when an extra label overrides the environment', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ labels: { environment: 'prod' } })])])).toThrow(
      /labels\.environment: "prod": a reserved label \(allowed: any label but alertname, severity, team, environment/,
    );
  });

  test('fails when an extra label name is invalid', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ labels: { 'asset-type': 'Crypto' } })])])).toThrow(/labels\.asset-type: "asset-type": not a label name/);
  });

  test('fails when keepFiringFor is zero', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ keepFiringFor: Duration.seconds(0) })])])).toThrow(/keepFiringFor: "0s": not a positive Duration/);
  });

  test('fails when two groups share a name', () => {
    expect(() => validateRuleGroups([aGroup([anAlert()]), aGroup([anAlert()])])).toThrow(/rule group "example": name: "example": used by another group/);
  });

  test('fails when a group has no rules', () => {
    expect(() => validateRuleGroups([aGroup([])])).toThrow(/rule group "example": rules: \[\]: no rules \(allowed: at least one rule\)/);
  });

  test('fails when a group interval is zero', () => {
    expect(() => validateRuleGroups([aGroup([anAlert()], { interval: Duration.seconds(0) })])).toThrow(/interval: "0s": not a positive Duration/);
  });

  test('fails when there is no group at all', () => {
    expect(() => validateRuleGroups([])).toThrow(/groups: \[\]: nothing to render/);
  });

  test('fails when a rule is neither an alert nor a recording rule', () => {
    expect(() => validateRuleGroups([aGroup([{ expr: 'up' } as never])])).toThrow(/rule #0: alert\/record: \{"expr":"up"\}: neither an alert nor a recording rule/);
  });

  test('fails when the Watchdog for is not a Duration', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ alert: 'Watchdog', for: '1m' })])])).toThrow(/alert "Watchdog": for: "1m": not a Duration/);
  });

  test('fails when a label value is empty', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ labels: { symbol: '' } })])])).toThrow(/labels\.symbol: "": not a label value/);
  });

  test('reports every problem at once', () => {
    expect(() => validateRuleGroups([aGroup([anAlert({ alert: 'bad_name', expr: '', summary: '' })])])).toThrow(/\(3 problems\)/);
  });
});
